// Written by scripts/gen_vocab.py: the sha256 of each embedded vocabulary. EmbeddedVocabularies.c
// includes it so that regenerating a vocabulary rebuilds the embedding.
// cl100k_base.bpevocab cd24e4b3cb31f2d67b7962fdd00f555feec7bbc47edc7b18e2496eb0070b5220
// o200k_base.bpevocab 32f2f0c4d38539952af937085ed064e66d2b9e6f9c44e60b2e4940a1c77a3769

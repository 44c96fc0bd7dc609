#ifndef PROMPTLINT_CVOCABULARY_H
#define PROMPTLINT_CVOCABULARY_H

/// A tokenizer vocabulary built into the executable, in the binary layout written by
/// scripts/gen_vocab.py. The bytes are read-only data of the program image: valid for the
/// process lifetime, 16-byte aligned, and paged in by the OS only where the tokenizer reads them.
typedef struct {
    const unsigned char *bytes;
    unsigned long count;
} PLEmbeddedVocabulary;

PLEmbeddedVocabulary promptlint_embedded_cl100k_base(void);
PLEmbeddedVocabulary promptlint_embedded_o200k_base(void);

#endif

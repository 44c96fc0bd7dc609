#!/usr/bin/env python3
"""Convert official tiktoken vocabularies into the binary vocabularies embedded in promptlint.

usage: scripts/gen_vocab.py [SHARED_DIR]   (default: ../shared; reads SHARED_DIR/tokenizers/*.tiktoken)

Why a custom binary: tiktoken's text format (base64 + rank per line) costs 100+ ms to parse and
hash. This file is laid out so that loading is one read: token bytes, offsets and a ready-made
open-addressing hash table, all little-endian, all 4-byte aligned.

Layout (all integers little-endian u32 unless noted):
  0   magic b"PLBPEV2\\0" (8 bytes)
  8   tokenCount N         (ranks are dense 0..N-1; id == rank)
  12  tableBits B          (hash table has 2^B slots)
  16  blobBytes
  20  maxTokenLength
  24  reserved, reserved
  32  offsets[N+1]         token r = blob[offsets[r] ..< offsets[r+1]]
  ..  table[2^B]           slot = rank + 1, 0 = empty; linear probing from hash >> (64 - B).
                           (Measured: u64 slots carrying offset and length were not faster, only larger.)
  ..  pairs[65536]         rank of the 2-byte token (b0 << 8 | b1), 0xFFFFFFFF if none: every merge
                           starts by ranking all adjacent byte pairs, so this skips most hashing
  ..  blob                 all token bytes, concatenated by rank
The hash (see VocabHash.swift, which must stay identical) mixes 8-byte little-endian words.
"""
import base64, hashlib, json, os, struct, sys

M = (1 << 64) - 1


def vocab_hash(b: bytes) -> int:
    x = (len(b) * 0x9E3779B97F4A7C15) & M
    for i in range(0, len(b), 8):
        w = int.from_bytes(b[i:i + 8].ljust(8, b"\0"), "little")
        x = ((x ^ w) * 0xBF58476D1CE4E5B9) & M
        x ^= x >> 29
    return (x * 0x94D049BB133111EB) & M


def convert(src: str, dst: str) -> None:
    tokens = []
    for line in open(src, "rb"):
        if not line.strip():
            continue
        b64, rank = line.split()
        assert int(rank) == len(tokens), "ranks must be dense and ordered"
        tokens.append(base64.b64decode(b64))
    n = len(tokens)
    bits = max(10, (n * 5 // 2).bit_length())  # load factor <= 0.4: short probe chains
    size = 1 << bits
    offsets, pos = [], 0
    for t in tokens:
        offsets.append(pos)
        pos += len(t)
    offsets.append(pos)
    table = [0] * size
    for r, t in enumerate(tokens):
        s = vocab_hash(t) >> (64 - bits)
        while table[s]:
            s = (s + 1) & (size - 1)
        table[s] = r + 1
    blob = b"".join(tokens)
    pairs = [0xFFFFFFFF] * 65536
    for r, t in enumerate(tokens):
        if len(t) == 2:
            pairs[t[0] << 8 | t[1]] = r
    with open(dst, "wb") as f:
        f.write(b"PLBPEV2\0")
        f.write(struct.pack("<6I", n, bits, len(blob), max(map(len, tokens)), 0, 0))
        f.write(struct.pack("<%dI" % (n + 1), *offsets))
        f.write(struct.pack("<%dI" % size, *table))
        f.write(struct.pack("<65536I", *pairs))
        f.write(blob)
    print(dst, n, "tokens", os.path.getsize(dst), "bytes", "sha256(src)",
          hashlib.sha256(open(src, "rb").read()).hexdigest())


shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared")
target_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "CVocabulary")
out_dir = os.path.join(target_dir, "Vocab")
os.makedirs(out_dir, exist_ok=True)
digests = []
for name in ("cl100k_base", "o200k_base"):
    dst = os.path.join(out_dir, name + ".bpevocab")
    convert(os.path.join(shared, "tokenizers", name + ".tiktoken"), dst)
    digests.append((name, hashlib.sha256(open(dst, "rb").read()).hexdigest()))
# The assembler's .incbin is invisible to the build's dependency tracking; a changed header is not.
with open(os.path.join(target_dir, "VocabularyDigest.h"), "w") as f:
    f.write("// Written by scripts/gen_vocab.py: the sha256 of each embedded vocabulary. EmbeddedVocabularies.c\n")
    f.write("// includes it so that regenerating a vocabulary rebuilds the embedding.\n")
    for name, digest in digests:
        f.write("// %s.bpevocab %s\n" % (name, digest))

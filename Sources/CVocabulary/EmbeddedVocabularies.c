// Puts the two .bpevocab files into the executable's read-only data with the assembler's
// .incbin, so one file is the whole tool: no resource folder to lose, nothing to read at start-up.
//
// The assembler finds the files through the target's header search path (Vocab/, see
// Package.swift). It does not report them as dependencies, so the build would not notice a
// regenerated vocabulary: VocabularyDigest.h, rewritten by scripts/gen_vocab.py with the files'
// hashes, is included for that reason only.
#include "CVocabulary.h"
#include "VocabularyDigest.h"

#if defined(__APPLE__)
#define PL_SECTION ".section __TEXT,__const\n"
#define PL_SYMBOL(name) "_" #name
#else
#define PL_SECTION ".section .rodata\n"
#define PL_SYMBOL(name) #name
#endif

#define PL_EMBED(name, file)                                                     \
    __asm__(PL_SECTION                                                           \
            ".p2align 4\n"                                                       \
            ".globl " PL_SYMBOL(promptlint_vocab_##name##_start) "\n"            \
            PL_SYMBOL(promptlint_vocab_##name##_start) ":\n"                     \
            ".incbin \"" file "\"\n"                                             \
            ".globl " PL_SYMBOL(promptlint_vocab_##name##_end) "\n"              \
            PL_SYMBOL(promptlint_vocab_##name##_end) ":\n"                       \
            ".text\n");                                                          \
    extern const unsigned char promptlint_vocab_##name##_start[];                \
    extern const unsigned char promptlint_vocab_##name##_end[];                  \
    PLEmbeddedVocabulary promptlint_embedded_##name(void) {                      \
        PLEmbeddedVocabulary vocabulary = {                                      \
            promptlint_vocab_##name##_start,                                     \
            (unsigned long)(promptlint_vocab_##name##_end - promptlint_vocab_##name##_start)}; \
        return vocabulary;                                                       \
    }

PL_EMBED(cl100k_base, "cl100k_base.bpevocab")
PL_EMBED(o200k_base, "o200k_base.bpevocab")

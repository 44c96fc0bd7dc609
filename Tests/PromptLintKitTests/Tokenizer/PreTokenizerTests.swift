import Testing
@testable import PromptLintKit

/// The exactness facts of the shared tokenizer README, one example each. Expected splits were
/// taken from tiktoken 0.14.0 (shared/tokenizers/tiktoken_pieces.py), like golden_pieces.jsonl.
@Suite("Tokenizer pre-tokenizer edge cases")
struct PreTokenizerTests {
    static let cases: [(text: String, cl100k: [String], o200k: [String])] = [
        ("a\u{301}b", ["a", "\u{301}b"], ["a\u{301}b"]),                         // cl100k: no \p{M} in letters
        ("\u{FF11}\u{FF12}\u{FF13}\u{FF14}\u{FF15}", ["１２３", "４５"], ["１２３", "４５"]),  // digits by 3, any script
        ("it'\u{17F} ok", ["it", "'\u{17F}", " ok"], ["it'\u{17F}", " ok"]),         // (?i:'s) matches 'ſ
        ("\u{A0}hello", ["\u{A0}hello"], ["\u{A0}hello"]),                        // NBSP prefixes a word
        ("\u{B}hello", ["\u{B}hello"], ["\u{B}hello"]),                           // so does U+000B
        ("a\u{200B}b", ["a", "\u{200B}b"], ["a", "\u{200B}b"]),                   // U+200B is not \s
        ("don'T WE'LL", ["don", "'T", " WE", "'LL"], ["don'T", " WE'LL"]),
        ("x \r\n\r\n  y  ", ["x", " \r\n\r\n", " ", " y", "  "], ["x", " \r\n\r\n", " ", " y", "  "]),
        ("\u{301}ABC d", ["\u{301}ABC", " d"], ["\u{301}", "ABC", " d"]),         // o200k backtracking
        ("HELLOworld's", ["HELLOworld", "'s"], ["HELLOworld's"]),
        ("  \n\t", ["  \n\t"], ["  \n", "\t"]),                                   // \s++$ is cl100k only
        ("a//b\n/", ["a", "//", "b", "\n", "/"], ["a", "//", "b", "\n", "/"]),
        ("\u{1C5}ungla", ["\u{1C5}ungla"], ["\u{1C5}ungla"]),                     // Lt then Ll
    ]

    @Test("README facts", arguments: cases.indices)
    func split(index: Int) {
        let c = Self.cases[index]
        for (encoding, expected) in [(Encoding.cl100k_base, c.cl100k), (.o200k_base, c.o200k)] {
            let utf8 = Array(c.text.utf8)
            let pieces = Tokenizer.shared(encoding).pieces(c.text).map { String(decoding: utf8[$0], as: UTF8.self) }
            #expect(pieces == expected, "\(encoding) \(c.text.debugDescription)")
        }
    }

    @Test("the class table follows Unicode 16.0, not the standard library's newer tables")
    func unicodeVersion() {
        let classes = ScalarClassTable.shared.classes
        #expect(UnicodeClassTable.unicodeVersion == "16.0.0")
        #expect(classes[0x10940] == ScalarClass.other)   // new letter in Unicode 17.0
        #expect(classes[0x323B0] == ScalarClass.other)   // new CJK ideograph in Unicode 17.0
        #expect(classes[0x4E00] == ScalarClass.lo)
        #expect(classes[0x0301] == ScalarClass.mark)
        #expect(classes[0x3000] == ScalarClass.whitespace)
        #expect(classes[0x200B] == ScalarClass.other)
        #expect(classes[0x01C5] == ScalarClass.lt)
    }
}

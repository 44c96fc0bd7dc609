import Foundation
import Testing
@testable import PromptLintKit

/// The scanner against an independent oracle on inputs the golden files do not contain:
/// NSRegularExpression (ICU) with tiktoken's exact patterns, which the shared README reports to
/// reproduce tiktoken's split on every golden row. Random strings avoid code points whose class
/// changed after Unicode 15 so that ICU's own Unicode version cannot matter.
@Suite("Tokenizer pre-tokenizer vs regex oracle")
struct PreTokenizerOracleTests {
    static let patterns: [Encoding: String] = [
        .cl100k_base: #"'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s"#,
        .o200k_base: #"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+"#,
    ]

    /// Small alphabet of the characters the patterns treat differently, so random strings hit
    /// every alternative and its backtracking often.
    static let alphabet: [Unicode.Scalar] = Array("aZé ǅʰ日ー\u{301}\u{903}7٣１'sStTlLvVeErRmMdD\u{17F}.,/-_#(\"\n\r\t\u{B}\u{A0}\u{3000}\u{2028}\u{85}\u{200B}😀\u{FE0F}".unicodeScalars)

    static func oracleSplit(_ regex: NSRegularExpression, _ text: String) -> [String] {
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
    }

    @Test("random strings split like the exact regex", arguments: Encoding.allCases)
    func randomAgainstRegex(encoding: Encoding) throws {
        let regex = try NSRegularExpression(pattern: Self.patterns[encoding]!)
        let tokenizer = Tokenizer.shared(encoding)
        var rng = SeededRandom(seed: 0x5EED_0004)
        var mismatches: [String] = []
        var compared = 0
        for _ in 0..<10_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...32, using: &rng) { scalars.append(Self.alphabet.randomElement(using: &rng)!) }
            let text = String(scalars)
            let utf8 = Array(text.utf8)
            let ours = tokenizer.pieces(text).map { String(decoding: utf8[$0], as: UTF8.self) }
            let expected = Self.oracleSplit(regex, text)
            // The oracle must cover the text; a gap would mean the regex itself failed somewhere.
            guard expected.joined() == text else { continue }
            compared += 1
            if ours != expected { mismatches.append("\(text.debugDescription): ours \(ours) regex \(expected)") }
        }
        #expect(compared > 9_900, "the oracle covered only \(compared) texts")
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, e.g. \(mismatches.prefix(3))")
    }

    @Test("encode equals regex split + textbook BPE on random strings", arguments: Encoding.allCases)
    func encodeAgainstIndependentReference(encoding: Encoding) throws {
        let regex = try NSRegularExpression(pattern: Self.patterns[encoding]!)
        let tokenizer = Tokenizer.shared(encoding)
        var rng = SeededRandom(seed: 0x5EED_0005)
        var mismatches: [String] = []
        for _ in 0..<2_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...32, using: &rng) { scalars.append(Self.alphabet.randomElement(using: &rng)!) }
            let text = String(scalars)
            let pieces = Self.oracleSplit(regex, text)
            guard pieces.joined() == text else { continue }
            let expected = pieces.flatMap { TokenizerPropertyTests.naiveMerge(Array($0.utf8), tokenizer.vocab) }.map(Int.init)
            if tokenizer.encode(text) != expected { mismatches.append(text.debugDescription) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, e.g. \(mismatches.prefix(3))")
    }
}

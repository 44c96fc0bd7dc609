import Foundation
import Testing
@testable import PromptLintKit

@Suite("Tokenizer exactness")
struct TokenizerExactnessTests {
    @Test("every golden row encodes to tiktoken's ids", arguments: Encoding.allCases)
    func goldenIds(encoding: Encoding) {
        let tokenizer = Tokenizer.shared(encoding)
        var mismatches: [String] = []
        for row in TokenizerFixtures.golden where tokenizer.encode(row.text) != row.ids[encoding]! {
            mismatches.append("[\(row.category)] \(row.text.debugDescription.prefix(80))")
        }
        #expect(TokenizerFixtures.golden.count == 1267)
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, e.g. \(mismatches.prefix(5))")
    }

    @Test("the pre-tokenizer splits exactly like tiktoken", arguments: Encoding.allCases)
    func goldenPieces(encoding: Encoding) {
        let tokenizer = Tokenizer.shared(encoding)
        var mismatches: [String] = []
        var checked = 0
        for row in TokenizerFixtures.goldenPieces {
            guard let expected = row.pieces[encoding] else { continue }
            checked += 1
            let utf8 = Array(row.text.utf8)
            let pieces = tokenizer.pieces(row.text).map { String(decoding: utf8[$0], as: UTF8.self) }
            if pieces != expected { mismatches.append(row.text.debugDescription.prefix(80) + " → \(pieces.prefix(8))") }
        }
        #expect(checked == 1040)
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, e.g. \(mismatches.prefix(5))")
    }

    @Test("decode inverts encode on every golden text", arguments: Encoding.allCases)
    func goldenRoundTrip(encoding: Encoding) {
        let tokenizer = Tokenizer.shared(encoding)
        for row in TokenizerFixtures.golden {
            #expect(tokenizer.decode(row.ids[encoding]!) == row.text)
        }
    }

    @Test("count equals encode().count", arguments: Encoding.allCases)
    func countMatchesEncode(encoding: Encoding) {
        let tokenizer = Tokenizer.shared(encoding)
        for row in TokenizerFixtures.golden.prefix(300) {
            #expect(tokenizer.count(row.text) == row.ids[encoding]!.count)
        }
    }

    @Test("concurrent encodes (shared tokenizer and cross-call cache) give the sequential ids")
    func concurrentEncodes() async {
        let rows = Array(TokenizerFixtures.golden.prefix(400))
        await withTaskGroup(of: Int.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    var wrong = 0
                    for (i, row) in rows.enumerated() where i % 4 == worker || worker == 0 {
                        for encoding in Encoding.allCases where Tokenizer.shared(encoding).encode(row.text) != row.ids[encoding]! {
                            wrong += 1
                        }
                    }
                    return wrong
                }
            }
            var wrong = 0
            for await w in group { wrong += w }
            #expect(wrong == 0)
        }
    }

    @Test("the cross-call cache gives the same ids on repeated calls", arguments: Encoding.allCases)
    func repeatedCalls(encoding: Encoding) {
        let tokenizer = Tokenizer.shared(encoding)
        for row in TokenizerFixtures.golden.prefix(200) {
            #expect(tokenizer.encode(row.text) == row.ids[encoding]!)
            #expect(tokenizer.encode(row.text) == row.ids[encoding]!)
        }
    }

    @Test("special-token text is ordinary text, special ids decode to their names")
    func specialTokens() {
        let cl100k = Tokenizer.shared(.cl100k_base)
        #expect(!cl100k.encode("<|endoftext|>").contains(100257))
        #expect(cl100k.decode([100257]) == "<|endoftext|>")
        #expect(Tokenizer.shared(.o200k_base).decode([199999]) == "<|endoftext|>")
    }

    @Test("the bundled vocabulary reproduces the official .tiktoken file (sha256)", arguments: [
        (Encoding.cl100k_base, "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7", 100_256),
        (Encoding.o200k_base, "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d", 199_998),
    ])
    func vocabularyIsOfficial(encoding: Encoding, sha256: String, tokens: Int) {
        let vocab = Tokenizer.shared(encoding).vocab
        #expect(vocab.tokenCount == tokens)
        var text: [UInt8] = []
        text.reserveCapacity(4_000_000)
        for rank in 0..<vocab.tokenCount {
            let bytes = vocab.tokenBytes(rank)
            text.append(contentsOf: Data(bytes).base64EncodedString().utf8)
            text.append(UInt8(ascii: " "))
            text.append(contentsOf: String(rank).utf8)
            text.append(UInt8(ascii: "\n"))
            // The prebuilt hash table must find every token at its own rank.
            if vocab.rank(bytes.baseAddress!, bytes.count) != UInt32(rank) {
                Issue.record("token \(rank) not found by its bytes")
                return
            }
        }
        #expect(SHA256.hex(text) == sha256)
        // The precomputed 2-byte table agrees with the hash table for every byte pair.
        var wrongPairs = 0
        var pair: [UInt8] = [0, 0]
        for b0 in 0..<256 {
            for b1 in 0..<256 {
                pair[0] = UInt8(b0)
                pair[1] = UInt8(b1)
                if vocab.pairRanks[b0 << 8 | b1] != vocab.rank(pair, 2) { wrongPairs += 1 }
            }
        }
        #expect(wrongPairs == 0)
    }
}

@Suite("Tokenizer properties")
struct TokenizerPropertyTests {
    /// Scalars from the parts of Unicode the regexes treat differently.
    static let alphabet: [ClosedRange<UInt32>] = [
        0x20...0x7E, 0x09...0x0D, 0x20...0x20, 0xA0...0xFF, 0x100...0x17F, 0x300...0x36F, 0x391...0x3C9,
        0x400...0x44F, 0x5D0...0x5EA, 0x600...0x64A, 0x660...0x669, 0x900...0x97F, 0xE00...0xE5B,
        0x1100...0x1112, 0x2000...0x200D, 0x2028...0x2029, 0x3000...0x3000, 0x3040...0x30FF, 0x4E00...0x4FFF,
        0xAC00...0xAD00, 0xFF10...0xFF5A, 0x1F300...0x1F64F, 0x1F3FB...0x1F3FF, 0xFE00...0xFE0F,
        0x10400...0x1044F, 0x1D400...0x1D4FF, 0x323B0...0x323B5, 0xE0061...0xE007A,
    ]

    static func randomString(_ rng: inout SeededRandom, maxLength: Int) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...maxLength, using: &rng) {
            let range = alphabet.randomElement(using: &rng)!
            if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &rng)) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    @Test("random mixed-script strings round-trip through encode/decode", arguments: Encoding.allCases)
    func randomRoundTrip(encoding: Encoding) {
        let tokenizer = Tokenizer.shared(encoding)
        var rng = SeededRandom(seed: 0x5EED_0001)
        for _ in 0..<2_000 {
            let text = Self.randomString(&rng, maxLength: 60)
            let ids = tokenizer.encode(text)
            #expect(tokenizer.decode(ids) == text, "seeded text \(text.debugDescription)")
            #expect(tokenizer.decodeBytes(ids) == Array(text.utf8))
        }
    }

    @Test("heap merge equals tiktoken's quadratic merge on medium pieces", arguments: Encoding.allCases)
    func heapMatchesScan(encoding: Encoding) {
        var merger = BytePairMerger(vocab: Tokenizer.shared(encoding).vocab)
        var rng = SeededRandom(seed: 0x5EED_0002)
        let alphabets: [[UInt8]] = [Array("x".utf8), Array(" ".utf8), Array("ab".utf8), Array("abc ".utf8),
                                    Array("the quick brown fox".utf8), Array("=-*#".utf8), Array("日本".utf8)]
        for round in 0..<60 {
            let alphabet = alphabets[round % alphabets.count]
            let length = Int.random(in: 2...1_500, using: &rng)
            let piece = (0..<length).map { _ in alphabet.randomElement(using: &rng)! }
            var byScan: [UInt32] = [], byHeap: [UInt32] = []
            piece.withUnsafeBufferPointer {
                merger.mergeByScan($0.baseAddress!, length, into: &byScan)
                merger.mergeByHeap($0.baseAddress!, length, into: &byHeap)
            }
            #expect(byScan == byHeap, "round \(round), length \(length)")
        }
    }

    /// Textbook BPE, written for clarity only: parts as byte arrays, merge the lowest-ranked
    /// adjacent pair (leftmost on ties) until none is a token. Independent of both fast paths.
    static func naiveMerge(_ piece: [UInt8], _ vocab: Vocabulary) -> [UInt32] {
        func rank(_ bytes: [UInt8]) -> UInt32 { bytes.withUnsafeBufferPointer { vocab.rank($0.baseAddress!, $0.count) } }
        var parts = piece.map { [$0] }
        while parts.count > 1 {
            var best: (rank: UInt32, index: Int)? = nil
            for i in 0..<(parts.count - 1) {
                let r = rank(parts[i] + parts[i + 1])
                if r != Vocabulary.noRank && (best == nil || r < best!.rank) { best = (r, i) }
            }
            guard let (_, i) = best else { break }
            parts[i] += parts[i + 1]
            parts.remove(at: i + 1)
        }
        return parts.map(rank)
    }

    @Test("both merge paths equal a naive textbook BPE", arguments: Encoding.allCases)
    func mergesMatchNaive(encoding: Encoding) {
        let vocab = Tokenizer.shared(encoding).vocab
        var merger = BytePairMerger(vocab: vocab)
        var rng = SeededRandom(seed: 0x5EED_0003)
        let sources = [Array("the quick brown fox jumps over the lazy dog".utf8), Array("日本語のテキスト".utf8),
                       Array("xxxxxxxx  ".utf8), Array("aaab".utf8), Array("{}[]()<>=;".utf8), Array("été ñandú".utf8)]
        for round in 0..<150 {
            let source = sources[round % sources.count]
            let length = Int.random(in: 2...(round < 100 ? 40 : 200), using: &rng)
            // Random windows of real-ish text and random byte soups (the merge works on any bytes).
            let piece: [UInt8] = round % 3 == 0
                ? (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
                : (0..<length).map { _ in source.randomElement(using: &rng)! }
            let expected = Self.naiveMerge(piece, vocab)
            var byScan: [UInt32] = [], byHeap: [UInt32] = []
            piece.withUnsafeBufferPointer {
                merger.mergeByScan($0.baseAddress!, length, into: &byScan)
                merger.mergeByHeap($0.baseAddress!, length, into: &byHeap)
            }
            #expect(byScan == expected, "scan, round \(round)")
            #expect(byHeap == expected, "heap, round \(round)")
        }
    }

    @Test("long single words and whitespace runs take the heap path and round-trip", arguments: Encoding.allCases)
    func longInputs(encoding: Encoding) {
        let tokenizer = Tokenizer.shared(encoding)
        for text in [String(repeating: "x", count: 100_000), String(repeating: " ", count: 100_000),
                     String(repeating: " ", count: 50_000) + "x", String(repeating: "ab\n", count: 30_000)] {
            let ids = tokenizer.encode(text)
            #expect(tokenizer.decode(ids) == text)
            #expect(tokenizer.count(text) == ids.count)
        }
        // A long word's ids equal the same word's ids computed by the quadratic reference.
        let word = String(repeating: "x", count: 3_000)
        var reference: [UInt32] = []
        let merger = BytePairMerger(vocab: tokenizer.vocab)
        Array(word.utf8).withUnsafeBufferPointer { merger.mergeByScan($0.baseAddress!, $0.count, into: &reference) }
        #expect(tokenizer.encode(word) == reference.map(Int.init))
    }
}

@Suite("Tokenizer caches")
struct TokenizerCacheTests {
    @Test("the shared cache starts over when full and never returns wrong ids")
    func sharedCacheReset() {
        let cache = SharedPieceCache()
        let total = SharedPieceCache.maxEntries + 1_000
        func key(_ i: Int) -> [UInt8] { Array("piece-\(i)".utf8) }
        for i in 0..<total {
            let bytes = key(i)
            bytes.withUnsafeBufferPointer {
                cache.insert($0.baseAddress!, $0.count, hash: VocabHash.hash($0.baseAddress!, $0.count), ids: [UInt32(i), 7])
            }
        }
        var found = 0
        for i in 0..<total {
            var out: [UInt32] = []
            let bytes = key(i)
            let hit = bytes.withUnsafeBufferPointer {
                cache.lookup($0.baseAddress!, $0.count, hash: VocabHash.hash($0.baseAddress!, $0.count), into: &out)
            }
            if hit {
                found += 1
                #expect(out == [UInt32(i), 7])
            }
        }
        // Only the entries inserted since the reset remain.
        #expect(found == 1_000)
    }

    @Test("pieces far apart in one long input reuse the per-call cache correctly", arguments: Encoding.allCases)
    func perCallCache(encoding: Encoding) {
        let tokenizer = Tokenizer.shared(encoding)
        let words = [" tokenization", " unbelievably", " 東京都庁", " naïve", " ḥadīth", " zzzzqqq"]
        var text = ""
        var expected: [Int] = []
        for i in 0..<3_000 {
            let word = words[i % words.count]
            text += word
            expected += tokenizer.encode(word)
        }
        #expect(tokenizer.encode(text) == expected)
    }
}

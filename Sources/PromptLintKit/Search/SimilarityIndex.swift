/// Near-duplicate detection: each template's message text becomes a set of word 3-shingles
/// (CJK bigrams count as words); MinHash signatures estimate Jaccard similarity cheaply and
/// locality-sensitive banding proposes candidate pairs; every reported score is the exact Jaccard
/// similarity of the two shingle sets.
public struct SimilarityIndex: Sendable {
    public static let shingleSize = 3
    public static let hashCount = 64
    /// 16 bands of 4 rows: pairs above ~0.5 estimated similarity almost always share a band.
    public static let bands = 16

    /// Sorted, distinct shingle hashes per template.
    public let shingles: [[UInt64]]
    /// MinHash signature per template (`hashCount` values).
    public let signatures: [[UInt64]]

    public init(texts: [String]) {
        shingles = texts.map(Self.shingles(of:))
        signatures = shingles.map(Self.signature(of:))
    }

    public init(templates: [PromptTemplate]) {
        self.init(texts: templates.map(\.fullText))
    }

    /// Word shingles of normalised (unstemmed) words, hashed (FNV-1a, 64-bit).
    public static func shingles(of text: String) -> [UInt64] {
        let words = TextNormalizer.terms(text, stem: false).map(hash)
        guard !words.isEmpty else { return [] }
        var result: Set<UInt64> = []
        if words.count < shingleSize { result.insert(words.reduce(0xcbf2_9ce4_8422_2325) { mix($0 ^ $1) }) }
        if words.count >= shingleSize {
            for start in 0...(words.count - shingleSize) {
                var value: UInt64 = 0xcbf2_9ce4_8422_2325
                for word in words[start..<start + shingleSize] { value = mix(value ^ word) }
                result.insert(value)
            }
        }
        return result.sorted()
    }

    static func hash(_ word: String) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return value
    }

    /// splitmix64's finaliser: a well-spread 64-bit mix.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    static let seeds: [UInt64] = (0..<hashCount).map { mix(UInt64($0) &* 0x2545_f491_4f6c_dd1d) }

    public static func signature(of shingles: [UInt64]) -> [UInt64] {
        var signature = [UInt64](repeating: .max, count: hashCount)
        for shingle in shingles {
            for i in 0..<hashCount {
                let value = mix(shingle ^ seeds[i])
                if value < signature[i] { signature[i] = value }
            }
        }
        return signature
    }

    /// Estimated Jaccard similarity: the share of equal signature positions.
    public func estimate(_ a: Int, _ b: Int) -> Double {
        guard !shingles[a].isEmpty, !shingles[b].isEmpty else { return 0 }
        var equal = 0
        for i in 0..<Self.hashCount where signatures[a][i] == signatures[b][i] { equal += 1 }
        return Double(equal) / Double(Self.hashCount)
    }

    /// Exact Jaccard similarity of two templates' shingle sets.
    public func jaccard(_ a: Int, _ b: Int) -> Double {
        Self.jaccard(shingles[a], shingles[b])
    }

    public static func jaccard(_ a: [UInt64], _ b: [UInt64]) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        var i = 0, j = 0, common = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { common += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return Double(common) / Double(a.count + b.count - common)
    }

    /// The templates most similar to `target`, best first: MinHash ranks every template, the best
    /// candidates are re-scored exactly; scores below `minimum` are dropped.
    public func mostSimilar(to target: Int, limit: Int, minimum: Double = 0.05) -> [(index: Int, score: Double)] {
        var estimates: [(index: Int, estimate: Double)] = []
        for other in shingles.indices where other != target {
            let value = estimate(target, other)
            if value > 0 { estimates.append((other, value)) }
        }
        estimates.sort { $0.estimate > $1.estimate }
        var scored: [(index: Int, score: Double)] = []
        for candidate in estimates.prefix(max(limit * 4, 50)) {
            let score = jaccard(target, candidate.index)
            if score >= minimum { scored.append((candidate.index, score)) }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
        return Array(scored.prefix(limit))
    }

    /// Every pair (first < second) with exact similarity ≥ `threshold`, found through LSH bands;
    /// templates with fewer than `minimumShingles` shingles are skipped (too short to judge).
    public func pairs(threshold: Double, minimumShingles: Int = 5) -> [(first: Int, second: Int, score: Double)] {
        let rows = Self.hashCount / Self.bands
        var candidates: Set<Int64> = []
        for band in 0..<Self.bands {
            var buckets: [UInt64: [Int]] = [:]
            for (index, signature) in signatures.enumerated() where shingles[index].count >= minimumShingles {
                var key: UInt64 = UInt64(band)
                for row in 0..<rows { key = Self.mix(key ^ signature[band * rows + row]) }
                buckets[key, default: []].append(index)
            }
            for bucket in buckets.values where bucket.count > 1 {
                for i in 0..<bucket.count {
                    for j in (i + 1)..<bucket.count { candidates.insert(Int64(bucket[i]) << 32 | Int64(bucket[j])) }
                }
            }
        }
        var result: [(first: Int, second: Int, score: Double)] = []
        for pair in candidates {
            let first = Int(pair >> 32), second = Int(pair & 0xFFFF_FFFF)
            let score = jaccard(first, second)
            if score >= threshold { result.append((first, second, score)) }
        }
        return result.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
    }
}

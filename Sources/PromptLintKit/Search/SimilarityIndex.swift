import Foundation

/// Near-duplicate detection: each template's message text becomes a set of word 3-shingles
/// (CJK bigrams count as words); MinHash signatures estimate Jaccard similarity cheaply and
/// locality-sensitive banding proposes candidate pairs; every reported score is the exact Jaccard
/// similarity of the two shingle sets.
public struct SimilarityIndex: Sendable {
    public static let shingleSize = 3
    public static let hashCount = 128

    /// Sorted, distinct shingle hashes per template.
    public let shingles: [[UInt64]]
    /// MinHash signature per template (`hashCount` values).
    public let signatures: [[UInt64]]

    /// Shingles and signatures are computed on all cores.
    public init(texts: [String]) {
        let results = ConcurrentResults<(shingles: [UInt64], signature: [UInt64])>(count: texts.count)
        DispatchQueue.concurrentPerform(iterations: texts.count) { index in
            let set = Self.shingles(of: texts[index])
            results.set(index, (set, Self.signature(of: set)))
        }
        let values = results.values
        shingles = values.map(\.shingles)
        signatures = values.map(\.signature)
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

    /// MinHash with `hashCount` hash functions derived by double hashing (h1 + i·h2), which
    /// keeps the estimate unbiased at a fraction of the cost of independent hashes.
    public static func signature(of shingles: [UInt64]) -> [UInt64] {
        var signature = [UInt64](repeating: .max, count: hashCount)
        signature.withUnsafeMutableBufferPointer { minimum in
            for shingle in shingles {
                let h1 = mix(shingle)
                let h2 = mix(h1 ^ 0x2545_f491_4f6c_dd1d) | 1
                var value = h1
                for i in 0..<hashCount {
                    if value < minimum[i] { minimum[i] = value }
                    value = value &+ h2
                }
            }
        }
        return signature
    }

    /// LSH banding (bands × rows = `hashCount`) for a threshold: pairs at the threshold share a
    /// band with probability > 99%, while far less similar pairs rarely become candidates.
    static func banding(for threshold: Double) -> (bands: Int, rows: Int) {
        switch threshold {
        case 0.75...: return (16, 8)     // candidate probability 99.4% at 0.85, 1% at 0.4
        case 0.5..<0.75: return (32, 4)  // 99.7% at 0.6
        default: return (64, 2)
        }
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
        let (bands, rows) = Self.banding(for: threshold)
        let eligible = shingles.indices.filter { shingles[$0].count >= minimumShingles }
        // Each template's bucket key per band, and the members of each bucket.
        var keys = [[UInt64]](repeating: [], count: shingles.count)
        var buckets: [[UInt64: [Int]]] = Array(repeating: [:], count: bands)
        for index in eligible {
            var own = [UInt64](repeating: 0, count: bands)
            for band in 0..<bands {
                var key = UInt64(band)
                for row in 0..<rows { key = Self.mix(key ^ signatures[index][band * rows + row]) }
                own[band] = key
                buckets[band][key, default: []].append(index)
            }
            keys[index] = own
        }
        // Verifying candidates is the expensive part (a library built from shared boilerplate has big
        // buckets): it runs on all cores, in chunks of templates that each keep their own `seen` marks.
        let chunkCount = min(eligible.count, max(1, ProcessInfo.processInfo.activeProcessorCount * 4))
        let chunks = ConcurrentResults<[(first: Int, second: Int, score: Double)]>(count: chunkCount)
        let (shingleCount, bucketsByBand, keysByTemplate) = (shingles.count, buckets, keys)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var found: [(first: Int, second: Int, score: Double)] = []
            var seen = [Int](repeating: -1, count: shingleCount)
            var position = chunk
            while position < eligible.count {
                let first = eligible[position]
                position += chunkCount
                for band in 0..<bands {
                    guard let bucket = bucketsByBand[band][keysByTemplate[first][band]], bucket.count > 1 else { continue }
                    for second in bucket where second > first && seen[second] != first {
                        seen[second] = first
                        // The estimate's standard error at 128 hashes is ≤ 0.045: skip pairs far below.
                        guard estimate(first, second) >= threshold - 0.2 else { continue }
                        let score = jaccard(first, second)
                        if score >= threshold { found.append((first, second, score)) }
                    }
                }
            }
            chunks.set(chunk, found)
        }
        return chunks.values.flatMap { $0 }.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
    }
}

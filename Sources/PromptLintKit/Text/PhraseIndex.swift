/// A precompiled table of phrases matched case-insensitively on UTF-8 bytes at word boundaries.
///
/// Pattern syntax (after lowercasing): a space matches any run of whitespace; `'` matches `'` or `’`.
/// A pattern whose first (last) character is a Latin letter or digit must start (end) at a word
/// boundary; CJK patterns match anywhere. Entries are bucketed by their first byte and tried
/// longest first. Storage is flat (no nested arrays) so the scan loop does no reference counting:
/// one pass over the bytes, a table test per byte, and a few comparisons per word start.
struct PhraseIndex<Payload: Sendable>: Sendable {
    private(set) var payloads: [Payload] = []
    private var patternBytes: [UInt8] = []
    private var patternStart: [Int] = []
    private var patternLength: [Int] = []
    private var startBoundary: [Bool] = []
    private var endBoundary: [Bool] = []
    /// Entries of bucket `k` are `bucketEntries[bucketStart[k]..<bucketStart[k + 1]]`, longest first.
    private var bucketStart: [Int] = Array(repeating: 0, count: 257)
    private var bucketEntries: [Int] = []

    init(_ items: [(String, Payload)]) {
        var buckets: [[Int]] = Array(repeating: [], count: 256)
        for (phrase, payload) in items {
            let p = Bytes.folded(phrase)
            guard let first = p.first else { continue }
            let fs = Bytes.scalar(at: 0, in: p)?.0
            let ls = Bytes.scalar(before: p.count, in: p)?.0
            let e = payloads.count
            payloads.append(payload)
            patternStart.append(patternBytes.count)
            patternLength.append(p.count)
            patternBytes.append(contentsOf: p)
            startBoundary.append(fs.map { Bytes.isWordScalar($0) && !Bytes.isCJK($0) } ?? false)
            endBoundary.append(ls.map { Bytes.isWordScalar($0) && !Bytes.isCJK($0) } ?? false)
            buckets[Int(first)].append(e)
            // A pattern starting with an apostrophe also matches the curly one.
            if first == 0x27 { buckets[0xE2].append(e) }
        }
        for k in 0..<256 {
            bucketStart[k] = bucketEntries.count
            bucketEntries.append(contentsOf: buckets[k].sorted { patternLength[$0] > patternLength[$1] })
        }
        bucketStart[256] = bucketEntries.count
    }

    var count: Int { payloads.count }

    /// Positions in the bucket table for first byte `c` (use with ``bucketEntry(_:)``).
    @inline(__always) func bucket(for c: UInt8) -> Range<Int> {
        let key = Int(Bytes.lower(c))
        return bucketStart[key]..<bucketStart[key + 1]
    }

    @inline(__always) func bucketEntry(_ x: Int) -> Int { bucketEntries[x] }

    /// Cheap pre-test on the second byte (`second` lowercased if ASCII). Patterns whose second byte is a
    /// space or apostrophe, or that are one byte long, always pass.
    @inline(__always) func secondByteMayMatch(_ e: Int, _ second: UInt8) -> Bool {
        guard patternLength[e] > 1 else { return true }
        let p = patternBytes[patternStart[e] + 1]
        return p == second || p == 0x20 || p == 0x27 || p >= 0x80
    }

    /// End offset if entry `e` matches at `i`.
    @inline(__always) func matchEnd(_ e: Int, at i: Int, in b: [UInt8], wordStart: Bool? = nil) -> Int? {
        if startBoundary[e], !(wordStart ?? Bytes.isWordStart(i, in: b)) { return nil }
        var j = i, k = patternStart[e]
        let pe = k + patternLength[e]
        let n = b.count
        while k < pe {
            guard j < n else { return nil }
            let pc = patternBytes[k]
            if pc == 0x20 {
                guard Bytes.isWhitespace(b[j]) else { return nil }
                while j < n, Bytes.isWhitespace(b[j]) { j += 1 }
                k += 1; continue
            }
            if pc == 0x27 {
                if b[j] == 0x27 { j += 1 } else if Bytes.has3(0xE2, 0x80, 0x99, at: j, in: b) { j += 3 } else { return nil }
                k += 1; continue
            }
            var tc = b[j]
            if tc < 0x80 { tc = Bytes.lower(tc) } else if k > patternStart[e], patternBytes[k - 1] == 0xC3, b[j - 1] == 0xC3 { tc = Bytes.foldSecond(0xC3, tc) }
            guard tc == pc else { return nil }
            j += 1; k += 1
        }
        if endBoundary[e], !Bytes.isWordEnd(j, in: b) { return nil }
        return j
    }

    /// The longest entry matching at `i`.
    @inline(__always) func longestMatch(at i: Int, in b: [UInt8]) -> (end: Int, entry: Int)? {
        let key = Int(Bytes.lower(b[i]))
        let lo = bucketStart[key], hi = bucketStart[key + 1]
        if lo == hi { return nil }
        var best: (Int, Int)? = nil
        for x in lo..<hi {
            let e = bucketEntries[x]
            if let end = matchEnd(e, at: i, in: b), end > (best?.0 ?? -1) { best = (end, e) }
        }
        return best
    }

    /// Leftmost-longest, non-overlapping matches within `range` whose bytes are all prose.
    func matches(in b: [UInt8], mask: ProseMask, range: Range<Int>? = nil) -> [(range: Range<Int>, payload: Payload, entry: Int)] {
        var out: [(range: Range<Int>, payload: Payload, entry: Int)] = []
        let r = range ?? 0..<b.count
        var i = r.lowerBound
        while i < r.upperBound {
            let c = b[i]
            // Latin patterns start at a word start: skip the rest of an ASCII word.
            if c < 0x80, i > 0, Bytes.isASCIIAlnum(c), Bytes.isASCIIAlnum(b[i - 1]) { i += 1; continue }
            let key = Int(Bytes.lower(c))
            if bucketStart[key] != bucketStart[key + 1], mask.isProse(at: i),
               let (end, e) = longestMatch(at: i, in: b), end <= r.upperBound, mask.isProse(i..<end) {
                out.append((i..<end, payloads[e], e))
                i = end
                continue
            }
            i += 1
        }
        return out
    }
}

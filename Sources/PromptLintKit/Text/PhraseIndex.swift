/// A precompiled table of phrases matched case-insensitively on UTF-8 bytes at word boundaries.
///
/// Pattern syntax (after lowercasing): a space matches any run of whitespace; `'` matches `'` or `’`.
/// A pattern whose first (last) character is a Latin letter or digit must start (end) at a word
/// boundary; CJK patterns match anywhere. Entries are bucketed by their first byte and tried
/// longest first, so a scan is one pass over the bytes with a handful of comparisons per word start.
struct PhraseIndex<Payload: Sendable>: Sendable {
    struct Entry: Sendable {
        var pattern: [UInt8]
        var payload: Payload
        var startBoundary: Bool
        var endBoundary: Bool
    }

    private(set) var entries: [Entry] = []
    private var buckets: [[Int]] = Array(repeating: [], count: 256)

    init(_ items: [(String, Payload)]) {
        for (phrase, payload) in items {
            let p = Bytes.folded(phrase)
            guard let first = p.first else { continue }
            let fs = Bytes.scalar(at: 0, in: p)?.0
            let ls = Bytes.scalar(before: p.count, in: p)?.0
            let sb = fs.map { Bytes.isWordScalar($0) && !Bytes.isCJK($0) } ?? false
            let eb = ls.map { Bytes.isWordScalar($0) && !Bytes.isCJK($0) } ?? false
            entries.append(Entry(pattern: p, payload: payload, startBoundary: sb, endBoundary: eb))
            buckets[Int(first)].append(entries.count - 1)
            // A pattern starting with an apostrophe also matches the curly one.
            if first == 0x27 { buckets[0xE2].append(entries.count - 1) }
        }
        for k in 0..<256 { buckets[k].sort { entries[$0].pattern.count > entries[$1].pattern.count } }
    }

    /// End offset if entry `e` matches at `i`.
    @inline(__always) func matchEnd(_ e: Int, at i: Int, in b: [UInt8]) -> Int? {
        let entry = entries[e]
        let p = entry.pattern
        if entry.startBoundary, !Bytes.isWordStart(i, in: b) { return nil }
        var j = i, k = 0
        let n = b.count
        while k < p.count {
            guard j < n else { return nil }
            let pc = p[k]
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
            if tc < 0x80 { tc = Bytes.lower(tc) } else if k > 0, p[k - 1] == 0xC3, b[j - 1] == 0xC3 { tc = Bytes.foldSecond(0xC3, tc) }
            guard tc == pc else { return nil }
            j += 1; k += 1
        }
        if entry.endBoundary, !Bytes.isWordEnd(j, in: b) { return nil }
        return j
    }

    /// The longest entry matching at `i`.
    @inline(__always) func longestMatch(at i: Int, in b: [UInt8]) -> (end: Int, entry: Int)? {
        let bucket = buckets[Int(Bytes.lower(b[i]))]
        if bucket.isEmpty { return nil }
        var best: (Int, Int)? = nil
        for e in bucket {
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
            if !buckets[Int(Bytes.lower(b[i]))].isEmpty, mask.isProse(at: i),
               let (end, e) = longestMatch(at: i, in: b), end <= r.upperBound, mask.isProse(i..<end) {
                out.append((i..<end, entries[e].payload, e))
                i = end
                continue
            }
            i += 1
        }
        return out
    }
}

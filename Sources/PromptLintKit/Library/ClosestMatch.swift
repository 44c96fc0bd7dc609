/// "Did you mean …?" suggestions for misspelled keys, variables and rule codes.
public enum ClosestMatch {
    /// The candidate nearest to `word` by edit distance, when it is near enough to be a typo.
    public static func find(_ word: String, in candidates: some Sequence<String>) -> String? {
        let lowered = Array(word.lowercased().unicodeScalars)
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, Array(candidate.lowercased().unicodeScalars))
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        let shortest = min(lowered.count, candidate.count)
        let limit = shortest <= 3 ? 1 : max(2, shortest / 3)
        // Never "correct" a word into a different one of the same short length ('b' → 'a').
        return distance <= limit && distance < lowered.count ? candidate : nil
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    public static func editDistance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }

    /// "; did you mean 'x'?" or "".
    public static func suggestion(for word: String, in candidates: some Sequence<String>) -> String {
        find(word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}

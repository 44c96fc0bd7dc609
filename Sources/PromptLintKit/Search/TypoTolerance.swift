/// Typo tolerance: a query term that no document holds is matched to the vocabulary terms
/// nearest to it, with a score penalty, so "jsn extraction" still finds the JSON extractor.
///
/// Allowed edits (insert, delete, substitute, swap two neighbours): 1 for terms of 3–7
/// characters, 2 for longer ones; none below 3, where almost every word is one edit from another.
/// (3-letter terms get one edit because abbreviations such as "jsn", "sql" and "api" are common
/// queries; they are only expanded when the exact term has no hit at all.)
public enum TypoTolerance {
    public static func maxDistance(forLength length: Int) -> Int {
        switch length {
        case ..<3: return 0
        case 3...7: return 1
        default: return 2
        }
    }

    /// Score multiplier for a match at `distance` edits.
    public static func penalty(distance: Int) -> Float {
        distance == 0 ? 1 : distance == 1 ? 0.7 : 0.45
    }

    /// Vocabulary terms at the smallest distance (≥ 1) within the allowance, with that distance.
    public static func corrections(of term: String, in vocabulary: [String]) -> (ids: [Int], distance: Int) {
        let query = Array(term.utf8)
        let limit = maxDistance(forLength: term.count)
        guard limit > 0 else { return ([], 0) }
        var best = limit + 1
        var ids: [Int] = []
        for (id, candidate) in vocabulary.enumerated() {
            let length = candidate.utf8.count
            guard abs(length - query.count) <= min(limit, best), length >= 2 else { continue }
            // Digits and CJK are not typo-corrected.
            guard let first = candidate.utf8.first, first >= 0x61, first <= 0x7A else { continue }
            let distance = boundedDistance(query, Array(candidate.utf8), limit: min(limit, best))
            if distance < best {
                best = distance
                ids = [id]
            } else if distance == best {
                ids.append(id)
            }
        }
        return best <= limit ? (ids, best) : ([], 0)
    }

    /// Damerau–Levenshtein (optimal string alignment) distance, or `limit + 1` once it exceeds `limit`.
    public static func boundedDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, previousPrevious[j - 2] + 1) }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return min(previous[b.count], limit + 1)
    }
}

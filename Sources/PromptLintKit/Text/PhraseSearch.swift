/// Whole-word phrase search over UTF-8, with the text layer's word boundaries.
enum PhraseSearch {
    static func wholeWordRanges(of phrase: String, in text: String, ignoreCase: Bool) -> [Range<Int>] {
        let needle = Array((ignoreCase ? phrase.lowercased() : phrase).utf8)
        let haystackText = ignoreCase ? text.lowercased() : text
        let haystack = Array(haystackText.utf8)
        // Lowercasing can change byte lengths outside ASCII; then offsets would not line up.
        guard !needle.isEmpty, haystack.count == text.utf8.count else { return [] }
        var ranges: [Range<Int>] = []
        var start = 0
        while start + needle.count <= haystack.count {
            if haystack[start] == needle[0], haystack[start..<start + needle.count].elementsEqual(needle) {
                let end = start + needle.count
                if isBoundary(haystack, before: start), isBoundary(haystack, after: end) {
                    ranges.append(start..<end)
                    start = end
                    continue
                }
            }
            start += 1
        }
        return ranges
    }

    /// A match may start where no word character ends before it, or where the phrase itself
    /// starts with a non-word character (the text layer's scalar-aware word classes).
    static func isBoundary(_ bytes: [UInt8], before index: Int) -> Bool {
        Bytes.isWordStart(index, in: bytes) || Bytes.isWordEnd(index, in: bytes)
    }

    static func isBoundary(_ bytes: [UInt8], after index: Int) -> Bool {
        Bytes.isWordEnd(index, in: bytes) || Bytes.isWordStart(index, in: bytes)
    }

    /// "Utilize" → "Use", "UTILIZE" → "USE".
    static func matchingCase(of matched: String, _ replacement: String) -> String {
        guard let first = matched.first, first.isUppercase, !replacement.isEmpty else { return replacement }
        if matched.count > 1, matched == matched.uppercased() { return replacement.uppercased() }
        return replacement.prefix(1).uppercased() + replacement.dropFirst()
    }
}

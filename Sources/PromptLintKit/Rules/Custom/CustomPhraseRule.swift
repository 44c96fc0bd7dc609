/// A team rule from config: flags phrases (existence) or offers a replacement (substitution),
/// on whole words, in prose only (not in code, placeholders, URLs or quoted examples), like the
/// built-in wording rules.
struct CustomPhraseRule: Rule {
    let description: RuleDescription
    let message: String
    let substitutions: [(String, String)]
    let tokens: [String]
    let ignoreCase: Bool

    func check(_ context: TemplateContext) -> [Finding] {
        // Longest phrase first, so "leverage our" wins over "leverage" (Vale does the same).
        let phrases: [(String, String?)] = (substitutions.map { ($0.0, Optional($0.1)) } + tokens.map { ($0, nil) })
            .sorted { $0.0.utf8.count > $1.0.utf8.count }
        var findings: [Finding] = []
        for (index, message) in context.messages.enumerated() {
            let mask = context.texts[index].mask
            var taken: [Range<Int>] = []
            for (phrase, replacement) in phrases {
                for range in PhraseSearch.wholeWordRanges(of: phrase, in: message.text, ignoreCase: ignoreCase)
                where mask.isProse(range) && !taken.contains(where: { $0.overlaps(range) }) {
                    taken.append(range)
                    let matched = String(decoding: Array(message.text.utf8)[range], as: UTF8.self)
                    var text = self.message.replacingOccurrences(of: "{match}", with: matched)
                    var fix: Fix?
                    if let replacement {
                        let cased = PhraseSearch.matchingCase(of: matched, replacement)
                        text = text.replacingOccurrences(of: "{replacement}", with: cased)
                        fix = context.fix(message: index, edits: [TextEdit(range: range, replacement: cased)], title: "Replace '\(matched)' with '\(cased)'", applicability: .safe)
                    }
                    findings.append(context.finding(message: index, range: range, text, fix: fix))
                }
            }
        }
        return findings
    }
}

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

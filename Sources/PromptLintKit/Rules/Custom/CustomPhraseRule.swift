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

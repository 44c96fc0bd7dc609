/// PL201: "in order to" → "to", "due to the fact that" → "because", …
enum WordyPhraseRule {
    static let definition = AnalyzerRule.definition(RuleDescription(
        code: "PL201", identifier: "wordy_phrase", family: .bloat,
        summary: "A wordy phrase with a shorter equivalent (\"in order to\" → \"to\").",
        explanation: """
        ## What it does
        Matches a table of padded phrases and their short equivalents ("in order to" → "to", "due to the
        fact that" → "because", "at this point in time" → "now", "it is important to note that" → "",
        "make sure to" → "", …), on whole words, outside code, quotes and placeholders.

        ## Why is this bad?
        Each padded phrase costs 2–6 tokens more than its equivalent on every call, and says nothing more.

        ## Fix safety
        Safe: the replacement means the same; capitalisation and spacing are repaired.
        """,
        defaultSeverity: .warning, fixApplicability: .safe,
        readsProseOnly: true,
        triggeringExamples: [
            RuleExample("Read the diff «in order to» find bugs. Report at most 5."),
            RuleExample("«Due to the fact that» the logs are long, summarize them in 3 bullets."),
            RuleExample("«It is important to note that» dates use ISO 8601. Reply in 1 line."),
        ],
        nonTriggeringExamples: [
            RuleExample("Read the diff to find bugs. Report at most 5."),
            RuleExample("Quote the user: \"in order to\" appears in their text. Reply in 1 line."),
        ],
        corrections: [
            RuleCorrection("Read the diff in order to find bugs. Report at most 5.", "Read the diff to find bugs. Report at most 5."),
            RuleCorrection("Make sure to answer in 1 line.", "Answer in 1 line."),
            RuleCorrection("Make sure the summary has 3 bullets.", "Ensure the summary has 3 bullets."),
        ]
    ), analyze: WordyPhraseAnalyzer.analyze, fixTitle: title)

    /// "Replace 'in order to' with 'to'", or "Remove 'make sure to'" for phrases that go entirely.
    static func title(_ match: TextMatch) -> String {
        let replacement = PhrasePack.pack(for: match.language).wordyPhrases
            .first { $0.phrase.caseInsensitiveCompare(match.matched.trimmingWhitespace()) == .orderedSame }?.replacement ?? ""
        return replacement.isEmpty ? "Remove '\(match.matched)'" : "Replace '\(match.matched)' with '\(replacement)'"
    }
}

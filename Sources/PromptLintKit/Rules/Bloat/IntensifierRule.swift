/// PL202: "very", "really", "basically", "actually", "just", "quite" …
enum IntensifierRule {
    static let definition = AnalyzerRule.definition(RuleDescription(
        code: "PL202", identifier: "intensifier", family: .bloat,
        summary: "Intensifiers and hedges (\"very\", \"really\", \"just\", \"basically\") that carry no instruction.",
        explanation: """
        ## What it does
        Finds intensifiers and hedges: "very", "really", "basically", "actually", "just", "quite",
        "extremely", "literally", "simply", "totally".

        ## Why is this bad?
        They rarely change what the model does and cost a token each. When emphasis matters, a concrete
        constraint ("at most 3", "never include PII") works better than "very".

        ## Fix safety
        Unsafe: occasionally the word matters ("just the ID" means "only"), so the fix needs `--unsafe-fixes`.
        "very", "extremely", "just" and "actually" get no fix at all: the first two often grade the
        criterion itself ("very strong evidence", "extremely detailed"), "just" often means "only" ("rather
        than just the parts"), and "actually" often marks a contrast ("what the user actually asked").
        """,
        defaultSeverity: .info, fixApplicability: .unsafe,
        readsProseOnly: true,
        triggeringExamples: [
            RuleExample("Write a «very» short title of at most 8 words."),
            RuleExample("«Basically», summarize the thread in 3 bullets."),
        ],
        nonTriggeringExamples: [
            RuleExample("Write a title of at most 8 words."),
            RuleExample("Explain just-in-time compilation in 2 sentences."),
        ],
        corrections: [
            RuleCorrection("Write a really short title of at most 8 words.", "Write a short title of at most 8 words.", unsafe: true),
        ]
    ), analyze: IntensifierAnalyzer.analyze, fixTitle: { "Remove '\($0.matched.trimmingWhitespace())'" })
}

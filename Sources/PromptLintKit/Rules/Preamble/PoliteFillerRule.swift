/// PL102: "please", "kindly", "I would like you to", "thank you" …
enum PoliteFillerRule {
    static let definition = AnalyzerRule.definition(RuleDescription(
        code: "PL102", identifier: "polite_filler", family: .preamble,
        summary: "Politeness the model does not need (\"please\", \"kindly\", \"I want you to\", \"thank you\").",
        explanation: """
        ## What it does
        Finds courtesy words and phrases in instructions: "please", "kindly", "could you please", "I would
        like you to", "I want you to", "thank you", "I hope you can help"; Japanese お願いします, どうか;
        Spanish "por favor". Text in code blocks, inline code, quoted examples and placeholders is ignored.

        ## Why is this bad?
        They do not change the answer, yet every one is billed on every call. A direct imperative
        ("Summarize the text.") is clearer and shorter.

        ## Fix safety
        Safe: the fix removes the phrase and repairs capitalisation and spacing.
        """,
        defaultSeverity: .warning, fixApplicability: .safe,
        readsProseOnly: true,
        triggeringExamples: [
            RuleExample("«Please» summarize the ticket in 3 bullet points."),
            RuleExample("«Could you please» list at most 3 risks?"),
            RuleExample("«I want you to» act as a SQL reviewer and report at most 5 issues."),
            RuleExample("Answer in one sentence. «Thank you!»"),
            RuleExample("Summarize it in 2 lines, «please»."),
            RuleExample("3行で要約してください。«よろしくお願いします。»"),
            RuleExample("Resume el texto en 2 frases, «por favor»."),
        ],
        nonTriggeringExamples: [
            RuleExample("Summarize the ticket in 3 bullet points."),
            RuleExample("The customer was pleased. Reply in 2 sentences."),
            RuleExample("Reply in one sentence to: `please reset my password`"),
            RuleExample("Classify {{please}} in one word."),
        ],
        corrections: [
            RuleCorrection("Please summarize the ticket in 3 bullet points.", "Summarize the ticket in 3 bullet points."),
            RuleCorrection("Could you please list at most 3 risks?", "List at most 3 risks."),
            RuleCorrection("Summarize it in 2 lines, please.", "Summarize it in 2 lines."),
        ]
    ), analyze: PoliteFillerAnalyzer.analyze, fixTitle: { "Remove '\($0.matched.trimmingWhitespace())'" })
}

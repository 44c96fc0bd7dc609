/// PL205: trailing spaces, runs of blank lines, decorative rules (`=====`).
enum WhitespaceWasteRule {
    static let definition = AnalyzerRule.definition(RuleDescription(
        code: "PL205", identifier: "whitespace_waste", family: .bloat,
        summary: "Trailing spaces, 3+ blank lines, or decorative lines (=====, -----, *****).",
        explanation: """
        ## What it does
        Finds trailing spaces and tabs, runs of three or more blank lines, and decorative lines made of
        one repeated character (`=====`, `-----`, `*****`, box drawing `────`, also after `# ` or `// `),
        outside code blocks and Markdown tables. A `=====` or `-----` line right under a title is a
        Markdown heading: the fix keeps the heading and writes it as `# Title` / `## Title`.

        ## Why is this bad?
        Whitespace and ASCII art are tokens too: a decorative line of 40 `=` costs several tokens on every
        call and the model gains nothing from it. The message reports the tokens the fix saves.

        ## Fix safety
        Safe: only whitespace and decoration are removed; code blocks are untouched.
        """,
        defaultSeverity: .warning, fixApplicability: .safe,
        triggeringExamples: [
            RuleExample("Summarize the ticket.«   »\nUse at most 3 bullet points.", prefixVariant: false),
            RuleExample("Rules:\n«========================================»\nAnswer in 1 sentence.", prefixVariant: false),
            RuleExample("Rules:\n\n«────────────────────────»\nAnswer in 1 sentence.", prefixVariant: false),
            RuleExample("«# --------------------------------------------------»\nAnswer in 1 sentence.", prefixVariant: false),
        ],
        nonTriggeringExamples: [
            RuleExample("Summarize the ticket.\n\nUse at most 3 bullet points."),
            RuleExample("| a | b |\n|---|---|\n| 1 | 2 |\nExplain the table in 1 sentence."),
            RuleExample("```\nx = 1   \n=====\n```\nExplain the code in 1 sentence."),
        ],
        corrections: [
            RuleCorrection("Summarize the ticket.   \nUse at most 3 bullet points.", "Summarize the ticket.\nUse at most 3 bullet points."),
            RuleCorrection("Rules:\n\n────────────────────────\nAnswer in 1 sentence.", "Rules:\n\nAnswer in 1 sentence."),
            RuleCorrection("Rules\n========\nAnswer in 1 sentence.", "# Rules\nAnswer in 1 sentence."),
            RuleCorrection("Intro\n\nRules\n--------\nAnswer in 1 sentence.", "Intro\n\n## Rules\nAnswer in 1 sentence."),
        ]
    ), analyze: WhitespaceWasteAnalyzer.analyze, fixTitle: fixTitle, describe: describeSavings)

    /// The analyzer's message and the tokens the fix saves on every call.
    static func describeSavings(_ match: TextMatch, in context: TemplateContext, message index: Int) -> String {
        let saved = context.tokensSaved(message: index, edits: match.edits)
        return match.message + (saved > 0 ? " (saves \(saved) token\(saved == 1 ? "" : "s") per call)" : "")
    }

    /// What the fix does, in the words a reviewer of `--fix` output expects.
    static func fixTitle(_ match: TextMatch) -> String {
        guard match.code == "whitespace.decorative" else { return "Remove the whitespace" }
        // A setext underline's fix also inserts "# " before its title.
        return match.edits.count > 1 ? "Make the underlined title a '\(match.edits[0].replacement.trimmingWhitespace())' heading" : "Remove the decorative line"
    }
}

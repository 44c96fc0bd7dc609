/// PL207: `**bold**` in instructions, outside output templates.
enum MarkdownEmphasisRule {
    static let definition = AnalyzerRule.definition(RuleDescription(
        code: "PL207", identifier: "markdown_emphasis", family: .bloat,
        summary: "Markdown bold (`**…**`) inside instructions, where the asterisks cost tokens and add nothing the model needs.",
        explanation: """
        ## What it does
        Finds `**bold**` spans in instruction prose, labels and headings ("**Approach:**"). Spans are left
        alone under a heading about the output ("Output format", "Response template", "Example",
        "Provide these sections:") and in that heading, around a restriction ("**never**", "**only**"),
        in any prompt that mentions bold (it wants bold output), in tables, code, quotes and placeholders.

        ## Why is this bad?
        Each span costs about two tokens on every call. Prompts that bold every other phrase spend hundreds
        of tokens on asterisks, and emphasis everywhere is emphasis nowhere.

        ## Fix safety
        Unsafe: the author may have meant the emphasis ("**never** share the key"), so the fix, which
        deletes the asterisks, needs `--unsafe-fixes` or `compress --unsafe`.
        """,
        defaultSeverity: .info, fixApplicability: .unsafe,
        readsProseOnly: true,
        triggeringExamples: [
            RuleExample("Review the diff and report «**security issues**» first. Reply in at most 5 bullets."),
            RuleExample("Rules:\n- «**Analyze**» the code for bugs.\n- Report at most 5 issues."),
            RuleExample("«**Approach:**»\n1. «**Scope:**» the diff only.\n2. Report at most 5 issues."),
        ],
        nonTriggeringExamples: [
            RuleExample("Review the diff. Reply in at most 5 bullets."),
            RuleExample("**Output format:**\n- **Summary:** 1 line\n- **Risks**: at most 5 bullets"),
            RuleExample("Provide these sections:\n**Summary** in 1 line, then **Risks** in at most 5 bullets."),
            RuleExample("Use bold for names. Mention **Ana** first. Reply in 2 lines."),
            RuleExample("Accept **only** A, B or C. Reply with 1 letter."),
            RuleExample("## Output format\nReturn **Summary** then **Risks**, at most 5 lines."),
            RuleExample("Use bold like `**this**`. Reply in 1 line."),
        ],
        corrections: [
            RuleCorrection("Review the diff and report **security issues** first. Reply in at most 5 bullets.",
                           "Review the diff and report security issues first. Reply in at most 5 bullets.", unsafe: true),
        ]
    ), analyze: MarkdownEmphasisAnalyzer.analyze, fixTitle: { _ in "Remove the bold markers" })
}

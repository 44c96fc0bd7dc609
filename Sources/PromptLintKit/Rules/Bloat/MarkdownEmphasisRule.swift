/// PL207: `**bold**` in instructions, outside output templates.
struct MarkdownEmphasisRule: Rule {
    static let definition = RuleDefinition(RuleDescription(
        code: "PL207", identifier: "markdown_emphasis", family: .bloat,
        summary: "Markdown bold (`**…**`) inside instructions, where the asterisks cost tokens and add nothing the model needs.",
        explanation: """
        ## What it does
        Finds `**bold**` spans in instruction prose. Spans are left alone under a heading about the output
        ("Output format", "Response template", "Example"), in labels (`**Name:**`), in lines that are only a
        bold span (a heading), in tables, code, quotes and placeholders.

        ## Why is this bad?
        Each span costs about two tokens on every call. Prompts that bold every other phrase spend hundreds
        of tokens on asterisks, and emphasis everywhere is emphasis nowhere.

        ## Fix safety
        Unsafe: the author may have meant the emphasis ("**never** share the key"), so the fix, which
        deletes the asterisks, needs `--unsafe-fixes` or `compress --unsafe`.
        """,
        defaultSeverity: .info, fixApplicability: .unsafe,
        triggeringExamples: [
            RuleExample("Review the diff and report «**security issues**» first. Reply in at most 5 bullets."),
            RuleExample("Rules:\n- «**Analyze**» the code for bugs.\n- Report at most 5 issues."),
        ],
        nonTriggeringExamples: [
            RuleExample("Review the diff. Reply in at most 5 bullets."),
            RuleExample("**Rules**\n- Report at most 5 issues."),
            RuleExample("- **Scope:** the diff only.\n- **Limit**: 5 issues."),
            RuleExample("## Output format\nReturn **Summary** then **Risks**, at most 5 lines."),
            RuleExample("Use bold like `**this**`. Reply in 1 line."),
        ],
        corrections: [
            RuleCorrection("Review the diff and report **security issues** first. Reply in at most 5 bullets.",
                           "Review the diff and report security issues first. Reply in at most 5 bullets.", unsafe: true),
        ]
    )) { _ in MarkdownEmphasisRule() }

    var description: RuleDescription { Self.definition.description }

    func check(_ context: TemplateContext) -> [Finding] {
        context.instructionMessageIndices.flatMap { index in
            context.findings(from: MarkdownEmphasisAnalyzer.analyze(context.texts[index]), message: index, applicability: .unsafe,
                             fixTitle: { _ in "Remove the bold markers" })
        }
    }
}

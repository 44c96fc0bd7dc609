/// PL303: the text asks for more than `max_output_tokens` allows.
struct OutputLimitConflictRule: Rule {
    static let definition = RuleDefinition(RuleDescription(
        code: "PL303", identifier: "output_limit_conflict", family: .outputLength,
        summary: "The text asks for more output than `max_output_tokens` allows.",
        explanation: """
        ## What it does
        Estimates the largest output the text asks for ("write 500 words" ≈ 675 tokens at 1.35 tokens per
        English word; sentences ≈ 20 words, paragraphs ≈ 100 words; characters ÷ 4; Japanese 字 ≈ 1 token)
        and compares it with the template's `max_output_tokens`.

        ## Why is this bad?
        The answer will be cut off mid-sentence: you pay for the truncated output and usually for a retry.
        Raise the limit or ask for less.
        """,
        defaultSeverity: .warning,
        triggeringExamples: [
            .template("model: gpt-4o\nmax_output_tokens: 200\ntemplate: Write a blog post of «500 words» about caching.\n"),
        ],
        nonTriggeringExamples: [
            .template("model: gpt-4o\nmax_output_tokens: 800\ntemplate: Write a blog post of 500 words about caching.\n"),
            .template("model: gpt-4o\ntemplate: Write a blog post of 500 words about caching.\n"),
        ]
    )) { _ in OutputLimitConflictRule() }

    var description: RuleDescription { Self.definition.description }

    func check(_ context: TemplateContext) -> [Finding] {
        guard let limit = context.template.maxOutputTokens else { return [] }
        var findings: [Finding] = []
        for index in context.instructionMessageIndices {
            guard let request = RequestedLengthEstimator.estimate(context.texts[index]), request.estimatedTokens > limit else { continue }
            findings.append(context.finding(message: index, range: request.range,
                "asks for \(request.matched.trimmingWhitespace()) (≈\(request.estimatedTokens) tokens) but max_output_tokens is \(limit): the answer will be cut off"))
        }
        return findings
    }
}

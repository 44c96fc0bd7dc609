/// PL302: "list all", "as many as possible", "exhaustive" without a bound.
struct OpenEndedOutputRule: Rule {
    static let definition = RuleDefinition(RuleDescription(
        code: "PL302", identifier: "open_ended_output", family: .outputLength,
        summary: "An open-ended request (\"list all\", \"as many as possible\") without a bound.",
        explanation: """
        ## What it does
        Finds requests with no ceiling — "list all", "as many as possible", "in as much detail as possible",
        "exhaustive", "every possible", 「できるだけ多く」 — in a sentence that states no maximum.

        ## Why is this bad?
        The model takes them literally: the answer grows until it hits the token limit, and you pay for
        every output token, usually for a long tail nobody reads.
        """,
        defaultSeverity: .warning,
        triggeringExamples: [
            RuleExample("«List all» the risks in this contract."),
            RuleExample("Suggest «as many as possible» names for the product."),
        ],
        nonTriggeringExamples: [
            RuleExample("List at most 5 risks in this contract."),
            RuleExample("List all risks, at most 10 items."),
        ]
    )) { _ in OpenEndedOutputRule() }

    var description: RuleDescription { Self.definition.description }

    func check(_ context: TemplateContext) -> [Finding] {
        context.instructionMessageIndices.flatMap { index in
            context.findings(from: OpenEndedRequestAnalyzer.analyze(context.texts[index]), message: index, applicability: nil, fixTitle: { _ in "" })
        }
    }
}

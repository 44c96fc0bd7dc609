/// PL204: a template's static prompt is larger than the team's token budget.
struct TokenBudgetRule: Rule {
    static let defaultBudget = 1500

    static let definition = RuleDefinition(RuleDescription(
        code: "PL204", identifier: "token_budget", family: .bloat,
        summary: "The template's static prompt exceeds the token budget.",
        explanation: """
        ## What it does
        Counts the template's static text (every message, Mustache tags as written) exactly, with the
        tokenizer of the template's model (o200k_base for models whose tokenizer is not public, labelled
        an estimate), and compares it with a budget: `budget` in the rule's options, `token_budget` in
        `.promptlint.yml`, or `lint: {token_budget: N}` in the template (default 1500).

        ## Why is this bad?
        The static prompt is paid for on every call before any user input is added. The message gives the
        count and the cost per 1,000 calls so the team can weigh the template against its budget.
        """,
        defaultSeverity: .warning,
        options: [RuleOptionSpec("budget", .integer, default: String(defaultBudget), "Maximum static prompt tokens per template.")],
        triggeringExamples: [
            .template("«model»: gpt-4o\nmax_output_tokens: 100\ntemplate: Summarize the following support ticket for the on-call engineer in at most three bullet points.\n",
                      options: ["budget": "10"]),
            .template("«model»: gpt-4o\nmax_output_tokens: 100\nlint: {token_budget: 5}\ntemplate: Summarize the support ticket in 3 bullets.\n"),
        ],
        nonTriggeringExamples: [
            .template("model: gpt-4o\nmax_output_tokens: 100\ntemplate: Summarize the ticket in 3 bullets.\n", options: ["budget": "50"]),
            RuleExample("Summarize the ticket in 3 bullets."),
        ]
    )) { options in TokenBudgetRule(budget: options.integer("budget") ?? defaultBudget) }

    let budget: Int

    var description: RuleDescription { Self.definition.description }

    func check(_ context: TemplateContext) -> [Finding] {
        let limit = context.template.lintOptions["token_budget"].flatMap(Int.init) ?? budget
        let tokens = context.staticTokens
        guard tokens > limit else { return [] }
        var message = "static prompt is \(tokens) tokens (\(context.model.countLabel)), over the budget of \(limit)"
        if let info = context.model.info {
            let cost = CallCost.perCall(model: info, promptTokens: tokens, outputTokens: context.template.maxOutputTokens ?? 0)
            let estimate = cost.isEstimate ? "estimated " : ""
            message += "; \(estimate)\(Money.format(cost.total * 1000)) per 1,000 calls on \(info.name)"
            message += context.template.maxOutputTokens == nil ? " (input only)" : " (input + \(context.template.maxOutputTokens!) output tokens)"
        }
        return [context.finding(key: context.template.layout.entry("model") != nil ? "model" : "messages", message)]
    }
}

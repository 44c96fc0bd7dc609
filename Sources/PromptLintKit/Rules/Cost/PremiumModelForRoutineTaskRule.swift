/// PL603: a standard- or premium-tier model on a template whose answer is tiny and structured.
struct PremiumModelForRoutineTaskRule: Rule {
    static let defaultMaxOutput = 50

    static let definition = RuleDefinition(RuleDescription(
        code: "PL603", identifier: "premium_model_for_routine_task", family: .cost,
        summary: "A standard- or premium-tier model for a routine task (a label, yes/no, a few fields): the economy model costs a fraction.",
        explanation: """
        ## What it does
        Reports a template on a standard- or premium-tier model (tiers from the output price: up to $5 per
        1M output tokens economy, up to $20 standard, above premium; `tier:` under `models:` overrides) whose
        task is routine: the answer is capped or expected at `max_output` tokens or fewer (default 50), or
        the text asks to classify, label or extract, or for yes/no. It suggests the same provider's economy
        model (gpt-4o → gpt-4o-mini, Claude → Haiku 4.5, Gemini → Flash-Lite) with the monthly difference at
        the template's volume (`calls_per_month`, else `default_calls_per_month`).

        ## Why is this bad?
        Models differ 10–30× in price between tiers, and a label or a yes/no rarely needs the top one:
        "a Ferrari to deliver groceries". Routers (RouteLLM, NotDiamond) decide this per request at run
        time; a linter can flag the static case before it ships.

        ## Fix
        Try the economy model on the template's evaluation set. When the bigger model is needed, say why
        in the template: `model_reason: "evaluated: mini misroutes 12% of tickets"` silences the rule.
        """,
        defaultSeverity: .info,
        options: [RuleOptionSpec("max_output", .integer, default: String(defaultMaxOutput), "An answer this short (tokens) counts as routine.")],
        triggeringExamples: [
            .template("model: «gpt-4o»\nmax_output_tokens: 5\ntemplate: Is this review positive? Answer yes or no.\n"),
            .template("model: «claude-sonnet-4-5»\nmax_output_tokens: 300\ncalls_per_month: 50000\ntemplate: Classify the ticket as billing, bug or how-to.\n"),
        ],
        nonTriggeringExamples: [
            .template("model: gpt-4o-mini\nmax_output_tokens: 5\ntemplate: Is this review positive? Answer yes or no.\n"),
            .template("model: gpt-4o\nmax_output_tokens: 5\nmodel_reason: evaluated, mini fails 12% of cases\ntemplate: Is this review positive? Answer yes or no.\n"),
            .template("model: gpt-4o\nmax_output_tokens: 800\ntemplate: Write the release notes for the commits below in at most 300 words.\n"),
        ]
    )) { options in PremiumModelForRoutineTaskRule(maxOutput: options.integer("max_output") ?? defaultMaxOutput) }

    let maxOutput: Int

    var description: RuleDescription { Self.definition.description }

    /// Words of a task whose answer is a label or a few fields.
    static let routineWords = ["classify", "categorize", "categorise", "label the", "extract", "yes or no", "true or false", "sentiment"]

    /// The template's cost now and on the economy alternative, when the task is routine.
    static func lever(_ template: PromptTemplate, sent: SentPrompt, estimator: CostEstimator,
                      maxOutput: Int = defaultMaxOutput) -> (now: TemplateCost, cheaper: TemplateCost)? {
        guard template.modelReason == nil else { return nil }
        let now = estimator.estimate(template, sent: sent)
        guard let info = now.modelInfo, info.tier != .economy,
              let alternative = info.economyAlternative.flatMap(estimator.registry.lookup) else { return nil }
        let answer = template.expectedOutputTokens ?? template.maxOutputTokens
        let text = template.messages.filter { $0.role != .assistant }.map { $0.text.lowercased() }.joined(separator: "\n")
        guard answer.map({ $0 <= maxOutput }) ?? false || routineWords.contains(where: { text.contains($0) }) else { return nil }
        return (now, estimator.estimate(template, sent: sent, model: alternative.name))
    }

    func check(_ context: TemplateContext) -> [Finding] {
        guard let (now, cheaper) = Self.lever(context.template, sent: context.sentPrompt, estimator: context.costEstimator, maxOutput: maxOutput),
              let info = now.modelInfo else { return [] }
        let answer = context.template.expectedOutputTokens ?? context.template.maxOutputTokens
        let message = "\(info.name) (\(info.tier.rawValue) tier) for a routine task (\(answer.flatMap { $0 <= maxOutput ? "\($0)-token answer" : nil } ?? "classification/extraction")): "
            + "\(cheaper.model) costs \(Money.format(cheaper.costPerCall * 1000)) per 1,000 calls instead of \(Money.format(now.costPerCall * 1000))"
            + Self.monthly(now.costPerMonth - cheaper.costPerMonth, calls: now.callsPerMonth, declared: now.callsDeclared)
            + "; say why in model_reason: if the bigger model is needed"
        guard let entry = context.template.layout.entry("model") else { return [context.finding(templateStart: message)] }
        return [Finding(file: context.file, range: entry.valueRange, message: message, template: context.template.name)]
    }

    /// "; saves $12.40/month at 40,000 calls" (nothing when no volume is declared).
    static func monthly(_ amount: Double, calls: Int, declared: Bool) -> String {
        declared ? "; saves \(Money.format(amount))/month at \(CostReport.grouped(calls)) calls" : ""
    }
}

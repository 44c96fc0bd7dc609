/// PL604: output parameters that do not fit the model: a reasoning model's cap too small for its
/// reasoning, a thinking budget at or above the cap, or a request key the provider rejects.
struct OutputParameterMismatchRule: Rule {
    static let defaultMinimumReasoningCap = 1024

    static let definition = RuleDefinition(RuleDescription(
        code: "PL604", identifier: "output_parameter_mismatch", family: .cost,
        summary: "Output parameters that do not fit the model (reasoning cap too small, thinking budget ≥ cap, a rejected key).",
        explanation: """
        ## What it does
        - A model that always reasons (OpenAI o-series and gpt-5, Gemini 2.5 Pro and later Pro models) with
          `max_output_tokens` below `min_cap` (default 1024): reasoning tokens are billed as output and count
          against the cap, so a small cap returns an empty answer.
        - A thinking budget (`config.thinking.budget_tokens`, `config.thinking_budget`,
          `config.thinkingConfig.thinkingBudget`) at or above the cap (Anthropic requires it below
          `max_tokens`), or an Anthropic budget under 1,024 tokens.
        - `config.max_tokens` on an OpenAI reasoning model: the Chat Completions API rejects it; the key is
          `max_completion_tokens` (`render --format json` writes the right key for the template's model).

        ## Why is this bad?
        The call fails, or is paid in full and answers nothing: the message says what that costs per month
        at the template's volume.

        ## Fix
        Raise the cap to hold reasoning plus the answer (or pick a non-reasoning model for a short answer),
        keep the thinking budget below the cap, and write `max_completion_tokens` for OpenAI reasoning models.
        """,
        defaultSeverity: .warning,
        options: [RuleOptionSpec("min_cap", .integer, default: String(defaultMinimumReasoningCap), "The smallest output cap for a model that always reasons.")],
        triggeringExamples: [
            .template("model: o4-mini\n«max_output_tokens»: 120\ntemplate: Return only the SQL query for the question.\n"),
            .template("model: o3\nconfig: {«max_tokens»: 4000}\ntemplate: Return only the SQL query for the question.\n"),
            .template("model: claude-sonnet-4-5\nconfig:\n  max_tokens: 2000\n  thinking: {type: enabled, «budget_tokens»: 4000}\ntemplate: Return only the SQL query.\n"),
        ],
        nonTriggeringExamples: [
            .template("model: o4-mini\nmax_output_tokens: 4000\ntemplate: Return only the SQL query for the question.\n"),
            .template("model: gpt-4o\nmax_output_tokens: 120\ntemplate: Return only the SQL query for the question.\n"),
            .template("model: gpt-4o\nconfig: {max_tokens: 300}\ntemplate: Return only the SQL query.\n"),
            .template("model: claude-sonnet-4-5\nconfig:\n  max_tokens: 8000\n  thinking: {type: enabled, budget_tokens: 4000}\ntemplate: Return only the SQL query.\n"),
        ]
    )) { options in OutputParameterMismatchRule(minimumCap: options.integer("min_cap") ?? defaultMinimumReasoningCap) }

    let minimumCap: Int

    var description: RuleDescription { Self.definition.description }

    func check(_ context: TemplateContext) -> [Finding] {
        guard let info = context.model.info else { return [] }
        let template = context.template
        var findings: [Finding] = []
        let wasted = Self.wastedSpend(context)
        if let limit = template.outputLimitParameter {
            if OutputParameters.alwaysReasons(info), limit.value < minimumCap {
                findings.append(finding(context, limit.range, "\(info.name) reasons before it answers and its reasoning tokens count against the cap: "
                    + "\(limit.key) \(limit.value) (below \(minimumCap)) can return an empty answer\(wasted); raise it or use a non-reasoning model"))
            }
            if limit.key == "max_tokens", OutputParameters.requestKey(for: info) == "max_completion_tokens" {
                findings.append(finding(context, limit.range, "\(info.name) rejects 'max_tokens' (Chat Completions): use 'max_completion_tokens', which counts reasoning and visible tokens"))
            }
        }
        if let budget = template.thinkingBudget {
            if let cap = template.maxOutputTokens, budget.value >= cap {
                findings.append(finding(context, budget.range, "thinking budget \(budget.value) is not below the output cap \(cap): the answer gets no room\(wasted); keep the budget below the cap"))
            } else if info.provider == "anthropic", budget.value < 1024 {
                findings.append(finding(context, budget.range, "Anthropic requires a thinking budget of at least 1,024 tokens (\(budget.value) given): the call is rejected"))
            }
        }
        return findings
    }

    func finding(_ context: TemplateContext, _ range: Range<Int>, _ message: String) -> Finding {
        Finding(file: context.file, range: range, message: message, template: context.template.name)
    }

    /// ", paid for in full: $X/month at N calls" when a volume is declared.
    static func wastedSpend(_ context: TemplateContext) -> String {
        let cost = context.costEstimator.estimate(context.template, sent: context.sentPrompt)
        guard cost.callsDeclared, cost.modelInfo != nil else { return "" }
        return " (each call still paid: \(Money.format(cost.costPerMonth))/month at \(CostReport.grouped(cost.callsPerMonth)) calls)"
    }
}

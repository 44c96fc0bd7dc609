/// PL601: the template names a model the price table does not know.
struct UnknownModelRule: Rule {
    static let definition = RuleDefinition(RuleDescription(
        code: "PL601", identifier: "unknown_model", family: .cost,
        summary: "The model is not in the price table: nothing about it is priced or counted with its tokenizer.",
        explanation: """
        ## What it does
        Looks the template's `model` up in the price table (LiteLLM's, bundled or from `prices:`, plus
        `models:` in `.promptlint.yml`), the way every command does: case-insensitive, with or without a
        provider path ("openai/", "azure/", "models/"), dated variants resolving to the name they extend.
        A name that resolves to nothing is reported with the closest known names.

        ## Why is this bad?
        An unknown model is usually a typo ("gpt4o") or a retired model: the API call fails, or the
        template's tokens and cost are silently counted with the wrong tokenizer and no price. `cost`,
        `tokens` and the cost rules cannot say what the template costs.

        ## Fix
        Write the model as the table names it (`promptlint models` lists them), or declare your own
        model under `models:` in `.promptlint.yml` with its prices.
        """,
        defaultSeverity: .warning,
        triggeringExamples: [
            .template("model: «gpt4o»\nmax_output_tokens: 100\ntemplate: Summarize the ticket in 3 bullets.\n"),
            .template("model: «claude-sonet-4-5»\nmax_output_tokens: 100\ntemplate: Summarize the ticket in 3 bullets.\n"),
        ],
        nonTriggeringExamples: [
            .template("model: gpt-4o\nmax_output_tokens: 100\ntemplate: Summarize the ticket in 3 bullets.\n"),
            .template("model: openai/gpt-4o-2024-08-06\nmax_output_tokens: 100\ntemplate: Summarize the ticket in 3 bullets.\n"),
            .template("max_output_tokens: 100\ntemplate: Summarize the ticket in 3 bullets.\n"),
        ]
    )) { _ in UnknownModelRule() }

    var description: RuleDescription { Self.definition.description }

    func check(_ context: TemplateContext) -> [Finding] {
        // A template without a model uses the config's default, which lint checks once, not per template.
        guard let name = context.template.model, context.model.info == nil else { return [] }
        let message = Self.message(name, registry: context.settings.registry)
        guard let entry = context.template.layout.entry("model") else { return [context.finding(templateStart: message)] }
        return [Finding(file: context.file, range: entry.valueRange, message: message, template: context.template.name)]
    }

    /// "unknown model 'gpt4o': not priced; did you mean 'gpt-4o'?" (also for the config's model and `-m`).
    static func message(_ name: String, registry: ModelRegistry) -> String {
        let names = registry.closestNames(to: name)
        let hint = names.isEmpty ? "" : "; did you mean \(names.map { "'\($0)'" }.joined(separator: ", "))?"
        return "unknown model '\(name)': not in the price table (\(registry.prices.source)), so not priced\(hint)"
    }
}

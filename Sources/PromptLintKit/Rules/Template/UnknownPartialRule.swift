/// PL405: `{{> name}}` naming no template of the library.
struct UnknownPartialRule: Rule {
    static let definition = RuleDefinition(RuleDescription(
        code: "PL405", identifier: "unknown_partial", family: .template,
        summary: "A partial `{{> name}}` names no template in the library.",
        explanation: """
        ## What it does
        Resolves every `{{> name}}` against the library's template names.

        ## Why is this bad?
        Mustache renders an unknown partial as nothing: the shared instructions you meant to include
        (output rules, safety text) silently vanish from the prompt.
        """,
        defaultSeverity: .error,
        triggeringExamples: [
            .library("=== prompts/a.yml ===\ntemplate: \"Rules: {{> «shared/rulez»}} in 1 line\"\n=== prompts/shared/rules.yml ===\ntemplate: Return only JSON.\n"),
        ],
        nonTriggeringExamples: [
            .library("=== prompts/a.yml ===\ntemplate: \"Rules: {{> shared/rules}} in 1 line\"\n=== prompts/shared/rules.yml ===\ntemplate: Return only JSON.\n"),
        ]
    )) { _ in UnknownPartialRule() }

    var description: RuleDescription { Self.definition.description }

    func check(_ context: TemplateContext) -> [Finding] {
        guard let library = context.settings.library else { return [] }
        return context.mustache.enumerated().flatMap { index, scan in
            scan.partials.compactMap { tag -> Finding? in
                guard library[tag.name] == nil else { return nil }
                let hint = ClosestMatch.suggestion(for: tag.name, in: library.keys.sorted())
                return context.finding(message: index, range: tag.nameRange, "unknown partial '\(tag.name)'\(hint)")
            }
        }
    }
}

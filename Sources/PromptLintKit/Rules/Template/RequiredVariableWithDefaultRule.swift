/// PL403: `required: true` together with a `default`.
struct RequiredVariableWithDefaultRule: Rule {
    static let definition = RuleDefinition(RuleDescription(
        code: "PL403", identifier: "required_variable_with_default", family: .template,
        summary: "A required variable also has a default, which can never be used.",
        explanation: """
        ## What it does
        Finds variables declared `required: true` that also have a `default`.

        ## Why is this bad?
        The two contradict each other: either callers must pass a value (drop the default) or the
        default is good enough (drop `required`). Readers cannot tell which was meant.
        """,
        defaultSeverity: .warning,
        triggeringExamples: [
            .template("variables:\n  tone: {required: true, «default»: formal}\ntemplate: Write in a {{tone}} tone, in 2 sentences.\n"),
        ],
        nonTriggeringExamples: [
            .template("variables:\n  tone: {default: formal}\ntemplate: Write in a {{tone}} tone, in 2 sentences.\n"),
            .template("variables:\n  tone: {required: true}\ntemplate: Write in a {{tone}} tone, in 2 sentences.\n"),
        ]
    )) { _ in RequiredVariableWithDefaultRule() }

    var description: RuleDescription { Self.definition.description }

    func check(_ context: TemplateContext) -> [Finding] {
        guard context.template.format == .yaml else { return [] }
        return context.template.layout.variableDefaults.compactMap { declared in
            let name = declared.name
            guard context.template.variable(named: name)?.isRequired == true else { return nil }
            return Finding(file: context.file, range: declared.defaultKey,
                           message: "variable '\(name)' is required but has a default: drop 'required' or the default",
                           template: context.template.name)
        }
    }
}

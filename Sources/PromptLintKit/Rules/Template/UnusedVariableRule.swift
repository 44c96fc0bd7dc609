/// PL402: a declared variable no message (or included partial) reads.
struct UnusedVariableRule: Rule {
    static let definition = RuleDefinition(RuleDescription(
        code: "PL402", identifier: "unused_variable", family: .template,
        summary: "A declared variable is never used in the text.",
        explanation: """
        ## What it does
        Finds variables declared under `variables` that no message, and no partial the template includes, reads.

        ## Why is this bad?
        Callers compute and send a value the prompt ignores: usually a sign that the text was edited and the
        variable's information was lost (the model no longer sees it), or that the declaration is stale.
        """,
        defaultSeverity: .warning,
        triggeringExamples: [
            .template("variables:\n  ticket: {required: true}\n  «tone»: {default: formal}\ntemplate: Summarize {{ticket}} in 3 bullets.\n"),
        ],
        nonTriggeringExamples: [
            .template("variables:\n  ticket: {required: true}\n  tone: {default: formal}\ntemplate: Summarize {{ticket}} in a {{tone}} tone, in 3 bullets.\n"),
            .template("variables:\n  items: {}\ntemplate: \"{{#items}}- {{.}}{{/items}} in 1 line\"\n"),
        ]
    )) { _ in UnusedVariableRule() }

    var description: RuleDescription { Self.definition.description }

    func check(_ context: TemplateContext) -> [Finding] {
        var used: Set<String> = []
        var visited: Set<String> = [context.template.name]
        var pending = context.mustache
        while let scan = pending.popLast() {
            for tag in scan.allNames { used.insert(tag.rootName) }
            for partial in scan.partials where !visited.contains(partial.name) {
                visited.insert(partial.name)
                if let template = context.settings.library?[partial.name] {
                    pending.append(contentsOf: template.messages.map { MustacheScan($0.text) })
                }
            }
        }
        return context.template.variables.compactMap { variable in
            guard !used.contains(variable.name), let range = variable.range else { return nil }
            return Finding(file: context.file, range: range, message: "variable '\(variable.name)' is declared but never used",
                           template: context.template.name)
        }
    }
}

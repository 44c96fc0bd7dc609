/// PL401: a `{{variable}}` the template reads but does not declare.
struct UndeclaredVariableRule: Rule {
    static let definition = RuleDefinition(RuleDescription(
        code: "PL401", identifier: "undeclared_variable", family: .template,
        summary: "A variable is used in the text but not declared under `variables`.",
        explanation: """
        ## What it does
        Finds `{{name}}` tags (and sections) whose variable is not declared in the template's `variables`
        (Prompty `inputs`, dotprompt `input.schema`).

        ## Why is this bad?
        An undeclared variable renders as an empty string in most Mustache engines: the model receives a
        prompt with a hole in it, and you pay for a call that answers the wrong question. `promptlint render`
        refuses such templates; this rule finds them before they ship.

        ## Example
        ```yaml
        variables: {ticket: {required: true}}
        template: Summarize {{ticket}} for {{audience}}.
        ```
        ## Use instead
        Declare every variable, with a description and a default where one makes sense.
        """,
        defaultSeverity: .error,
        triggeringExamples: [
            .template("variables: {ticket: {required: true}}\ntemplate: Summarize {{ticket}} for {{«audience»}} in 3 bullets.\n"),
            .template("variables: {}\nmessages:\n  - role: user\n    content: |\n      Hi {{#«items»}}{{name}}{{/items}} in 1 line.\n"),
        ],
        nonTriggeringExamples: [
            .template("variables: {ticket: {required: true}}\ntemplate: Summarize {{ticket}} in 3 bullets.\n"),
            .template("variables: {items: {}}\ntemplate: \"{{#items}}{{name}}{{/items}} in 1 line.\"\n"),
            .plainText("Plain files declare nothing: {{x}} in one line."),
        ]
    )) { _ in UndeclaredVariableRule() }

    var description: RuleDescription { Self.definition.description }

    func check(_ context: TemplateContext) -> [Finding] {
        guard context.template.format != .plainText else { return [] }
        let declared = Set(context.template.variables.map(\.name))
        var findings: [Finding] = []
        for (index, scan) in context.mustache.enumerated() {
            for tag in scan.requiredNames where !declared.contains(tag.rootName) {
                let hint = ClosestMatch.suggestion(for: tag.rootName, in: declared.sorted())
                findings.append(context.finding(message: index, range: tag.nameRange,
                                                "variable '\(tag.rootName)' is used but not declared under 'variables'\(hint)"))
            }
        }
        return findings
    }
}

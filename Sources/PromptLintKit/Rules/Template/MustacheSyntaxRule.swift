/// PL404: malformed Mustache: an unclosed tag or section, a mismatched closing tag.
struct MustacheSyntaxRule: Rule {
    static let definition = RuleDefinition(RuleDescription(
        code: "PL404", identifier: "mustache_syntax", family: .template,
        summary: "Malformed Mustache: unclosed tag or section, or mismatched closing tag.",
        explanation: """
        ## What it does
        Checks every message's Mustache syntax: `{{` without `}}`, a `{{#section}}` never closed, a
        `{{/name}}` that closes a different section.

        ## Why is this bad?
        Engines disagree on broken templates: some fail at run time, some render the raw braces or drop the
        rest of the prompt. Either way the request you pay for is not the prompt you wrote.
        """,
        defaultSeverity: .error,
        triggeringExamples: [
            .template("variables: {items: {}}\ntemplate: \"«{{#items}}»x in 1 line\"\n"),
            .template("variables: {a: {}, b: {}}\ntemplate: \"{{#a}}x«{{/b}}» in 1 line\"\n"),
            .template("variables: {a: {}}\ntemplate: \"Say «{{»a in 1 line\"\n"),
        ],
        nonTriggeringExamples: [
            .template("variables: {a: {}}\ntemplate: \"{{#a}}x{{/a}}{{^a}}y{{/a}} in 1 line\"\n"),
            .plainText("Nuclei matchers use {{}} and {{#x}} in one line."),
        ]
    )) { _ in MustacheSyntaxRule() }

    var description: RuleDescription { Self.definition.description }

    func check(_ context: TemplateContext) -> [Finding] {
        // A plain prompt file is not declared a Mustache template: `{{` there may be another
        // syntax (nuclei, Jinja, Go templates), so only template files are checked.
        guard context.template.format != .plainText else { return [] }
        return context.mustache.enumerated().flatMap { index, scan in
            scan.errors.map { context.finding(message: index, range: $0.range, $0.message) }
        }
    }
}

import Testing
@testable import PromptLintKit

@Suite struct RendererTests {
    func library(_ files: [String: String]) throws -> PromptLibrary {
        var templates: [PromptTemplate] = []
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            let result = PromptLibrary.parse(SourceFile(path: name + ".yml", text: text), defaultName: name)
            #expect(result.issues.isEmpty, "\(result.issues)")
            templates += result.templates
        }
        return PromptLibrary(root: ".", templates: templates, issues: [], files: [])
    }

    func render(_ text: String, _ values: [String: String], partials: [String: String] = [:]) throws(RenderError) -> RenderedPrompt {
        let library = try! library(partials.merging(["main": text]) { a, _ in a })
        return try TemplateRenderer(library: library).render(library.template(named: "main")!, values: values.mapValues { .string($0) })
    }

    func problems(_ text: String, _ values: [String: String]) -> [String] {
        do {
            _ = try render(text, values)
            return []
        } catch {
            return error.problems
        }
    }

    static let ticket = """
    model: gpt-4o-mini
    max_output_tokens: 200
    variables:
      ticket: {required: true}
      audience: {default: engineer, enum: [engineer, manager]}
    messages:
      - role: system
        content: Summarize for an {{audience}} in 3 bullets.
      - role: user
        content: "{{ticket}}"
    """

    @Test func valuesAreInsertedVerbatimNotHTMLEscaped() throws {
        let rendered = try render(Self.ticket, ["ticket": "a < b & \"c\" 'd'"])
        #expect(rendered.messages[1].content == "a < b & \"c\" 'd'")
        #expect(rendered.messages[0].content == "Summarize for an engineer in 3 bullets.")
    }

    @Test func requestBodyIsOpenAIStyle() throws {
        let rendered = try render(Self.ticket, ["ticket": "T", "audience": "manager"])
        #expect(rendered.requestBody.serialized(pretty: false) == #"{"model":"gpt-4o-mini","max_tokens":200,"messages":[{"role":"system","content":"Summarize for an manager in 3 bullets."},{"role":"user","content":"T"}]}"#)
    }

    @Test func missingUnknownAndEnumProblemsAreAllReported() {
        let found = problems(Self.ticket, ["tickte": "x", "audience": "ceo"])
        #expect(found.contains("unknown variable 'tickte'; did you mean 'ticket'? (declared: audience, ticket)"))
        #expect(found.contains("missing value for variable 'ticket' (give --var NAME=VALUE or --vars FILE)"))
        #expect(found.contains("value 'ceo' of variable 'audience' is not allowed (allowed: engineer, manager)"))
    }

    @Test func usedButUndeclaredIsAnError() {
        let found = problems("template: Hello {{name}} and {{who}}\nvariables: {name: {required: true}}\n", ["name": "x"])
        #expect(found == ["variable 'who' is used in the template but not declared under 'variables'"])
    }

    @Test func optionalVariableReadAsValueMustBeGiven() {
        let found = problems("template: Hello {{name}}\nvariables: {name: {description: optional}}\n", [:])
        #expect(found == ["missing value for variable 'name' (give --var NAME=VALUE or --vars FILE)"])
    }

    @Test func sectionsAndInvertedSections() throws {
        let text = "template: \"{{#who}}Hi {{who}}.{{/who}}{{^who}}Hi there.{{/who}}\"\nvariables: {who: {}}\n"
        #expect(try render(text, ["who": "Ann"]).messages[0].content == "Hi Ann.")
        #expect(try render(text, [:]).messages[0].content == "Hi there.")
    }

    @Test func partialsResolveFromTheLibrary() throws {
        let rendered = try render("template: \"A {{> shared/rules}} B {{x}}\"\nvariables: {x: {required: true}}\n", ["x": "1"],
                                  partials: ["shared/rules": "template: 'Rules for {{x}}.'\n"])
        #expect(rendered.messages[0].content == "A Rules for 1. B 1")
        let unknown = problems("template: \"{{> shared/rulez}}\"\n", [:])
        #expect(unknown.count == 1)
        #expect(unknown.first?.contains("unknown partial 'shared/rulez'") == true)
    }

    @Test func malformedMustacheIsLocated() {
        let found = problems("template: |\n  Hello {{#items}} x\n", [:])
        #expect(found.first == "main.yml:2:9: unclosed section 'items': no matching '{{/items}}'")
    }

    @Test func mustacheScanner() {
        let scan = MustacheScan("{{a}} {{{b}}} {{&c}} {{#d}}{{e}}{{/d}} {{^f}}{{/f}} {{> p/q}} {{! note }} {{x.y}}")
        #expect(scan.errors.isEmpty)
        #expect(scan.requiredNames.map(\.rootName) == ["a", "b", "c", "d", "f", "x"])
        #expect(scan.allNames.map(\.rootName) == ["a", "b", "c", "d", "e", "f", "x"])
        #expect(scan.partials.map(\.name) == ["p/q"])
        let bad = MustacheScan("{{#a}}{{/b}} {{c")
        #expect(bad.errors.map(\.message) == ["section 'a' closed by '{{/b}}'", "unclosed tag: '{{' without '}}'"])
        let delimiters = MustacheScan("{{=<% %>=}}<% name %> {{literal}}")
        #expect(delimiters.allNames.map(\.name) == ["name"])
    }
}

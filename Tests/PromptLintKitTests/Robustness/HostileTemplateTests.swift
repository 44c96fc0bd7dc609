import Foundation
import Testing
@testable import PromptLintKit

/// Issue 11, crashes and hangs in templates: each case once crashed, hung or grew without bound.
@Suite struct HostileTemplateTests {
    func library(_ files: [String: String]) -> PromptLibrary {
        var templates: [PromptTemplate] = []
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            let format = TemplateFormat(path: name) ?? .yaml
            templates += PromptLibrary.parse(SourceFile(path: name, text: text), format: format,
                                             defaultName: (name as NSString).deletingPathExtension).templates
        }
        return PromptLibrary(root: ".", templates: templates, issues: [], files: [])
    }

    func renderProblems(_ files: [String: String], _ name: String, _ values: [String: TemplateValue] = [:]) -> [String] {
        let library = library(files)
        guard let template = library.template(named: name) else { return ["no template \(name)"] }
        do {
            _ = try TemplateRenderer(library: library).render(template, values: values)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func deepSectionNestingIsALocatedErrorNotAStackOverflow() {
        let deep = String(repeating: "{{#s}}", count: 3_000) + "x" + String(repeating: "{{/s}}", count: 3_000)
        let scan = MustacheScan(deep)
        #expect(scan.errors.map(\.message) == ["sections nested deeper than 100 levels"])
        #expect(scan.errors.first?.range.lowerBound == 600)
        let problems = renderProblems(["deep.yml": "variables: {s: {}}\ntemplate: \"\(deep)\"\n"], "deep", ["s": .bool(true)])
        #expect(problems.contains("deep.yml:2:612: sections nested deeper than 100 levels"), "\(problems)")
        // dotprompt's block helpers nest the same way.
        let helpers = String(repeating: "{{#if s}}", count: 3_000) + "x" + String(repeating: "{{/if}}", count: 3_000)
        let dotprompt = renderProblems(["deep.prompt": "---\ninput:\n  schema:\n    s?: boolean\n---\n\(helpers)\n"], "deep", ["s": .bool(true)])
        #expect(dotprompt.contains { $0.hasSuffix("sections nested deeper than 100 levels") }, "\(dotprompt)")
    }

    @Test func nestingWithinTheBoundStillRenders() throws {
        let text = String(repeating: "{{#s}}", count: 100) + "x" + String(repeating: "{{/s}}", count: 100)
        #expect(try MustacheRenderer(partials: [:]).render(text, template: "t", values: ["s": .bool(true)]) == "x")
    }

    @Test func aPartialHiddenInAHandlebarsCommentIsNotIncluded() throws {
        // The comment runs to '--}}': the '}}' inside it does not end it, so '{{> loop}}' is comment text.
        let files = ["loop.yml": "template: \"A{{!-- }} {{> loop}} --}}B\"\n", "main.yml": "template: \"[{{> loop}}]\"\n"]
        let library = library(files)
        let rendered = try TemplateRenderer(library: library).render(library.template(named: "main")!, values: [:])
        #expect(rendered.messages.map(\.content) == ["[AB]"])
    }

    @Test func partialRecursionNamesTheIncludeChain() {
        let files = ["a.yml": "template: \"{{> b}}\"\n", "b.yml": "template: \"x {{> c}}\"\n", "c.yml": "template: \"{{> a}}\"\n"]
        #expect(renderProblems(files, "a") == ["c.yml:1:12: partial 'a' includes itself (a → b → c → a)"])
        // The renderer checks on its own too (texts handed to it directly).
        #expect(throws: MustacheRenderer.Failure(message: "partial 'p' includes itself (t → p → p)", range: 0..<7, source: "p")) {
            try MustacheRenderer(partials: ["p": "{{> p}}"]).render("{{> p}}", template: "t", values: [:])
        }
    }

    @Test func exponentialPartialsAndListsStopAtTheBounds() {
        // p0 includes p1 twice, p1 includes p2 twice, …: 2^40 copies.
        var partials: [String: String] = [:]
        for level in 0..<40 { partials["p\(level)"] = "{{> p\(level + 1)}}{{> p\(level + 1)}}" }
        partials["p40"] = "0123456789"
        #expect(throws: MustacheRenderer.Failure.self) { try MustacheRenderer(partials: partials).render("{{> p0}}", template: "t", values: [:]) }
        // Within the include depth, the output bound stops it: p0…p20 give 2^20 × 10 bytes.
        partials["p20"] = String(repeating: "0123456789", count: 20)
        #expect(throws: MustacheRenderer.Failure.self) { try MustacheRenderer(partials: partials).render("{{> p0}}", template: "t", values: [:]) }
        // Nested sections over one list multiply work without writing anything.
        let nested = String(repeating: "{{#xs}}", count: 60) + String(repeating: "{{/xs}}", count: 60)
        let list = TemplateValue.list(Array(repeating: .bool(true), count: 10))
        #expect(throws: MustacheRenderer.Failure(message: "rendering takes more than 100000 steps (sections nested over long lists?)", range: 413..<420, source: MustacheRenderer.topLevel)) {
            try MustacheRenderer(partials: [:], maxSteps: 100_000).render(nested, template: "t", values: ["xs": list])
        }
    }

    @Test func spacedPartialTagRendersOrIsALocatedError() {
        let problems = renderProblems(["main.yml": "template: \"{{ > x }}\"\n"], "main")
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("main.yml:1:12: unknown partial 'x'") == true, "\(problems)")
    }

    @Test func mustacheStandaloneLinesAndIndentedPartials() throws {
        let renderer = MustacheRenderer(partials: ["p": "one\ntwo\n"])
        #expect(try renderer.render("a\n  {{#s}}\n  b\n  {{/s}}\nc", template: "t", values: ["s": .bool(true)]) == "a\n  b\nc")
        #expect(try renderer.render("x\n  {{> p}}\ny", template: "t", values: [:]) == "x\n  one\n  two\ny")
        #expect(try renderer.render("{{#xs}}<{{.}}>{{/xs}}{{^ys}}none{{/ys}}", template: "t",
                                    values: ["xs": .list([.string("a"), .string("b")]), "ys": .list([])]) == "<a><b>none")
        #expect(try renderer.render("{{a.b.c}} {{=<% %>=}}<% a.b.c %> {{a}}", template: "t",
                                    values: ["a": .map(["b": .map(["c": .string("deep")])])]) == "deep deep {{a}}")
    }

    @Test func aliasExpansionIsBoundedInBytesAcrossDocuments() {
        let big = String(repeating: "x", count: 100_000)
        var text = "base: &big \(big)\nitems:\n"
        for _ in 0..<1_000 { text += "  - *big\n" }
        #expect(throws: SourceError.self) { try YAMLParser().parse(SourceFile(path: "bomb.yml", text: text)) }
        do {
            _ = try YAMLParser().parse(SourceFile(path: "bomb.yml", text: text))
        } catch {
            #expect(error.message == "aliases expand to more than 8 MB of text (an alias bomb?); refusing to expand")
            // 8 MB / 100 KB: the 84th alias, on line 3 + 83.
            #expect(error.location?.line == 86)
        }
        // Spread over documents: each stays small, the file does not.
        var documents = ""
        for _ in 0..<100 { documents += "---\nbase: &big \(big)\nitems: [*big]\n" }
        #expect(throws: SourceError.self) { try YAMLParser().parse(SourceFile(path: "bomb.yml", text: documents)) }
    }

    @Test func manyKeysWithoutAliasesAreNotAnAliasBomb() throws {
        var text = "description: many keys\nvariables:\n"
        for index in 0..<50_000 { text += "  v\(index): {}\n" }
        text += "template: hello\n"
        let documents = try YAMLParser().parse(SourceFile(path: "keys.yml", text: text))
        #expect(documents.count == 1)
        var duplicate = text
        duplicate += "variables: {}\n"
        #expect(throws: SourceError.self) { try YAMLParser().parse(SourceFile(path: "keys.yml", text: duplicate)) }
    }

    @Test func byteOrderMarkIsAccepted() {
        let yaml = PromptLibrary.parse(SourceFile(path: "bom.yml", bytes: [0xEF, 0xBB, 0xBF] + Array("template: Hello {{x}}\nvariables: {x: {}}\n".utf8)), defaultName: "bom")
        #expect(yaml.issues.isEmpty, "\(yaml.issues)")
        #expect(yaml.templates.first?.messages.first?.text == "Hello {{x}}")
        let prompty = PromptLibrary.parse(SourceFile(path: "bom.prompty", bytes: [0xEF, 0xBB, 0xBF] + Array("---\nname: bom\n---\nsystem:\nHello.\n".utf8)), defaultName: "bom")
        #expect(prompty.issues.filter { $0.severity == .error }.isEmpty, "\(prompty.issues)")
        #expect(prompty.templates.first?.messages.first?.text.contains("Hello.") == true)
    }

    @Test func globsMatchInLinearTime() {
        let star = Glob(String(repeating: "*a", count: 30) + "*b")
        #expect(!star.matches(String(repeating: "a", count: 80)))
        #expect(star.matches(String(repeating: "a", count: 40) + "b"))
        let doubleStar = Glob(String(repeating: "**/", count: 25) + "x.yml")
        #expect(!doubleStar.matches(Array(repeating: "d", count: 60).joined(separator: "/") + "/y.yml"))
        #expect(doubleStar.matches("a/b/x.yml"))
        #expect(Glob("drafts/**").matches("drafts/a/b.yml"))
        #expect(!Glob("*.yml").matches("a/b.yml"))
    }

    @Test func aReplacementHoldingItsPhraseIsAppliedOnce() throws {
        let config = try ProjectConfig.parse(SourceFile(path: ".promptlint.yml", text: """
        custom_rules:
          expand:
            message: "Use '{replacement}' instead of '{match}'"
            replace: {"JS": "JS (JavaScript)"}
        """))
        let engine = LintEngine(configuration: try LintConfiguration.resolve(config))
        // The rule keeps the case of what it matched: an all-caps "JS" gets an all-caps replacement.
        let file = SourceFile(path: "t.yml", text: "template: Review the JS code and the other JS file.\nmax_output_tokens: 100\n")
        let result = Compressor(engine: engine, applyUnsafe: false, requireSavings: false).compress(file, defaultName: "t")
        #expect(String(decoding: result.compressed, as: UTF8.self)
            == "template: Review the JS (JAVASCRIPT) code and the other JS (JAVASCRIPT) file.\nmax_output_tokens: 100\n")
        #expect(result.applied.filter { $0.code == "expand" }.count == 2)
    }
}

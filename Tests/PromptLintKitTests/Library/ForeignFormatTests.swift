import Testing
@testable import PromptLintKit

@Suite struct ForeignFormatTests {
    func load(_ name: String) throws -> PromptLibrary.FileResult {
        PromptLibrary.loadFile(path: Paths.fixtures + "/formats/" + name, displayPath: name, libraryRoot: nil)
    }

    @Test func promptyCurrentSpec() throws {
        let result = try load("support-reply.prompty")
        #expect(result.issues.filter { $0.severity == .error }.isEmpty)
        let template = try #require(result.templates.first)
        #expect(template.format == .prompty)
        #expect(template.maxOutputTokens == 300)
        #expect(template.model == "gpt-4o-mini")
        #expect(template.description == "Draft a reply to the latest message in a customer support ticket.")
        #expect(template.variables.map(\.name) == ["customer_name", "product", "question"])
        #expect(template.variables.first { $0.name == "question" }?.isRequired == true)
        #expect(template.variables.first { $0.name == "product" }?.defaultValue == "Contoso Cloud")
        #expect(template.messages.map(\.role) == [.system, .user])
        #expect(template.messages[1].text == "{{question}}")
        // Message text maps to its place in the file.
        let location = template.messages[1].source.location(ofTextOffset: 0)
        #expect(template.file.lineText(location.line) == "{{question}}")
    }

    @Test func promptyOlderParametersMaxTokens() throws {
        let template = try #require(try load("action-items.prompty").templates.first)
        #expect(template.maxOutputTokens == 300)
        #expect(template.messages.contains { $0.role == .assistant })
    }

    @Test func dotprompt() throws {
        let result = try load("topic-summary.prompt")
        #expect(result.issues.filter { $0.severity == .error }.isEmpty)
        let template = try #require(result.templates.first)
        #expect(template.format == .dotprompt)
        #expect(template.name == "topicSummary")
        #expect(template.model == "googleai/gemini-2.5-flash")
        #expect(template.maxOutputTokens == 256)
        #expect(template.variables.map(\.name) == ["topic", "style"])
        #expect(template.variables[0].isRequired)
        #expect(template.variables[1].isRequired == false)
        #expect(template.variables[1].defaultValue == "plain")
        #expect(template.messages.map(\.role) == [.system, .user])
        #expect(template.messages[1].text == "Summarize this topic: {{topic}}")
    }

    @Test func dotpromptRendersHandlebarsConditionals() throws {
        let template = try #require(try load("topic-summary.prompt").templates.first)
        let library = PromptLibrary(root: ".", templates: [template], issues: [], files: [])
        let rendered = try TemplateRenderer(library: library).render(template, values: ["topic": .string("BPE"), "style": .string("technical")])
        #expect(rendered.messages[0].content.contains("Write in a technical style."))
        #expect(rendered.messages[1].content == "Summarize this topic: BPE")
    }

    @Test func unsupportedForeignKeysAreWarnedNotDropped() throws {
        let file = SourceFile(path: "x.prompty", text: "---\nname: x\nfancy: 1\n---\nuser:\nhi\n")
        let result = PromptLibrary.parse(file, defaultName: "x")
        #expect(result.templates.count == 1)
        let warning = try #require(result.issues.first)
        #expect(warning.severity == .warning)
        #expect(warning.description == "x.prompty:3:1: warning: Prompty key 'fancy' is not supported by promptlint and is ignored")
    }

    @Test func missingFrontMatterIsAnError() throws {
        let result = PromptLibrary.parse(SourceFile(path: "x.prompt", text: "hello"), defaultName: "x")
        #expect(result.templates.isEmpty)
        #expect(result.issues.first?.error.message.contains("front matter") == true)
    }
}

@Suite struct DotpromptPartialTests {
    @Test func underscoreFilesArePartialsNamedWithoutTheUnderscore() throws {
        let dir = try TemporaryDirectory(files: [
            "prompts/_style.prompt": "---\nmodel: googleai/gemini-2.5-flash\n---\nWrite plainly.\n",
            "prompts/main.prompt": "---\nmodel: googleai/gemini-2.5-flash\nconfig: {maxOutputTokens: 100}\n---\n{{> style}} Summarize in 2 sentences.\n",
        ])
        let library = PromptLibrary.load(root: dir.file("prompts"))
        #expect(Set(library.templates.map(\.name)) == ["style", "main"])
        let rendered = try TemplateRenderer(library: library).render(try #require(library.template(named: "main")), values: [:])
        #expect(rendered.messages.first?.content == "Write plainly. Summarize in 2 sentences.")
        let lint = try CLI.run(["lint"], in: dir.path)
        #expect(lint.status == 0, "\(lint.stdout)")
    }
}

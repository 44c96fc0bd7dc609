import Testing
@testable import PromptLintKit

@Suite struct TemplateFormatTests {
    @Test func formatFromExtension() {
        #expect(TemplateFormat(path: "prompts/a.yml") == .yaml)
        #expect(TemplateFormat(path: "prompts/a.YAML") == .yaml)
        #expect(TemplateFormat(path: "x/basic.prompty") == .prompty)
        #expect(TemplateFormat(path: "x/_partial.variant.prompt") == .dotprompt)
        #expect(TemplateFormat(path: "notes.md") == .plainText)
        #expect(TemplateFormat(path: "notes.text") == .plainText)
        #expect(TemplateFormat(path: "data.json") == nil)
        #expect(TemplateFormat(path: "Makefile") == nil)
        #expect(TemplateFormat(path: "dir.yml/README") == nil)
        #expect(TemplateFormat(path: ".yml") == nil)
    }

    @Test func everyExtensionBelongsToOneFormat() {
        let all = TemplateFormat.allCases.flatMap(\.extensions)
        #expect(Set(all).count == all.count)
        for format in TemplateFormat.allCases {
            for ext in format.extensions { #expect(TemplateFormat(pathExtension: ext) == format) }
        }
        #expect(TemplateFormat.extensionList == ".yml, .yaml, .prompty, .prompt, .txt or .md")
    }

    /// The caller's format wins over the path: YAML-looking text read as plain text is one message.
    @Test func callerChoosesTheFormat() {
        let file = SourceFile(path: "<stdin>", bytes: Array("model: gpt-4o\ntemplate: Reply in 1 line.\n".utf8))
        let plain = PromptLibrary.parse(file, format: .plainText, defaultName: "stdin")
        #expect(plain.templates.count == 1)
        #expect(plain.templates[0].format == .plainText)
        #expect(plain.templates[0].messages.map(\.text) == ["model: gpt-4o\ntemplate: Reply in 1 line.\n"])
        let yaml = PromptLibrary.parse(file, format: .yaml, defaultName: "stdin")
        #expect(yaml.templates.first?.format == .yaml)
        #expect(yaml.templates.first?.model == "gpt-4o")
    }
}

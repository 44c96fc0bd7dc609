import Testing
@testable import PromptLintKit

@Suite struct TemplateLayoutTests {
    /// The layout keeps exactly the positions the linter needs from the parse tree.
    @Test func keepsKeyPositionsNotTheTree() throws {
        let text = "name: t\nmodel: gpt-4o\nvariables:\n  tone: {required: true, default: warm}\n  topic: {}\nmessages:\n  - role: user\n    content: Hi {{tone}} {{topic}}.\n"
        let file = SourceFile(path: "t.yml", text: text)
        let template = try #require(PromptLibrary.parse(file, defaultName: "t").templates.first)
        let layout = template.layout
        #expect(layout.topLevel.map(\.key) == ["name", "model", "variables", "messages"])
        #expect(template.keyLocation("model")?.line == 2)
        let defaults = layout.variableDefaults.map { ($0.name, String(decoding: file.bytes[$0.defaultKey], as: UTF8.self)) }
        #expect(defaults.map(\.0) == ["tone"])
        #expect(defaults.map(\.1) == ["default"])
        // Every pair at any depth: 4 top-level, 2 variables, 2 inside tone, 2 inside the message.
        #expect(layout.pairRanges.count == 10)
        #expect(layout.pairRanges.allSatisfy { $0.whole.lowerBound == $0.key.lowerBound && $0.whole.upperBound >= $0.key.upperBound })
    }
}

import Testing
@testable import PromptLintKit

@Suite struct TemplateReaderTests {
    static let valid = """
    # prompts/support/ticket-summary.yml
    name: support/ticket-summary
    description: Summarize a support ticket.
    tags: [support, summarization]
    model: gpt-4o-mini
    max_output_tokens: 200
    variables:
      ticket: {description: Raw ticket text, required: true}
      audience: {description: Who reads it, default: engineer, enum: [engineer, manager]}
    messages:
      - role: system
        content: |
          Summarize the ticket for an {{audience}} in at most 3 bullet points.
      - role: user
        content: "{{ticket}}"
    """

    @Test func readsTheDocumentedFormat() throws {
        let result = loadTemplates(Self.valid)
        #expect(result.issues.isEmpty)
        let template = try #require(result.templates.first)
        #expect(template.name == "support/ticket-summary")
        #expect(template.tags == ["support", "summarization"])
        #expect(template.model == "gpt-4o-mini")
        #expect(template.maxOutputTokens == 200)
        #expect(template.variables.map(\.name) == ["ticket", "audience"])
        #expect(template.variables[0].isRequired)
        #expect(template.variables[1].defaultValue == "engineer")
        #expect(template.variables[1].allowedValues == ["engineer", "manager"])
        #expect(template.messages.map(\.role) == [.system, .user])
        #expect(template.messages[1].text == "{{ticket}}")
        let location = template.messages[0].source.location(ofTextOffset: 0)
        #expect((location.line, location.column) == (13, 7))
    }

    @Test func defaultNameComesFromThePath() throws {
        let result = loadTemplates("model: gpt-4o\ntemplate: Classify {{text}} as yes or no.\nvariables: {text: {required: true}}\n", name: "support/x")
        #expect(result.templates.first?.name == "support/x")
        #expect(result.templates.first?.isCompletion == true)
    }

    private func firstError(_ text: String) throws -> SourceError {
        let result = loadTemplates(text)
        return try #require(result.issues.first(where: { $0.severity == .error })).error
    }

    @Test func unknownKeyNamesTheClosestMatchAndTheAllowedKeys() throws {
        let error = try firstError("descripton: x\ntemplate: hi\n")
        #expect(error.location?.line == 1)
        #expect(error.location?.column == 1)
        #expect(error.message.hasPrefix("unknown key 'descripton'; did you mean 'description'? (allowed: name, description,"))
    }

    @Test func wrongTypesAreLocated() throws {
        let error = try firstError("template: hi\nmax_output_tokens: lots\n")
        #expect(error.description == "prompts/t.yml:2:20: 'max_output_tokens' must be a positive integer, found 'lots'")
        let tags = try firstError("template: hi\ntags: {a: b}\n")
        #expect(tags.message == "'tags' must be a list of strings, found a mapping")
        #expect(tags.location?.line == 2)
        let root = try firstError("- just a list\n")
        #expect(root.message.contains("must be a mapping"))
    }

    @Test func messagesAndTemplateAreExclusive() throws {
        let both = try firstError("template: hi\nmessages:\n  - {role: user, content: x}\n")
        #expect(both.message == "'messages' and 'template' are exclusive: use one of them")
        #expect(both.location?.line == 2)
        let neither = try firstError("name: x\nmodel: gpt-4o\n")
        #expect(neither.message.contains("needs 'messages'"))
    }

    @Test func badRoleSuggestsTheClosest() throws {
        let error = try firstError("messages:\n  - role: sytem\n    content: hi\n")
        #expect(error.message.hasPrefix("invalid role 'sytem'; did you mean 'system'?"))
        #expect(error.location == SourceLocation(offset: 20, line: 2, column: 11))
    }

    @Test func variableSchemaErrors() throws {
        let unknown = try firstError("template: '{{a}}'\nvariables:\n  a: {descrption: x}\n")
        #expect(unknown.message.contains("unknown key 'descrption' in variable 'a'; did you mean 'description'?"))
        let badDefault = try firstError("template: '{{a}}'\nvariables:\n  a: {default: z, enum: [x, y]}\n")
        #expect(badDefault.message == "default 'z' of variable 'a' is not one of its enum values: x, y")
        let required = try firstError("template: '{{a}}'\nvariables:\n  a: {required: maybe}\n")
        #expect(required.message == "'required' must be true or false, found 'maybe'")
    }

    @Test func multiDocumentFilesHoldSeveralNamedTemplates() throws {
        let result = loadTemplates("name: a\ntemplate: one\n---\nname: b\ntemplate: two\n")
        #expect(result.templates.map(\.name) == ["a", "b"])
        let unnamed = loadTemplates("name: a\ntemplate: one\n---\ntemplate: two\n")
        #expect(unnamed.issues.first?.error.message.contains("needs a 'name'") == true)
        #expect(unnamed.issues.first?.error.location?.line == 4)
    }

    @Test func malformedYAMLIsLocated() throws {
        let error = try firstError("name: x\ntemplate: [unclosed\n")
        #expect(error.description.hasPrefix("prompts/t.yml:3:1: YAML syntax error"))
    }

    @Test func lintMetadataIsRead() throws {
        let result = loadTemplates("template: hi\nlint: {disable: [PL102, polite_filler], token_budget: 900}\n")
        let template = try #require(result.templates.first)
        #expect(template.disabledRules == ["PL102", "polite_filler"])
        #expect(template.lintOptions["token_budget"] == "900")
    }
}

import Testing
@testable import PromptLintKit

/// The one generic test every rule goes through (SwiftLint's verifyRule): each triggering example
/// reports exactly at its markers, each non-triggering example is clean, each correction produces
/// its expected text, and every example behaves the same after a non-ASCII prefix (offset bugs)
/// and is silent when the rule is disabled in the template.
@Suite struct RuleExamplesTests {
    static let prefix = "# 👍🏽 ünïcödé prefix — shifts bytes, lines and columns\n"

    @Test(arguments: RuleRegistry.builtIn.map(\.description.code))
    func examples(_ code: String) throws {
        let definition = try #require(RuleRegistry.builtIn.first { $0.description.code == code })
        let description = definition.description
        #expect(!description.triggeringExamples.isEmpty, "\(code) has no triggering example")
        #expect(!description.nonTriggeringExamples.isEmpty, "\(code) has no non-triggering example")
        #expect(!description.explanation.isEmpty)
        for example in description.triggeringExamples + description.nonTriggeringExamples {
            let variants = example.kind == .plainText ? [""] : ["", Self.prefix]
            for prefix in variants {
                let materialized = RuleExampleHarness.materialize(example, prefix: prefix)
                let (diagnostics, issues) = RuleExampleHarness.lint(materialized.files, definition: definition, options: example.options)
                let location = exampleLocation(example.file, example.line)
                #expect(issues.filter { $0.severity == .error }.isEmpty, "example does not load: \(issues)", sourceLocation: location)
                let found = diagnostics.map { RuleExampleHarness.Expectation(path: $0.path, range: $0.range) }
                #expect(found == materialized.expected,
                        "\(code): expected \(describe(materialized.expected, materialized.files)), found \(describe(found, materialized.files)) — \(diagnostics.map(\.message))",
                        sourceLocation: location)
                for diagnostic in diagnostics {
                    #expect(diagnostic.code == code)
                    #expect(!diagnostic.message.isEmpty)
                    // A fix is as the description declares: safe, unsafe, or either for "mixed".
                    if let fix = diagnostic.fix {
                        #expect(description.fixApplicability?.allows(fix.applicability) == true,
                                "\(code) made a \(fix.applicability) fix but declares \(String(describing: description.fixApplicability))", sourceLocation: location)
                    }
                }
            }
            if !materialized(example).expected.isEmpty, example.kind != .plainText {
                let disabled = RuleExampleHarness.materialize(example, disable: code)
                let silent = RuleExampleHarness.lint(disabled.files, definition: definition, options: example.options).diagnostics
                let location = exampleLocation(example.file, example.line)
                #expect(silent.isEmpty, "\(code) still reports with lint.disable", sourceLocation: location)
            }
        }
        // SwiftLint's "wrapped" variant: a wording rule reads instructions only, so each triggering
        // example is silent inside a code fence and inside a quoted example.
        if description.readsProseOnly {
            for example in description.triggeringExamples where example.kind == .message {
                let location = exampleLocation(example.file, example.line)
                for wrapped in Self.wrapped(example) {
                    let materialized = RuleExampleHarness.materialize(wrapped)
                    let (diagnostics, issues) = RuleExampleHarness.lint(materialized.files, definition: definition, options: example.options)
                    #expect(issues.filter { $0.severity == .error }.isEmpty, "wrapped example does not load: \(issues)", sourceLocation: location)
                    #expect(diagnostics.isEmpty, "\(code) reports inside \(wrapped.text.prefix(12).debugDescription): \(diagnostics.map(\.message))",
                            sourceLocation: location)
                }
            }
        }
        for correction in description.corrections {
            let location = exampleLocation(correction.before.file, correction.before.line)
            let fixed = try FixApplier.fixExample(correction, definition: definition)
            #expect(fixed == correction.after, "\(code) correction", sourceLocation: location)
        }
    }

    /// The example's text (markers removed) in a code fence and in a quoted example. The fence is
    /// marked as code (`console`): a bare fence holding the whole text is a prompt fence, read as prose.
    static func wrapped(_ example: RuleExample) -> [RuleExample] {
        let text = example.text.replacingOccurrences(of: "«", with: "").replacingOccurrences(of: "»", with: "")
        return ["````console\n\(text)\n````\n", "<example>\n\(text)\n</example>\n"].map { wrapped in
            var copy = example
            copy.text = wrapped
            return copy
        }
    }

    /// Points a failure at the example's own line in the rule's source file.
    func exampleLocation(_ file: String, _ line: Int) -> Testing.SourceLocation {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return Testing.SourceLocation(fileID: "PromptLintKit/\(name)", filePath: file, line: line, column: 1)
    }

    func materialized(_ example: RuleExample) -> RuleExampleHarness.Materialized {
        RuleExampleHarness.materialize(example)
    }

    func describe(_ spans: [RuleExampleHarness.Expectation], _ files: [SourceFile]) -> String {
        spans.map { span in
            let file = files.first { $0.path == span.path }
            let text = file.map { String(decoding: $0.bytes[span.range.clamped(to: 0..<$0.bytes.count)], as: UTF8.self) } ?? "?"
            return "\(span.path)@\(span.range)«\(text)»"
        }.joined(separator: ", ")
    }

    @Test func codesAndIdentifiersAreUnique() {
        let codes = RuleRegistry.builtIn.map(\.description.code)
        let identifiers = RuleRegistry.builtIn.map(\.description.identifier)
        #expect(Set(codes).count == codes.count)
        #expect(Set(identifiers).count == identifiers.count)
        for code in codes { #expect(code.hasPrefix("PL") && code.count == 5) }
    }
}

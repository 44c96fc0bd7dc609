import Foundation
import Testing
@testable import PromptLintKit

/// The list of reporters is the one source of `--format` choices.
@Suite struct ReporterListTests {
    @Test func identifiersAreUniqueAndFindable() {
        let identifiers = Reporters.identifiers
        #expect(identifiers == ["text", "json", "sarif", "github"])
        #expect(Set(identifiers).count == identifiers.count)
        for identifier in identifiers { #expect(Reporters.named(identifier)?.identifier == identifier) }
        #expect(Reporters.named("xml") == nil)
        #expect(Reporters.choices == "text, json, sarif or github")
    }

    @Test func helpAndErrorsListEveryReporter() throws {
        let help = try CLI.run(["lint", "--help"])
        #expect(help.stdout.contains("Output format: \(Reporters.choices)."))
        let bad = try CLI.run(["lint", "--format", "xml"])
        #expect(bad.status == 64 || bad.status == 2, "\(bad.status)")
        for identifier in Reporters.identifiers { #expect(bad.stderr.contains("'\(identifier)'"), "\(bad.stderr)") }
    }
}

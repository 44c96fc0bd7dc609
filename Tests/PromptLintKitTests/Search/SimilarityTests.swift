import Testing
@testable import PromptLintKit

@Suite struct SimilarityTests {
    @Test func jaccardOfShingles() {
        let index = SimilarityIndex(texts: [
            "Summarize the ticket for an engineer in at most 3 bullet points.",
            "Summarize the ticket for an engineer in at most 3 bullet points.",
            "Summarize the ticket for a manager in at most 3 bullet points.",
            "Write a commit message for the staged changes.",
            "",
        ])
        #expect(index.jaccard(0, 1) == 1)
        #expect(index.jaccard(0, 2) > 0.3 && index.jaccard(0, 2) < 0.9)
        #expect(index.jaccard(0, 3) == 0)
        #expect(index.jaccard(0, 4) == 0)
        #expect(abs(index.estimate(0, 2) - index.jaccard(0, 2)) < 0.25)
        #expect(index.pairs(threshold: 0.85).map { [$0.first, $0.second] } == [[0, 1]])
        #expect(index.mostSimilar(to: 0, limit: 2).map(\.index) == [1, 2])
    }

    @Test func fixtureNearDuplicates() throws {
        let library = PromptLibrary.load(root: Paths.fixtures + "/search-library")
        let index = SimilarityIndex(templates: library.templates)
        let pairs = index.pairs(threshold: 0.85).map { [library.templates[$0.first].name, library.templates[$0.second].name] }
        #expect(pairs == [["support/ticket-summary-legacy", "support/ticket-summary"]])
        let target = try #require(library.templates.firstIndex { $0.name == "support/ticket-summary" })
        let similar = index.mostSimilar(to: target, limit: 3)
        #expect(library.templates[similar[0].index].name == "support/ticket-summary-legacy")
        #expect(similar[0].score == 1)
    }

    @Test func libraryRuleFindsTheFixturePair() throws {
        let library = PromptLibrary.load(root: Paths.fixtures + "/search-library")
        let definition = try #require(RuleRegistry.builtIn.first { $0.description.code == "PL501" })
        let configuration = LintConfiguration(active: [.init(rule: definition.make(RuleOptions()), severity: .warning)],
                                              settings: LintSettings(library: library.templates), definitions: [definition])
        let diagnostics = LintEngine(configuration: configuration).lint(library.templates)
        #expect(diagnostics.count == 1)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.path.hasSuffix("support/ticket-summary.yml"))
        #expect(diagnostic.message.contains("'support/ticket-summary-legacy'"))
        #expect(diagnostic.message.contains("similarity 1.00"))
        #expect(diagnostic.related.first?.path.hasSuffix("support/ticket-summary-legacy.yml") == true)
    }
}

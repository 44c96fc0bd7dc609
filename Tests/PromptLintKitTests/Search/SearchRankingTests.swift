import Foundation
import Testing
@testable import PromptLintKit

/// Ranking on the fixture library (Fixtures/search-library): expected top results per query.
@Suite struct SearchRankingTests {
    static let library: PromptLibrary = PromptLibrary.load(root: Paths.fixtures + "/search-library")
    static let index = SearchIndex(templates: library.templates)

    func top(_ query: String, _ count: Int = 3, filter: SearchFilter = SearchFilter()) -> [String] {
        Self.index.search(SearchQuery(query), limit: count, filter: filter)
            .map { Self.index.documents[$0.document].name }
    }

    @Test func fixtureLoadsCleanly() {
        #expect(Self.library.issues.isEmpty, "\(Self.library.issues)")
        #expect(Self.library.templates.count == 15)
    }

    @Test func exactAndMultiWordQueries() {
        #expect(top("refund").first == "support/refund-reply")
        #expect(Set(top("summarize support ticket", 2)) == ["support/ticket-summary", "support/ticket-summary-legacy"])
        #expect(top("code review").first == "code-review/diff-review")
        #expect(top("postgres query").first == "sql/postgres-query")
        #expect(top("meeting action items").first == "docs/meeting-notes")
    }

    @Test func pluralAndVerbVariantsMatch() {
        #expect(top("summarizing tickets", 2).contains("support/ticket-summary"))
        #expect(top("reviewed diffs").first == "code-review/diff-review")
        #expect(top("extracting invoices").first == "extraction/invoice-json")
        #expect(top("RÉFUND").first == "support/refund-reply")
    }

    @Test func typoQueries() {
        #expect(top("jsn extraction").first == "extraction/invoice-json")
        #expect(top("refnud").first == "support/refund-reply")
        #expect(top("postgrse").first == "sql/postgres-query")
        // Two-letter words are never corrected.
        #expect(top("zq").isEmpty)
    }

    @Test func japaneseQueries() {
        #expect(top("請求書").first == "ja/invoice-extraction")
        #expect(top("問い合わせ 要約").first == "ja/inquiry-summary")
    }

    @Test func filters() {
        #expect(top("ticket", 10, filter: SearchFilter(tags: ["support", "classification"])) == ["support/triage"])
        #expect(top("ticket summary", 10, filter: SearchFilter(model: "GPT-4O")) == ["support/ticket-summary-legacy"])
        #expect(top("invoice", 10, filter: SearchFilter(tags: ["japanese"])) == ["ja/invoice-extraction"])
        #expect(top("refund", 10, filter: SearchFilter(tags: ["hr"])).isEmpty)
    }

    @Test func tierAndTokenFilters() throws {
        // gpt-4o and claude-sonnet-4 are standard, gpt-4o-mini and claude-3-5-haiku economy.
        #expect(top("ticket", 10, filter: SearchFilter(tier: .standard)) == ["support/ticket-summary-legacy"])
        #expect(top("ticket", 10, filter: SearchFilter(tier: .premium)).isEmpty)
        let measured = SearchIndex(templates: Self.library.templates, countTokens: true)
        let all = measured.search(SearchQuery("ticket"), limit: 10).map { measured.documents[$0.document] }
        let counts = try all.map { try #require($0.staticTokens) }
        #expect(Set(counts).count > 1)
        let limit = counts.sorted()[counts.count / 2]
        let small = measured.search(SearchQuery("ticket"), limit: 10, filter: SearchFilter(maxTokens: limit)).map { measured.documents[$0.document] }
        #expect(small.map(\.name) == all.filter { $0.staticTokens! <= limit }.map(\.name))
        #expect(small.count < all.count)
        // Counted like the token rules: the model's encoding over every message, tags as written.
        let triage = try #require(Self.library.template(named: "support/triage"))
        let expected = triage.messages.reduce(0) { $0 + Tokenizer.shared(.o200k_base).count($1.text) }
        #expect(measured.documents.first { $0.name == "support/triage" }?.staticTokens == expected)
    }

    @Test func matchLineHighlightsTheWords() throws {
        let hit = try #require(Self.index.search(SearchQuery("refund policy"), limit: 1).first)
        let template = Self.library.templates[hit.document]
        let match = try #require(MatchLine.best(in: template, terms: hit.matchedTerms))
        #expect(match.text == "Explain whether the refund is possible under this policy: {{policy}}")
        #expect(match.line == 12)
        #expect(match.highlighted { "[\($0)]" } == "Explain whether the [refund] is possible under this [policy]: {{[policy]}}")
        let typo = try #require(Self.index.search(SearchQuery("jsn"), limit: 1).first)
        let line = try #require(MatchLine.best(in: Self.library.templates[typo.document], terms: typo.matchedTerms))
        #expect(line.highlighted { "[\($0)]" }.contains("[JSON]"))
    }

    @Test func scoresDescend() {
        let hits = Self.index.search(SearchQuery("ticket"), limit: 10)
        #expect(hits.count >= 4)
        #expect(zip(hits, hits.dropFirst()).allSatisfy { $0.score >= $1.score })
    }
}

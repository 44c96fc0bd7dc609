import Testing
@testable import PromptLintKit

@Suite struct TextNormalizerTests {
    @Test func foldsCaseDiacriticsAndEndings() {
        #expect(TextNormalizer.terms("Tickets SUMMARIZED Résumé") == ["ticket", "summariz", "resum"])
        #expect(TextNormalizer.terms("summarize summarizes summarizing") == ["summariz", "summariz", "summariz"])
        #expect(TextNormalizer.terms("queries boxes classified planned reviewing") == ["query", "box", "classify", "plan", "review"])
        #expect(TextNormalizer.terms("status analysis class") == ["status", "analysis", "class"])
        #expect(TextNormalizer.terms("customer's {{kb_excerpt}} gpt-4o") == ["customer", "kb", "excerpt", "gpt", "4o"])
    }

    @Test func rangesPointAtTheWords() {
        let text = "Ünïcode 👍🏽 tickets"
        let tokens = TextNormalizer.tokens(text)
        let bytes = Array(text.utf8)
        #expect(tokens.map { String(decoding: bytes[$0.range], as: UTF8.self) } == ["Ünïcode", "tickets"])
    }

    @Test func cjkBecomesBigrams() {
        let tokens = TextNormalizer.tokens("請求書をJSONで")
        #expect(tokens.map(\.term) == ["請求", "求書", "書を", "json", "で"])
        #expect(tokens.filter(\.isCJK).count == 4)
        #expect(TextNormalizer.terms("한국어") == ["한국", "국어"])
    }

    @Test func typoDistanceIsBounded() {
        #expect(TypoTolerance.boundedDistance(Array("jsn".utf8), Array("json".utf8), limit: 1) == 1)
        #expect(TypoTolerance.boundedDistance(Array("extarct".utf8), Array("extract".utf8), limit: 1) == 1)
        #expect(TypoTolerance.boundedDistance(Array("abc".utf8), Array("xyz".utf8), limit: 1) == 2)
        #expect(TypoTolerance.maxDistance(forLength: 2) == 0)
        #expect(TypoTolerance.maxDistance(forLength: 5) == 1)
        #expect(TypoTolerance.maxDistance(forLength: 9) == 2)
    }

    @Test func queryDropsStopWordsUnlessAlone() {
        #expect(SearchQuery("summary of the ticket").terms.map(\.term) == ["summary", "ticket"])
        #expect(SearchQuery("the").terms.map(\.term) == ["the"])
        #expect(SearchQuery("ticket tickets").terms.count == 1)
    }
}

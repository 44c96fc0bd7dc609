import Testing
@testable import PromptLintKit

@Suite struct RequestedLengthEstimatorTests {
    @Test(arguments: [
        ("Write 500 words about dogs.", "500 words", 675),
        ("Write 3 paragraphs.", "3 paragraphs", 405),
        ("Use at most 2000 characters.", "at most 2000 characters", 500),
        ("400字で説明してください。", "400字", 400),
        ("Write 2-3 sentences, then a 1000-word essay.", "1000-word", 1350),
        ("Limit it to 50 tokens.", "Limit it to 50 tokens", 50),
        ("Write at least 800 words.", "at least 800 words", 1080),
        ("Escribe 100 palabras.", "100 palabras", 135),
    ]) func estimates(_ s: String, _ m: String, _ tokens: Int) {
        let e = RequestedLengthEstimator.estimate(s)
        #expect(e?.matched == m)
        #expect(e?.estimatedTokens == tokens)
        if let e { #expect(String(decoding: Array(s.utf8)[e.range], as: UTF8.self) == m) }
    }

    @Test func noExplicitSize() {
        #expect(RequestedLengthEstimator.estimate("Be concise.") == nil)
        #expect(RequestedLengthEstimator.estimate("Return only the SQL.") == nil)
    }

    @Test func allRequests() {
        let all = RequestedLengthEstimator.all(PromptText("Write 5 tips in under 100 words."))
        #expect(all.map(\.matched) == ["5 tips", "under 100 words"])
    }
}

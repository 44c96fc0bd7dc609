import Testing
@testable import PromptLintKit

@Suite struct MetaPreambleTests {
    static let positives: [FixCase] = [
        FixCase("Your task is to summarize the article.", ["Your task is to"], "Summarize the article."),
        FixCase("Your job is to classify the ticket.", ["Your job is to"], "Classify the ticket."),
        FixCase("Read it. Your goal is to find bugs.", ["Your goal is to"], "Read it. Find bugs."),
        FixCase("Tu tarea es resumir el artículo.", ["Tu tarea es"], "Resumir el artículo."),
    ]

    /// "Your task/job is to" only announce the task: safe. "Your goal/role is to" also frame it: unsafe.
    @Test(arguments: positives) func fixRewrites(_ c: FixCase) {
        verify(MetaPreambleAnalyzer.self, c, unsafe: true)
        let safe = !c.input.contains("goal")
        #expect(MetaPreambleAnalyzer.analyze(c.input).allSatisfy { $0.isSafeFix == safe })
    }

    @Test(arguments: [
        ("I'm going to give you a transcript.", "I'm going to give you"),
        ("I will give you a list of names.", "I will give you"),
        ("I will provide you with a document.", "I will provide you with"),
        ("The following is a conversation.", "The following is"),
        ("Here is the text: {{text}}", "Here is the text:"),
        ("Below is an email from a customer.", "Below is"),
        ("以下は顧客からのメールです。", "以下は"),
    ]) func flagsWithoutFix(_ s: String, _ m: String) {
        let ms = MetaPreambleAnalyzer.analyze(s)
        #expect(ms.map(\.matched) == [m])
        #expect(ms.allSatisfy { $0.edits.isEmpty })
    }

    @Test(arguments: [
        "The table below is empty.",
        "Describe what your task is to the user.",
        "Reply \"Your task is to wait\" when asked.",
    ]) func negatives(_ s: String) { expectClean(MetaPreambleAnalyzer.self, s) }
}

import Testing
@testable import PromptLintKit

@Suite struct IntensifierTests {
    static let positives: [FixCase] = [
        FixCase("This is very important.", ["very"], "This is important."),
        FixCase("Really, think it through.", ["Really"], "Think it through."),
        FixCase("Basically summarize it.", ["Basically"], "Summarize it."),
        FixCase("It is actually quite simple.", ["actually", "quite"], "It is simple."),
        FixCase("Just answer the question.", ["Just"], "Answer the question."),
        FixCase("Be extremely careful and totally literally honest.", ["extremely", "totally", "literally"], "Be careful and honest."),
        FixCase("Simply list them.", ["Simply"], "List them."),
        FixCase("Resume el texto de forma muy clara.", ["muy"], "Resume el texto de forma clara."),
        FixCase("とても短く書いてください。", ["とても"], "短く書いてください。"),
    ]

    @Test(arguments: positives) func flagsWithUnsafeFix(_ c: FixCase) {
        verify(IntensifierAnalyzer.self, c, unsafe: true)
        #expect(IntensifierAnalyzer.analyze(c.input).allSatisfy { !$0.isSafeFix })
    }

    @Test(arguments: [
        "Use just-in-time compilation.",
        "Return just the JSON.",
        "Respond with just 3 words.",
        "Run `just build` and print \"very good\".",
        "This is the very first step.",
        "It takes quite a while.",
        "Everything is justified.",
        "Optimize for real users, not just benchmark scores.",
        "Explain them simply like you'd tell a friend.",
        #"Transcript: you\u0026#39;re just going into this,\nbasically."#,
    ]) func negatives(_ s: String) { expectClean(IntensifierAnalyzer.self, s) }
}

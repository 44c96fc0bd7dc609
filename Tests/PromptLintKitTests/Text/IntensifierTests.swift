import Testing
@testable import PromptLintKit

@Suite struct IntensifierTests {
    static let positives: [FixCase] = [
        FixCase("This is really important.", ["really"], "This is important."),
        FixCase("Really, think it through.", ["Really"], "Think it through."),
        FixCase("Basically summarize it.", ["Basically"], "Summarize it."),
        FixCase("It is quite simple.", ["quite"], "It is simple."),
        FixCase("Be careful and totally literally honest.", ["totally", "literally"], "Be careful and honest."),
        FixCase("Simply list them.", ["Simply"], "List them."),
        FixCase("Resume el texto de forma realmente clara.", ["realmente"], "Resume el texto de forma clara."),
        FixCase("本当に短く書いてください。", ["本当に"], "短く書いてください。"),
    ]

    @Test(arguments: positives) func flagsWithUnsafeFix(_ c: FixCase) {
        verify(IntensifierAnalyzer.self, c, unsafe: true)
        #expect(IntensifierAnalyzer.analyze(c.input).allSatisfy { !$0.isSafeFix })
    }

    /// "very"/"extremely" often grade the criterion itself ("very strong evidence") and "just" often
    /// means "only": reported, no fix.
    @Test(arguments: ["[High confidence]: very strong evidence from 2 sources.", "Be extremely detailed.",
                      "Explain whole systems rather than just parts.", "Answer what the user actually asked.",
                      "Resume el texto de forma muy clara.", "とても短く書いてください。"])
    func criterionIntensifiersAreFlaggedWithoutFix(_ text: String) {
        let matches = IntensifierAnalyzer.analyze(text)
        #expect(matches.count == 1)
        #expect(matches.allSatisfy { $0.edits.isEmpty })
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
        "I don't just want to know what I did, but how I thought.",
        "Explain them simply like you'd tell a friend.",
        #"Transcript: you\u0026#39;re just going into this,\nbasically."#,
    ]) func negatives(_ s: String) { expectClean(IntensifierAnalyzer.self, s) }
}

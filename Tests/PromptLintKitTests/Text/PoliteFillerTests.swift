import Testing
@testable import PromptLintKit

@Suite struct PoliteFillerTests {
    static let positives: [FixCase] = [
        FixCase("Please summarize the text.", ["Please"], "Summarize the text."),
        FixCase("Summarize it, please.", ["please"], "Summarize it."),
        FixCase("Summarize it please.", ["please"], "Summarize it."),
        FixCase("Please, list the files.", ["Please"], "List the files."),
        FixCase("Could you please list the files?", ["Could you please"], "List the files."),
        FixCase("Can you please translate this?", ["Can you please"], "Translate this."),
        FixCase("Would you please check the code.", ["Would you please"], "Check the code."),
        FixCase("I would like you to write a poem.", ["I would like you to"], "Write a poem."),
        FixCase("I'd like you to review the PR.", ["I'd like you to"], "Review the PR."),
        FixCase("I want you to act as a Linux terminal.", ["I want you to"], "Act as a Linux terminal."),
        FixCase("Then I want you to reply in English.", ["I want you to"], "Then reply in English."),
        FixCase("Translate the text. Thank you!", ["Thank you!"], "Translate the text."),
        FixCase("Translate the text.\nThanks in advance.", ["Thanks in advance."], "Translate the text.\n"),
        FixCase("Thank you for your help.", ["Thank you for your help."], ""),
        FixCase("Fix the bug, thanks!", ["thanks"], "Fix the bug!"),
        FixCase("Kindly review the code and please keep it short.", ["Kindly", "please"], "Review the code and keep it short."),
        FixCase("If you don't mind, check the tests.", ["If you don't mind"], "Check the tests."),
        FixCase("Check the tests, if you don't mind.", ["if you don't mind"], "Check the tests."),
        FixCase("Now, please, answer.", ["please"], "Now answer."),
        FixCase("PLEASE answer in JSON.", ["PLEASE"], "Answer in JSON."),
        FixCase("テキストを要約してください。よろしくお願いします。", ["よろしくお願いします。"], "テキストを要約してください。"),
        FixCase("どうか要約してください。", ["どうか"], "要約してください。"),
        FixCase("恐れ入りますが、要約してください。", ["恐れ入りますが"], "要約してください。"),
        FixCase("要約してください。お願いします。", ["お願いします。"], "要約してください。"),
        FixCase("Por favor, resume el texto.", ["Por favor"], "Resume el texto."),
        FixCase("Resume el texto, por favor.", ["por favor"], "Resume el texto."),
    ]

    @Test(arguments: positives) func removesCourtesy(_ c: FixCase) { verify(PoliteFillerAnalyzer.self, c) }

    @Test func reportedWithoutFix() {
        for (s, m) in [("Te agradecería que resumieras el texto.", "Te agradecería que"), ("要約をお願いします。", "お願いします"),
                       ("I hope you can help me with my essay.", "I hope you can help")] {
            let ms = PoliteFillerAnalyzer.analyze(s)
            #expect(ms.map(\.matched) == [m])
            #expect(ms.allSatisfy { $0.edits.isEmpty && !$0.isSafeFix })
        }
    }

    @Test func longCourtesySentenceWithDataIsNotRemoved() {
        // A transcript line: reported, but never deleted (it carries digits and other words).
        let ms = PoliteFillerAnalyzer.analyze("[turn 3] human: Thanks for the 2 answers [00:01.5] again.")
        #expect(ms.allSatisfy { $0.edits.isEmpty })
    }

    @Test(arguments: [
        "```\nplease do this\n```",
        "Run `please build` first.",
        "Reply with \"please wait\" while loading.",
        "Use an example such as “please hold”.",
        "Insert {{please}} and ${please} and {please} here.",
        "I am pleased with the pleasure of pleasing.",
        "Write copy to please the reader.",
        "Thanks to the context window we can fit it.",
        "<please>text</please>",
        "See https://example.com/please for details.",
        // Corpus regressions.
        "This is what I want you to do for me: write a script.",
    ]) func ignoresNonProseAndOtherWords(_ s: String) { expectClean(PoliteFillerAnalyzer.self, s) }
}

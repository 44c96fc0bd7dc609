import Testing
@testable import PromptLintKit

@Suite struct WhitespaceWasteTests {
    static let positives: [FixCase] = [
        FixCase("Line one  \nLine two\t\n", ["  ", "\t"], "Line one\nLine two\n"),
        FixCase("A\n\n\n\n\nB", ["\n\n\n"], "A\n\nB"),
        FixCase("A\n \n\t\n  \nB", [" ", "\t\n  \n"], "A\n\nB"),
        // A setext underline keeps its heading, written the short way.
        FixCase("Title\n=====\nBody", ["====="], "# Title\nBody"),
        FixCase("A\n-----\nB\n*****\nC\n#####\nD\n~~~~~\nE", ["-----", "*****", "#####", "~~~~~"], "## A\nB\nC\nD\nE"),
        FixCase("A\r\n====  \r\nB", ["===="], "# A\r\nB"),
        FixCase("A\n\n━━━━━━━━━━━━\nB\n\n─────\n", ["━━━━━━━━━━━━", "─────"], "A\n\nB\n\n"),
        FixCase("# ----------\n// ==========\n- item\n-----\nB", ["# ----------", "// ==========", "-----"], "- item\nB"),
        // Banners: the title between two rules becomes the heading, never the body line above them.
        FixCase("Intro.\nMax inventory: 10 items.\n=====\nCOMPANIONS\n=====\nBody", ["=====", "====="],
                "Intro.\nMax inventory: 10 items.\n# COMPANIONS\nBody"),
        FixCase("Rules\n\nMax inventory: 10 items.\n=====\nCOMPANIONS\n=====\nBody", ["=====", "====="],
                "Rules\n\nMax inventory: 10 items.\n# COMPANIONS\nBody"),
    ]

    @Test(arguments: positives) func safeFixes(_ c: FixCase) {
        verify(WhitespaceWasteAnalyzer.self, c)
    }

    @Test(arguments: [
        "A\n\nB\n\n\nC",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "Intro\n---\nText",
        "```\ncode   \n=====\n\n\n\n```\n",
        "a ==== b",
        // With "#" headings in the text, underlines and banners are left as they are.
        "# Template\n## Summary\n\nSECTION 6\n=========\nDo not execute.",
        "## Steps\nRead.\n=====\nNOTES\n=====\nKeep.",
        "A\n\n─┼─\nB",
        "# Heading ----\nText",
        "```\nx\n```",
    ]) func negatives(_ s: String) { expectClean(WhitespaceWasteAnalyzer.self, s) }

    @Test func fixTitlesSayWhatChanges() {
        let titles = WhitespaceWasteAnalyzer.analyze(PromptText("Rules\n=====\nBe brief.  \n\n-----\nEnd.")).map(WhitespaceWasteRule.fixTitle)
        #expect(titles == ["Make the underlined title a '#' heading", "Remove the whitespace", "Remove the decorative line"])
    }
}

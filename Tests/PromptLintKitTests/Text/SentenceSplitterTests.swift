import Testing
@testable import PromptLintKit

@Suite struct SentenceSplitterTests {
    func sentences(_ s: String) -> [String] {
        let b = Array(s.utf8)
        return SentenceSplitter.split(s).map { String(decoding: b[$0.range], as: UTF8.self) }
    }

    @Test func englishPunctuation() {
        #expect(sentences("First one. Second one! Third? Fourth") == ["First one.", "Second one!", "Third?", "Fourth"])
    }

    @Test func abbreviationsAndNumbers() {
        #expect(sentences("Use e.g. lists, i.e. bullets. Version 3.5 is fine.") == ["Use e.g. lists, i.e. bullets.", "Version 3.5 is fine."])
    }

    @Test func japaneseAndSpanish() {
        #expect(sentences("要約してください。短くしてください！") == ["要約してください。", "短くしてください！"])
        #expect(sentences("¿Puedes ayudar? Resume el texto.") == ["¿Puedes ayudar?", "Resume el texto."])
    }

    @Test func bulletLinesAndHeadings() {
        #expect(sentences("# Steps\n- Read the input\n- Write the output\n1. Done") == ["Steps", "Read the input", "Write the output", "Done"])
    }

    @Test func softWrappedLinesJoin() {
        #expect(sentences("Summarize the text and\nkeep it short.") == ["Summarize the text and\nkeep it short."])
    }

    @Test func codeFencesAreSkipped() {
        #expect(sentences("Run this.\n```\nx = 1. y = 2.\n```\nThen stop.") == ["Run this.", "Then stop."])
    }

    @Test func removalRanges() {
        let s = "- Thank you!\n- Keep going. Be nice."
        let b = Array(s.utf8)
        let r = SentenceSplitter.split(s).map { String(decoding: b[$0.removalRange], as: UTF8.self) }
        #expect(r == ["- Thank you!\n", "Keep going. ", " Be nice."])
    }
}

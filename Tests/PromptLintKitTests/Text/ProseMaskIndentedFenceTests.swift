import Testing
@testable import PromptLintKit

@Suite struct ProseMaskIndentedFenceTests {
    /// A fence indented inside a list item still protects its content from wording and whitespace rules.
    @Test func indentedFenceInsideAListIsCode() throws {
        let text = "2. Call the tool:\n     ```\n     get-library-docs({ \n       topic: \"routing\" \n     })\n     ```\nAnswer in 1 line.\n"
        let mask = ProseMask(text)
        let offset = Array(text.utf8).firstIndex(of: 0x7B)!
        #expect(!mask.isProse(at: offset))
        let edits = WhitespaceWasteAnalyzer.analyze(text)
        #expect(edits.isEmpty, "\(edits.map(\.matched))")
    }
}

@Suite struct ProseMaskQuotedFenceTests {
    /// A quote that opens before a fence and closes inside it must not hide the fence.
    @Test func fenceAfterAnOpenQuoteIsStillCode() throws {
        let text = "Say \"hi.\n```\nx = 1   \n```\nThen\" answer in 1 line.\n"
        let mask = ProseMask(text)
        let offset = Array(text.utf8).firstIndex(of: 0x3D)!
        #expect(mask.isInCodeFence(offset))
        #expect(WhitespaceWasteAnalyzer.analyze(text).allSatisfy { !mask.isInCodeFence($0.range.lowerBound) })
    }
}

@Suite struct ProseMaskExampleSectionTests {
    @Test func exampleBlocksAndSectionsAreData() {
        let block = "Write an essay in 500 words.\nEXAMPLE ESSAYS\nActually it is very easy. Please read.\nEND EXAMPLE ESSAYS\nPlease be direct."
        #expect(IntensifierAnalyzer.analyze(block).isEmpty)
        #expect(PoliteFillerAnalyzer.analyze(block).map(\.matched) == ["Please"])
        let section = "# STEPS\nSummarize in 3 bullets.\n\n## Example\nI really want you to list all of it, please.\n\n# OUTPUT\nReturn only the bullets."
        #expect(PoliteFillerAnalyzer.analyze(section).isEmpty)
        #expect(IntensifierAnalyzer.analyze(section).isEmpty)
        let notExample = "# Examples of tone\nBe warm."
        #expect(ProseMask(notExample).isProse(at: notExample.utf8.count - 3))
    }

    /// The `EXAMPLE …` / `END EXAMPLE …` marker lines belong to the data: they look alike, and a
    /// repeated-instruction fix that deleted the end marker would expose the example to rewrites.
    @Test func exampleMarkersAreDataAndNotRepeats() {
        let text = "Write an essay in 500 words.\nEXAMPLE PAUL GRAHAM ESSAYS\nIt is really just easy.\nEND EXAMPLE PAUL GRAHAM ESSAYS\nBe direct."
        let mask = ProseMask(text)
        let bytes = Array(text.utf8)
        let start = text.utf8.distance(from: text.utf8.startIndex, to: text.range(of: "EXAMPLE PAUL")!.lowerBound)
        let end = text.utf8.distance(from: text.utf8.startIndex, to: text.range(of: "END EXAMPLE")!.lowerBound)
        #expect(!mask.isProse(at: start))
        #expect(!mask.isProse(at: end))
        #expect(mask.isProse(at: bytes.count - 3))
        #expect(RepeatedInstructionAnalyzer.analyze(PromptText(text)).isEmpty)
    }
}

import Testing
@testable import PromptLintKit

@Suite struct TextEditTests {
    @Test func appliesBackToFrontInAnyOrder() {
        let text = "Hello brave new world"
        let edits = [TextEdit(range: 12..<16, replacement: ""), TextEdit(range: 0..<5, replacement: "Goodbye"),
                     TextEdit(range: 6..<11, replacement: "bold")]
        #expect(TextEdit.apply(edits, to: text) == "Goodbye bold world")
    }

    @Test func skipsOverlappingAndOutOfBounds() {
        let text = "abcdef"
        let edits = [TextEdit(range: 1..<4, replacement: "X"), TextEdit(range: 2..<5, replacement: "Y"),
                     TextEdit(range: 4..<99, replacement: "Z")]
        #expect(TextEdit.apply(edits, to: text) == "aXef")
    }

    @Test func insertionsAndEmptyEdits() {
        #expect(TextEdit.apply([TextEdit(range: 3..<3, replacement: "-")], to: "abcdef") == "abc-def")
        #expect(TextEdit.apply([], to: "same") == "same")
    }

    @Test func utf8Offsets() {
        // "é" is two bytes, "日本" six.
        let text = "é日本x"
        #expect(TextEdit.apply([TextEdit(range: 2..<8, replacement: "")], to: text) == "éx")
    }
}

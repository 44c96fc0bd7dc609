import Testing
@testable import PromptLintKit


@Suite struct ScalarEditorTests {
    static let replacements = ["", "X", "new words", "a \"quoted\" b", "it's", "x: y", "two\nlines", " lead", "back\\slash", "# hash", "é日本", "trail "]

    /// Replacing any range of any scalar with any text re-parses to exactly the expected value,
    /// leaves every other scalar alone, and changes no byte outside the scalar's token. Forty seeds
    /// per snippet: one seed missed whitespace beside folded line breaks and all-newline blocks.
    @Test(arguments: scalarSnippets)
    func editsRoundTrip(_ snippet: String) throws {
        for seed in 0..<40 {
            try editsRoundTrip(snippet, seed: UInt64(seed * 1000 + snippet.utf8.count))
        }
    }

    func editsRoundTrip(_ snippet: String, seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        let originals = try scalars(in: snippet)
        for (index, scalar) in originals.enumerated() {
            let value = Array(scalar.value.utf8)
            for _ in 0..<12 {
                // Pick a range on scalar boundaries.
                let boundaries = [0] + scalar.value.unicodeScalars.indices.dropFirst().map {
                    scalar.value.utf8.distance(from: scalar.value.utf8.startIndex, to: $0)
                } + [value.count]
                let a = boundaries.randomElement(using: &rng)!
                let b = boundaries.randomElement(using: &rng)!
                let range = min(a, b)..<max(a, b)
                let replacement = Self.replacements.randomElement(using: &rng)!
                let result = scalar.edit(replacing: range, with: replacement)
                let edited = ByteEdit.apply([result.edit], to: scalar.file.bytes)
                let expectedValue = String(decoding: value[..<range.lowerBound] + Array(replacement.utf8) + value[range.upperBound...], as: UTF8.self)
                let text = String(decoding: edited, as: UTF8.self)
                let reparsed = try scalars(in: text)
                try #require(reparsed.count == originals.count, "edit broke the document: \(text.debugDescription)")
                #expect(reparsed[index].value == expectedValue, "style \(scalar.style) range \(range) replacement \(replacement.debugDescription) gave \(text.debugDescription)")
                for other in originals.indices where other != index {
                    #expect(reparsed[other].value == originals[other].value)
                }
                #expect(edited[..<scalar.range.lowerBound] == scalar.file.bytes[..<scalar.range.lowerBound])
                #expect(Array(edited.suffix(scalar.file.bytes.count - scalar.range.upperBound)) == Array(scalar.file.bytes[scalar.range.upperBound...]))
            }
        }
    }

    @Test func inPlaceEditTouchesOnlyTheWord() throws {
        let text = "# comment kept\nk: |\n  Please summarize the text.\n  Keep it short.\nother: 'x'\n"
        let scalar = try #require(try scalars(in: text).first)
        let result = scalar.edit(replacing: 0..<7, with: "")
        #expect(result.isInPlace)
        let edited = String(decoding: ByteEdit.apply([result.edit], to: scalar.file.bytes), as: UTF8.self)
        #expect(edited == "# comment kept\nk: |\n  summarize the text.\n  Keep it short.\nother: 'x'\n")
    }

    /// Text inserted where a verbatim run meets a folded line break goes right after the run, not
    /// onto the blank line that encodes the break (which turned "\n" into a space).
    @Test func insertionBeforeAFoldedBreakStaysOnItsLine() throws {
        let text = "k: 'single\n  folded\n\n  text'\n"
        let scalar = try #require(try scalars(in: text).first)
        #expect(scalar.value == "single folded\ntext")
        let result = scalar.edit(replacing: 13..<13, with: "é日本")
        #expect(result.isInPlace)
        let edited = String(decoding: ByteEdit.apply([result.edit], to: scalar.file.bytes), as: UTF8.self)
        #expect(edited == "k: 'single\n  foldedé日本\n\n  text'\n")
        #expect(try scalars(in: edited).first?.value == "single foldedé日本\ntext")
    }

    @Test func foldedBlockBecomesLiteralWhenReencoded() throws {
        let text = "k: >\n  one\n  two\n"
        let scalar = try #require(try scalars(in: text).first)
        #expect(scalar.value == "one two\n")
        let result = scalar.edit(replacing: 3..<4, with: "\n")
        #expect(result.resultingStyle == .literal)
        let edited = String(decoding: ByteEdit.apply([result.edit], to: scalar.file.bytes), as: UTF8.self)
        #expect(edited == "k: |\n  one\n  two\n")
    }

    @Test func plainScalarThatWouldChangeMeaningIsQuoted() throws {
        let scalar = try #require(try scalars(in: "k: hello world\n").first)
        let result = scalar.edit(replacing: 0..<11, with: "true")
        #expect(result.resultingStyle == .doubleQuoted)
        #expect(String(decoding: ByteEdit.apply([result.edit], to: scalar.file.bytes), as: UTF8.self) == "k: \"true\"\n")
    }

    @Test func overlappingEditsAreSkipped() {
        let bytes = Array("abcdef".utf8)
        let result = ByteEdit.apply([ByteEdit(range: 1..<3, replacement: "X"), ByteEdit(range: 2..<4, replacement: "Y"), ByteEdit(range: 5..<5, replacement: "!")], to: bytes)
        #expect(String(decoding: result, as: UTF8.self) == "aXde!f")
    }
}

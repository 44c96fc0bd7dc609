import Testing
@testable import PromptLintKit

/// Snippets covering every scalar style and the constructs that move bytes around: escapes,
/// `''`, line folding, blank lines, block indentation, chomping, CRLF, non-ASCII text.
let scalarSnippets: [String] = [
    "k: plain text here\n",
    "k: plain text\n  continued on\n\n  a third line\nz: 1\n",
    "k: 'single ''quoted'' text'\n",
    "k: 'single\n  folded\n\n  text'\n",
    "k: \"double \\\"quoted\\\" \\t tab \\n nl \\u00e9 \\x41 \\U0001F600 \\\\ end\"\n",
    "k: \"escaped \\\n   line break and\n   folded\"\n",
    "k: \"trailing spaces   \"\n",
    "k: |\n  Summarize the ticket for an {{audience}}.\n  Second line.\n",
    "k: |-\n  strip\n\n  chomp\n\n",
    "k: |+\n  keep\n\n\n",
    "k: |2\n    indented first\n  then normal\n",
    "k: >\n  folded one\n  folded two\n\n  new paragraph\n    more indented\n  back\n",
    "k: >-\n  folded strip\n",
    "items:\n  - role: system\n    content: |\n      Nested literal\n      with two lines.\n  - role: user\n    content: \"{{ticket}}\"\n",
    "k: |\r\n  crlf line one\r\n  crlf line two\r\n",
    "k: \"日本語の「テキスト」\\nと改行\"\nj: |\n  こんにちは、世界。\n  二行目です。\n",
    "k: 'emoji 👍🏽 and é'\n",
    "k: | # a header comment\n  text after comment\n",
    "flow: {a: 'x y', b: \"z\\tw\", c: plain words}\n",
    "k: |\n  line with trailing spaces   \n  next\n",
    "k: >\n\n  leading blank line\n",
]

/// All scalar nodes that are values (not keys), in document order.
func valueScalars(_ node: YAMLNode) -> [YAMLScalar] {
    switch node.kind {
    case .scalar(let scalar): return [scalar]
    case .sequence(let items): return items.flatMap(valueScalars)
    case .mapping(let pairs): return pairs.flatMap { valueScalars($0.value) }
    }
}

func scalars(in text: String) throws -> [YAMLScalar] {
    try YAMLParser().parse(SourceFile(path: "t.yml", text: text)).flatMap { valueScalars($0.root) }
}

@Suite struct ScalarSourceMapTests {
    @Test(arguments: scalarSnippets)
    func mapIsExactAndVerbatimBytesMatch(_ snippet: String) throws {
        for scalar in try scalars(in: snippet) {
            let map = scalar.sourceMap()
            #expect(map.isExact, "decoder disagrees with libyaml on \(scalar.style) scalar \(scalar.value.debugDescription)")
            let value = Array(scalar.value.utf8)
            for segment in map.segments where segment.isVerbatim {
                let fromFile = Array(scalar.file.bytes[segment.sourceStart..<segment.sourceEnd])
                #expect(fromFile == Array(value[segment.valueStart..<segment.valueEnd]))
            }
            // Every value byte is covered exactly once, in order.
            var expected = 0
            for segment in map.segments {
                #expect(segment.valueStart == expected)
                expected = segment.valueEnd
            }
            #expect(expected == value.count)
        }
    }

    @Test func positionInsideLiteralBlock() throws {
        let text = "name: x\nmessages:\n  - role: system\n    content: |\n      Summarize the ticket.\n      Please be brief.\n"
        let scalar = try #require(try scalars(in: text).last)
        let value = Array(scalar.value.utf8)
        let please = try #require(scalar.value.utf8.firstRange(of: "Please".utf8))
        let start = value.distance(from: 0, to: scalar.value.utf8.distance(from: scalar.value.utf8.startIndex, to: please.lowerBound))
        let range = scalar.sourceMap().sourceRange(forValueRange: start..<start + 6)
        let location = scalar.file.location(ofByte: range.lowerBound)
        #expect(location.line == 6)
        #expect(location.column == 7)
        #expect(scalar.file.string(range) == "Please")
    }

    @Test func positionAfterEscapesInDoubleQuotes() throws {
        let text = "k: \"a\\tb \\u00e9 please\"\n"
        let scalar = try #require(try scalars(in: text).first)
        #expect(scalar.value == "a\tb é please")
        let offset = Array(scalar.value.utf8).count - 6
        let range = scalar.sourceMap().sourceRange(forValueRange: offset..<offset + 6)
        #expect(scalar.file.string(range) == "please")
        #expect(scalar.file.location(ofByte: range.lowerBound).column == 17)
        // The escape maps to its whole source text.
        let tab = scalar.sourceMap().sourceRange(forValueRange: 1..<2)
        #expect(scalar.file.string(tab) == "\\t")
    }

    @Test func positionInFoldedPlainAndCRLF() throws {
        let plain = try #require(try scalars(in: "k: first line\n   second word\n").first)
        #expect(plain.value == "first line second word")
        let word = plain.sourceMap().sourceRange(forValueRange: 18..<22)
        #expect(plain.file.string(word) == "word")
        #expect(plain.file.location(ofByte: word.lowerBound) == SourceLocation(offset: 24, line: 2, column: 11))
        let crlf = try #require(try scalars(in: "k: |\r\n  one\r\n  two\r\n").first)
        #expect(crlf.value == "one\ntwo\n")
        let two = crlf.sourceMap().sourceRange(forValueRange: 4..<7)
        #expect(crlf.file.string(two) == "two")
        #expect(crlf.file.location(ofByte: two.lowerBound).line == 3)
    }

    @Test func japaneseColumnsCountCharacters() throws {
        let scalar = try #require(try scalars(in: "j: |\n  こんにちは、世界。\n").first)
        let utf8 = Array(scalar.value.utf8)
        let worldOffset = Array("こんにちは、".utf8).count
        let range = scalar.sourceMap().sourceRange(forValueRange: worldOffset..<worldOffset + 6)
        #expect(scalar.file.string(range) == "世界")
        #expect(scalar.file.location(ofByte: range.lowerBound).column == 9)
        #expect(utf8.count == Array("こんにちは、世界。\n".utf8).count)
    }
}

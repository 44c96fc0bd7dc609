import Testing
@testable import PromptLintKit

@Suite struct UTF16PositionTests {
    /// Emoji (U+1F600) and CJK extension B (U+20000) are outside the BMP: 4 UTF-8 bytes, 2 UTF-16 units.
    static let text = "ab\n😀𠀀x\r\né日\rlast"

    @Test func bytesToPositionsCountUTF16Units() {
        let file = SourceFile(path: "t.txt", text: Self.text)
        let x = Array(Self.text.utf8).firstIndex(of: UInt8(ascii: "x"))!
        #expect(x == 3 + 8)
        #expect(file.lspPosition(ofByte: x) == LSPPosition(line: 1, character: 4))
        #expect(file.lspPosition(ofByte: 0) == LSPPosition(line: 0, character: 0))
        let last = Self.text.utf8.count - 4
        #expect(file.lspPosition(ofByte: last) == LSPPosition(line: 3, character: 0))
        #expect(file.lspPosition(ofByte: last - 1) == LSPPosition(line: 2, character: 2))  // the lone "\r" after 'é日'
        #expect(file.lspPosition(ofByte: 10_000) == LSPPosition(line: 3, character: 4))
    }

    @Test func positionsToBytesClampAsLSPSays() {
        let file = SourceFile(path: "t.txt", text: Self.text)
        #expect(file.byteOffset(of: LSPPosition(line: 1, character: 4)) == 11)
        // Inside the emoji's surrogate pair: the start of the character.
        #expect(file.byteOffset(of: LSPPosition(line: 1, character: 1)) == 3)
        #expect(file.byteOffset(of: LSPPosition(line: 1, character: 3)) == 7)
        // Past the end of a line: the line's end, before "\r\n".
        #expect(file.byteOffset(of: LSPPosition(line: 1, character: 99)) == 12)
        // Past the last line: the end of the file.
        #expect(file.byteOffset(of: LSPPosition(line: 9, character: 0)) == Self.text.utf8.count)
    }

    /// Every scalar boundary of random text round-trips, and its column is the UTF-16 length of the
    /// line's text before it (what an editor computes).
    @Test(arguments: 0..<20)
    func roundTripsOnRandomText(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed))
        let pieces = ["a", " ", "é", "日", "😀", "𠀀", "\n", "\r\n", "\r", "\u{301}", "👍🏽"]
        let text = (0..<200).map { _ in pieces.randomElement(using: &random)! }.joined()
        let file = SourceFile(path: "t.txt", text: text)
        var offset = 0
        var line = 0
        var lineStartIndex = text.unicodeScalars.startIndex
        var previous: Unicode.Scalar?
        for index in text.unicodeScalars.indices {
            let scalar = text.unicodeScalars[index]
            // A "\n" right after "\r" is part of one line break: no position between them.
            let insideCRLF = previous == "\r" && scalar == "\n"
            if !insideCRLF {
                if previous == "\r" || previous == "\n" { line += 1; lineStartIndex = index }
                let expected = LSPPosition(line: line, character: String(text.unicodeScalars[lineStartIndex..<index]).utf16.count)
                #expect(file.lspPosition(ofByte: offset) == expected)
                #expect(file.byteOffset(of: expected) == offset || scalar == "\n" || scalar == "\r")
            }
            previous = scalar
            offset += String(scalar).utf8.count
        }
    }
}

@Suite struct DocumentStoreTests {
    @Test func appliesIncrementalChangesInOrder() {
        var store = DocumentStore()
        store.open(uri: "file:///a.txt", path: "a.txt", format: .plainText, version: 1, text: "😀 Please answer.\n𠀀 end")
        let changes = [
            // Replace "Please" (after the emoji: UTF-16 columns 3..<9).
            DocumentStore.Change(range: LSPRange(start: LSPPosition(line: 0, character: 3), end: LSPPosition(line: 0, character: 9)), text: "Kindly"),
            // Then insert after the CJK extension B character on line 1 (column 2).
            DocumentStore.Change(range: LSPRange(start: LSPPosition(line: 1, character: 2), end: LSPPosition(line: 1, character: 2)), text: "!"),
        ]
        let changed = store.change(uri: "file:///a.txt", version: 2, changes: changes)
        #expect(changed)
        #expect(store["file:///a.txt"]?.file.text == "😀 Kindly answer.\n𠀀! end")
        #expect(store["file:///a.txt"]?.version == 2)
        store.change(uri: "file:///a.txt", version: 3, changes: [DocumentStore.Change(range: nil, text: "new")])
        #expect(store["file:///a.txt"]?.file.text == "new")
        let unknown = store.change(uri: "file:///other.txt", version: 1, changes: [])
        #expect(!unknown)
    }

    @Test func urisBecomePathsRelativeToTheRoot() {
        let uris = DocumentURI(root: "/work/space")
        #expect(uris.path(for: "file:///work/space/prompts/a%20b.yml") == "prompts/a b.yml")
        #expect(uris.path(for: "file:///elsewhere/x.md") == "/elsewhere/x.md")
        #expect(uris.path(for: "untitled:Untitled-1") == "Untitled-1")
        #expect(TemplateFormat(languageId: "yaml") == .yaml && TemplateFormat(languageId: "markdown") == .plainText)
        #expect(uris.uri(for: "prompts/a b.yml") == "file:///work/space/prompts/a%20b.yml")
    }

    @Test func smallestChangeKeepsWholeScalars() {
        let old = Array("x 😀 y".utf8)
        let new = Array("x 😁 y".utf8)  // differs only in the emoji's last byte
        let (range, replacement) = ByteDifference.changedRange(from: old, to: new)
        #expect(range == 2..<6)
        #expect(String(decoding: replacement, as: UTF8.self) == "😁")
        let same = ByteDifference.changedRange(from: old, to: old)
        #expect(same.range.isEmpty && same.replacement.isEmpty)
    }
}

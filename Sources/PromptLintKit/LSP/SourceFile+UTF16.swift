/// Byte offsets (used everywhere inside promptlint) to and from LSP positions (UTF-16 code units
/// within a line), converted only at the protocol's edge.
extension SourceFile {
    /// The LSP position of a byte offset (clamped to the file).
    public func lspPosition(ofByte offset: Int) -> LSPPosition {
        let clamped = max(0, min(offset, bytes.count))
        let line = lineIndex(ofByte: clamped)
        var character = 0
        var index = lineStarts[line]
        while index < clamped {
            let byte = bytes[index]
            // A scalar of four UTF-8 bytes (lead 0xF0-0xF4) is outside the BMP: a surrogate pair.
            if byte & 0xC0 != 0x80 { character += byte >= 0xF0 ? 2 : 1 }
            index += 1
        }
        return LSPPosition(line: line, character: character)
    }

    public func lspRange(ofBytes range: Range<Int>) -> LSPRange {
        LSPRange(start: lspPosition(ofByte: range.lowerBound), end: lspPosition(ofByte: range.upperBound))
    }

    /// The byte offset of an LSP position. As LSP requires, a character past the line's end means
    /// the line's end (before its line break) and a line past the last means the end of the file;
    /// a position inside a surrogate pair means the start of its character.
    public func byteOffset(of position: LSPPosition) -> Int {
        guard position.line < lineStarts.count else { return bytes.count }
        let end = lineContentEnd(position.line)
        var index = lineStarts[position.line]
        var character = 0
        while index < end {
            let length = Self.scalarLength(lead: bytes[index])
            let units = length == 4 ? 2 : 1
            if character + units > position.character { break }
            character += units
            index += length
        }
        return min(index, end)
    }

    public func byteRange(of range: LSPRange) -> Range<Int> {
        let start = byteOffset(of: range.start)
        return start..<max(start, byteOffset(of: range.end))
    }

    /// The offset where a 0-based line's text ends (its line break excluded).
    func lineContentEnd(_ line: Int) -> Int {
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
        if end > lineStarts[line], bytes[end - 1] == 0x0A { end -= 1 }
        if end > lineStarts[line], bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    static func scalarLength(lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }
}

/// Where a piece of prompt text lives in its file, so offsets inside the text map back to exact
/// file positions and edits to the text become byte edits of the file.
public enum TextSource: Sendable {
    /// The value of a YAML scalar (any style).
    case scalar(YAMLScalar)
    /// A verbatim slice of a file: the text equals `file.bytes[range]` (a Prompty or dotprompt body
    /// section, a plain-text prompt).
    case span(SourceFile, Range<Int>)

    public var file: SourceFile {
        switch self {
        case .scalar(let scalar): return scalar.file
        case .span(let file, _): return file
        }
    }

    /// The file bytes that produced `textRange` (UTF-8 offsets into the text).
    public func fileRange(forTextRange textRange: Range<Int>) -> Range<Int> {
        switch self {
        case .scalar(let scalar):
            return scalar.sourceMap().sourceRange(forValueRange: textRange)
        case .span(_, let range):
            return range.lowerBound + textRange.lowerBound..<range.lowerBound + textRange.upperBound
        }
    }

    public func location(ofTextOffset offset: Int) -> SourceLocation {
        file.location(ofByte: fileRange(forTextRange: offset..<offset).lowerBound)
    }

    /// The file edit that replaces `textRange` of the text with `replacement`.
    public func edit(replacing textRange: Range<Int>, with replacement: String) -> ByteEdit {
        switch self {
        case .scalar(let scalar):
            return scalar.edit(replacing: textRange, with: replacement).edit
        case .span(_, let range):
            return ByteEdit(range: range.lowerBound + textRange.lowerBound..<range.lowerBound + textRange.upperBound, replacement: replacement)
        }
    }

    /// The whole range of the text's token in the file.
    public var range: Range<Int> {
        switch self {
        case .scalar(let scalar): return scalar.range
        case .span(_, let range): return range
        }
    }
}

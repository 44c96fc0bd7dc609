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

    /// The file bytes that produced `textRange` (UTF-8 offsets into the text); the one mapping from
    /// text positions to the file. Where a scalar's source map is inexact and maps a non-empty
    /// range to nothing, the whole scalar is the answer. `map` is the scalar's source map when the
    /// caller keeps one (`TemplateContext` does); else it is built.
    public func fileRange(forTextRange textRange: Range<Int>, map: ScalarSourceMap? = nil) -> Range<Int> {
        switch self {
        case .scalar(let scalar):
            let map = map ?? scalar.sourceMap()
            let fileRange = map.sourceRange(forValueRange: textRange)
            return fileRange.isEmpty && !textRange.isEmpty && !map.isExact ? scalar.range : fileRange
        case .span(_, let range):
            return range.lowerBound + textRange.lowerBound..<range.lowerBound + textRange.upperBound
        }
    }

    public func location(ofTextOffset offset: Int) -> SourceLocation {
        file.location(ofByte: fileRange(forTextRange: offset..<offset).lowerBound)
    }

    /// The file edits that make the text's edits (UTF-8 offsets into the text), in order of position.
    ///
    /// A scalar edited in place changes only the replaced bytes; when one edit cannot be written
    /// in place, the whole scalar is re-encoded once with every edit folded in, so the file
    /// edits never overlap.
    public func byteEdits(for edits: [TextEdit], text: String, map: ScalarSourceMap? = nil) -> [ByteEdit] {
        let sorted = edits.sorted { $0.range.lowerBound < $1.range.lowerBound }
        switch self {
        case .scalar(let scalar):
            let map = map ?? scalar.sourceMap()
            var byteEdits: [ByteEdit] = []
            for edit in sorted {
                let result = scalar.edit(replacing: edit.range, with: edit.replacement, map: map)
                guard result.isInPlace else { return [scalar.reencoded(as: TextEdit.apply(sorted, to: text)).edit] }
                byteEdits.append(result.edit)
            }
            return byteEdits
        case .span(_, let range):
            return sorted.map { ByteEdit(range: range.lowerBound + $0.range.lowerBound..<range.lowerBound + $0.range.upperBound, replacement: $0.replacement) }
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

/// How an edit of a scalar's value was turned into file bytes.
public struct ScalarEdit: Sendable, Hashable {
    public var edit: ByteEdit
    /// The style the scalar has after the edit (differs from the original when the original style
    /// cannot hold the new text, e.g. a folded block rewritten as a literal block).
    public var resultingStyle: ScalarStyle
    /// True when only the bytes of the replaced text changed (no re-encoding of the scalar).
    public var isInPlace: Bool
}

extension YAMLScalar {
    /// The file edit that replaces `valueRange` (UTF-8 offsets into `value`) with `replacement`.
    ///
    /// When those value bytes are a verbatim copy of file bytes and the replacement needs no
    /// escaping in this style, only those bytes change. Otherwise the whole scalar is re-encoded,
    /// keeping its style where the style can hold the new value.
    public func edit(replacing valueRange: Range<Int>, with replacement: String, map precomputed: ScalarSourceMap? = nil) -> ScalarEdit {
        let utf8 = Array(value.utf8)
        let map = precomputed ?? sourceMap()
        let newValue = String(decoding: utf8[..<valueRange.lowerBound] + Array(replacement.utf8) + utf8[valueRange.upperBound...], as: UTF8.self)
        if map.isVerbatim(valueRange), canInsertVerbatim(replacement, replacing: valueRange, in: utf8) {
            let fileRange = valueRange.isEmpty
                ? map.insertionOffset(forValueOffset: valueRange.lowerBound).map { $0..<$0 } ?? map.sourceRange(forValueRange: valueRange)
                : map.sourceRange(forValueRange: valueRange)
            let edit = ByteEdit(range: fileRange, replacement: replacement)
            if decodes(edit, as: style, to: newValue) {
                return ScalarEdit(edit: edit, resultingStyle: style, isInPlace: true)
            }
        }
        return reencoded(as: newValue)
    }

    /// The file edit that replaces the whole scalar token with one whose value is `newValue`.
    public func reencoded(as newValue: String) -> ScalarEdit {
        let (text, resultingStyle) = ScalarEncoder.encode(newValue, like: self)
        let edit = ByteEdit(range: range, replacement: text + lineBreakAfterFlow(replacing: resultingStyle))
        if resultingStyle == .doubleQuoted || decodes(edit, as: resultingStyle, to: newValue) {
            return ScalarEdit(edit: edit, resultingStyle: resultingStyle, isInPlace: false)
        }
        // Double quotes with escapes can hold any value.
        let quoted = ScalarEncoder.doubleQuoted(newValue) + lineBreakAfterFlow(replacing: .doubleQuoted)
        return ScalarEdit(edit: ByteEdit(range: range, replacement: quoted), resultingStyle: .doubleQuoted, isInPlace: false)
    }

    /// A block scalar's token ends with the line break after its last line; a flow scalar written in
    /// its place must keep that break, or the next key would join its line.
    private func lineBreakAfterFlow(replacing newStyle: ScalarStyle) -> String {
        guard style == .literal || style == .folded, newStyle != .literal, newStyle != .folded,
              range.upperBound > range.lowerBound, file.bytes[range.upperBound - 1] == 0x0A else { return "" }
        return range.upperBound - 2 >= range.lowerBound && file.bytes[range.upperBound - 2] == 0x0D ? "\r\n" : "\n"
    }

    /// Whether the file with `edit` applied decodes this scalar, written in `style`, to exactly
    /// `newValue` (the decoder the source map is checked against libyaml with). Whitespace beside a
    /// folded line break, a block of nothing but line breaks and the like decode differently from
    /// what was written; such edits are re-encoded instead of written wrong.
    private func decodes(_ edit: ByteEdit, as style: ScalarStyle, to newValue: String) -> Bool {
        let bytes = ByteEdit.apply([edit], to: file.bytes)
        let tokenEnd = range.upperBound + edit.replacement.utf8.count - edit.range.count
        let decoder = ScalarDecoder.decoding(bytes, token: range.lowerBound..<tokenEnd, style: style, parentIndent: parentIndent)
        return decoder.output == Array(newValue.utf8)
    }

    private func canInsertVerbatim(_ replacement: String, replacing valueRange: Range<Int>, in utf8: [UInt8]) -> Bool {
        let bytes = Array(replacement.utf8)
        if bytes.contains(where: { $0 < 0x20 && $0 != 0x09 }) || bytes.contains(0x7F) { return false }
        switch style {
        case .doubleQuoted:
            return !bytes.contains(0x22) && !bytes.contains(0x5C)
        case .singleQuoted:
            return !bytes.contains(0x27)
        case .plain:
            // A plain scalar's meaning depends on its first character and on ": " / " #"; check the
            // whole new value instead of reasoning about the neighbourhood.
            let newValue = String(decoding: utf8[..<valueRange.lowerBound] + bytes + utf8[valueRange.upperBound...], as: UTF8.self)
            return !newValue.contains("\n") && ScalarEncoder.isSafePlain(newValue)
        case .literal, .folded:
            // Text inside one line of a block scalar is copied as is, but the line's leading
            // whitespace decides indentation and folding: do not create or remove it.
            let atLineStart = valueRange.lowerBound == 0 || utf8[valueRange.lowerBound - 1] == 0x0A
            if atLineStart, let first = bytes.first, first == 0x20 || first == 0x09 { return false }
            if atLineStart, bytes.isEmpty, valueRange.upperBound < utf8.count,
               utf8[valueRange.upperBound] == 0x20 || utf8[valueRange.upperBound] == 0x09 { return false }
            return true
        }
    }
}

/// Writes a value as YAML scalar text in the style of an existing scalar.
enum ScalarEncoder {
    static func encode(_ value: String, like scalar: YAMLScalar) -> (String, ScalarStyle) {
        switch scalar.style {
        case .plain:
            if !value.contains("\n"), isSafePlain(value) { return (value, .plain) }
            return (doubleQuoted(value), .doubleQuoted)
        case .singleQuoted:
            if value.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F && !isBreakScalar($0) }) {
                return ("'" + value.replacingOccurrences(of: "'", with: "''") + "'", .singleQuoted)
            }
            return (doubleQuoted(value), .doubleQuoted)
        case .doubleQuoted:
            return (doubleQuoted(value), .doubleQuoted)
        case .literal, .folded:
            guard let block = literalBlock(value, like: scalar) else { return (doubleQuoted(value), .doubleQuoted) }
            return (block, .literal)
        }
    }

    static func isBreakScalar(_ scalar: Unicode.Scalar) -> Bool {
        [0x0A, 0x0D, 0x85, 0x2028, 0x2029].contains(scalar.value)
    }

    /// A plain scalar that reads back as the same string (not a number, bool or null, no indicator
    /// at the start, no `: ` or ` #` inside, no leading or trailing space).
    static func isSafePlain(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return false }
        if first == " " || first == "\t" || last == " " || last == "\t" || last == ":" { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) {
            // "-x", "?x" and ":x" are fine when followed by a non-space, but keep it simple.
            return false
        }
        if value.contains(": ") || value.contains(" #") || value.contains("\t") { return false }
        if value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || isBreakScalar($0) || $0.value == 0xFEFF }) { return false }
        if "{}[],".unicodeScalars.contains(where: { value.unicodeScalars.contains($0) }) { return false }
        let lowered = value.lowercased()
        let reserved: Set<String> = ["~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", ".nan", ".inf", "-.inf", "+.inf"]
        if reserved.contains(lowered) || Double(value) != nil || Int(value) != nil { return false }
        if value.hasPrefix("0x") || value.hasPrefix("0o") || value.hasPrefix("---") || value.hasPrefix("...") { return false }
        return true
    }

    static func doubleQuoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x85 || scalar.value == 0x2028
                    || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                    out += "\\u" + String(format4(scalar.value))
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func format4(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// A literal block holding `value`, indented like the original block's content.
    static func literalBlock(_ value: String, like scalar: YAMLScalar) -> String? {
        // Control characters other than tab cannot appear in a block scalar.
        if value.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0.value == 0x7F || $0 == "\r" }) {
            return nil
        }
        let indent = blockContentIndent(of: scalar)
        var body = value
        var trailingNewlines = 0
        while body.hasSuffix("\n") {
            body.removeLast()
            trailingNewlines += 1
        }
        let chomp = trailingNewlines == 0 ? "-" : (trailingNewlines == 1 ? "" : "+")
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        // A first line starting with a space would be read as the indentation: say the indent.
        let needsIndicator = lines.first(where: { !$0.isEmpty }).map { $0.hasPrefix(" ") || $0.hasPrefix("\t") } ?? false
        let indicator = needsIndicator ? String(max(1, indent - max(scalar.parentIndent, 0))) : ""
        if needsIndicator, indent - max(scalar.parentIndent, 0) > 9 { return nil }
        var out = "|" + indicator + chomp + headerComment(of: scalar) + "\n"
        let pad = String(repeating: " ", count: indent)
        if !(body.isEmpty && trailingNewlines == 0) {
            for line in lines {
                out += line.isEmpty ? "\n" : pad + line + "\n"
            }
            if trailingNewlines > 1 { out += String(repeating: "\n", count: trailingNewlines - 1) }
        }
        return out
    }

    /// A comment on the block header line (`| # note`) is kept when the block is rewritten.
    static func headerComment(of scalar: YAMLScalar) -> String {
        let bytes = scalar.file.bytes
        var index = scalar.range.lowerBound + 1
        while index < scalar.range.upperBound, bytes[index] != 0x0A, bytes[index] != 0x0D, bytes[index] != 0x23 { index += 1 }
        guard index < scalar.range.upperBound, bytes[index] == 0x23 else { return "" }
        var end = index
        while end < scalar.range.upperBound, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        var start = index
        while start > scalar.range.lowerBound + 1, bytes[start - 1] == 0x20 || bytes[start - 1] == 0x09 { start -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The column of the block's content lines (from the first verbatim byte), or two more than
    /// the parent's indentation.
    static func blockContentIndent(of scalar: YAMLScalar) -> Int {
        let map = scalar.sourceMap()
        if map.isExact, let first = map.segments.first(where: { $0.isVerbatim }) {
            let file = scalar.file
            let lineStart = file.lineStarts[file.lineIndex(ofByte: first.sourceStart)]
            var column = 0
            while lineStart + column < first.sourceStart, file.bytes[lineStart + column] == 0x20 { column += 1 }
            if column > 0 { return column }
        }
        return max(scalar.parentIndent, 0) + 2
    }
}

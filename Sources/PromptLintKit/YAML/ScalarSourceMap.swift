/// Maps byte offsets inside a scalar's decoded value back to byte offsets in the file.
///
/// It re-decodes the scalar's source bytes with the same algorithm libyaml uses for its style
/// (line folding, escapes, block indentation and chomping), recording where every value byte came
/// from. The result is checked against libyaml's own value: if they differ (a construct this
/// decoder does not model), the map is marked inexact and every offset maps to the scalar's start,
/// so a diagnostic is never placed at a wrong line.
public struct ScalarSourceMap: Sendable {
    /// A run of value bytes produced from a run of source bytes. A verbatim segment copies the
    /// source byte for byte; other segments come from an escape, a `''`, or a folded line break.
    struct Segment: Sendable, Equatable {
        var valueStart: Int
        var valueLength: Int
        var sourceStart: Int
        var sourceLength: Int
        var isVerbatim: Bool
        var valueEnd: Int { valueStart + valueLength }
        var sourceEnd: Int { sourceStart + sourceLength }
    }

    /// True when the decoded bytes equal libyaml's value, so every mapping is exact.
    public let isExact: Bool
    let segments: [Segment]
    let valueLength: Int
    let scalarRange: Range<Int>

    init(scalar: YAMLScalar) {
        let decoder = ScalarDecoder.decoding(scalar.file.bytes, token: scalar.range, style: scalar.style, parentIndent: scalar.parentIndent)
        let value = Array(scalar.value.utf8)
        scalarRange = scalar.range
        valueLength = value.count
        if decoder.output == value {
            isExact = true
            segments = decoder.segments
        } else {
            isExact = false
            segments = [Segment(valueStart: 0, valueLength: value.count, sourceStart: scalar.range.lowerBound,
                                sourceLength: 0, isVerbatim: false)]
        }
    }

    private func segmentIndex(containing valueOffset: Int) -> Int? {
        var low = 0
        var high = segments.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let segment = segments[mid]
            if valueOffset < segment.valueStart {
                high = mid - 1
            } else if valueOffset >= segment.valueEnd {
                low = mid + 1
            } else {
                return mid
            }
        }
        return nil
    }

    /// The file offset where the value byte at `valueOffset` starts.
    public func sourceOffset(forValueOffset valueOffset: Int) -> Int {
        if valueOffset >= valueLength {
            return segments.last.map { $0.isVerbatim || isExact ? $0.sourceEnd : $0.sourceStart } ?? scalarRange.lowerBound
        }
        guard let index = segmentIndex(containing: valueOffset) else { return scalarRange.lowerBound }
        let segment = segments[index]
        return segment.isVerbatim ? segment.sourceStart + (valueOffset - segment.valueStart) : segment.sourceStart
    }

    /// The file byte range that produced the value bytes in `valueRange`.
    public func sourceRange(forValueRange valueRange: Range<Int>) -> Range<Int> {
        let lower = sourceOffset(forValueOffset: valueRange.lowerBound)
        guard isExact, !valueRange.isEmpty else { return lower..<lower }
        let last = valueRange.upperBound - 1
        guard let index = segmentIndex(containing: last) else { return lower..<lower }
        let segment = segments[index]
        let upper = segment.isVerbatim ? segment.sourceStart + (last - segment.valueStart) + 1 : segment.sourceEnd
        return lower..<max(lower, upper)
    }

    /// Where text inserted at `valueOffset` goes in the file: inside or at the edge of a verbatim
    /// segment, the same rule ``isVerbatim(_:)`` uses for an empty range. At the end of a verbatim run
    /// that a folded line break follows, that is right after the run, not at the break's source.
    public func insertionOffset(forValueOffset valueOffset: Int) -> Int? {
        guard isExact, let segment = segments.first(where: { $0.isVerbatim && valueOffset >= $0.valueStart && valueOffset <= $0.valueEnd })
        else { return nil }
        return segment.sourceStart + (valueOffset - segment.valueStart)
    }

    /// True when the value bytes in `valueRange` are a verbatim copy of one contiguous run of file
    /// bytes, so replacing those file bytes changes exactly that part of the value.
    public func isVerbatim(_ valueRange: Range<Int>) -> Bool {
        guard isExact else { return false }
        // An insertion point is safe inside or at the edge of a verbatim segment.
        if valueRange.isEmpty { return insertionOffset(forValueOffset: valueRange.lowerBound) != nil }
        guard let index = segmentIndex(containing: valueRange.lowerBound) else { return false }
        let segment = segments[index]
        return segment.isVerbatim && valueRange.upperBound <= segment.valueEnd
    }
}

/// Re-implements libyaml's scalar scanners (scanner.c) over raw bytes, recording provenance.
struct ScalarDecoder {
    enum Quote { case single, double }

    let bytes: [UInt8]
    var output: [UInt8] = []
    var segments: [ScalarSourceMap.Segment] = []

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// A decoder that has decoded the scalar token at `token` of `bytes`, written in `style`.
    static func decoding(_ bytes: [UInt8], token: Range<Int>, style: ScalarStyle, parentIndent: Int) -> ScalarDecoder {
        var decoder = ScalarDecoder(bytes: bytes)
        switch style {
        case .plain:
            decoder.decodeFlow(token, quote: nil)
        case .singleQuoted:
            decoder.decodeFlow(token.lowerBound + 1..<token.upperBound - 1, quote: .single)
        case .doubleQuoted:
            decoder.decodeFlow(token.lowerBound + 1..<token.upperBound - 1, quote: .double)
        case .literal, .folded:
            decoder.decodeBlock(from: token.lowerBound, parentIndent: parentIndent, folded: style == .folded)
        }
        return decoder
    }

    // MARK: Emitting

    mutating func emitVerbatim(_ offset: Int) {
        if var last = segments.last, last.isVerbatim, last.valueEnd == output.count, last.sourceEnd == offset {
            last.valueLength += 1
            last.sourceLength += 1
            segments[segments.count - 1] = last
        } else {
            segments.append(.init(valueStart: output.count, valueLength: 1, sourceStart: offset, sourceLength: 1, isVerbatim: true))
        }
        output.append(bytes[offset])
    }

    mutating func emit<Bytes: Collection<UInt8>>(_ produced: Bytes, from source: Range<Int>) {
        guard !produced.isEmpty else { return }
        segments.append(.init(valueStart: output.count, valueLength: produced.count, sourceStart: source.lowerBound,
                              sourceLength: source.count, isVerbatim: false))
        output.append(contentsOf: produced)
    }

    // MARK: Character classes (libyaml's IS_BLANK, IS_BREAK)

    func isBlank(_ index: Int) -> Bool {
        index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09)
    }

    /// Length of the line break at `index`, or 0.
    func breakLength(_ index: Int) -> Int {
        guard index < bytes.count else { return 0 }
        switch bytes[index] {
        case 0x0A: return 1
        case 0x0D: return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
        case 0xC2: return index + 1 < bytes.count && bytes[index + 1] == 0x85 ? 2 : 0
        case 0xE2:
            return index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9) ? 3 : 0
        default: return 0
        }
    }

    func isBreak(_ index: Int) -> Bool { breakLength(index) > 0 }

    /// What READ_LINE appends for the break at `index`: "\n" for CR, LF, CRLF and NEL; LS and PS
    /// are kept as they are.
    func normalizedBreak(_ index: Int) -> [UInt8] {
        let length = breakLength(index)
        if length == 3 { return Array(bytes[index..<index + 3]) }
        return [0x0A]
    }

    // MARK: Flow scalars (plain, single- and double-quoted)

    /// yaml_parser_scan_flow_scalar / yaml_parser_scan_plain_scalar, between the quotes.
    mutating func decodeFlow(_ range: Range<Int>, quote: Quote?) {
        var index = range.lowerBound
        let end = min(range.upperBound, bytes.count)
        while index < end {
            var leadingBlanks = false
            while index < end, !isBlank(index), !isBreak(index) {
                if quote == .single, bytes[index] == 0x27, index + 1 < end, bytes[index + 1] == 0x27 {
                    emit([0x27], from: index..<index + 2)
                    index += 2
                } else if quote == .double, bytes[index] == 0x5C {
                    if index + 1 < end, isBreak(index + 1) {
                        index += 1 + breakLength(index + 1)
                        leadingBlanks = true
                        break
                    }
                    guard let (produced, length) = decodeEscape(at: index, end: end) else { return }
                    emit(produced, from: index..<index + length)
                    index += length
                } else {
                    emitVerbatim(index)
                    index += 1
                }
            }
            var whitespaces: [Int] = []
            var leadingBreak: Int?
            var trailingBreaks: [Int] = []
            while index < end, isBlank(index) || isBreak(index) {
                if isBlank(index) {
                    if !leadingBlanks { whitespaces.append(index) }
                    index += 1
                } else {
                    if !leadingBlanks {
                        whitespaces.removeAll()
                        leadingBreak = index
                        leadingBlanks = true
                    } else {
                        trailingBreaks.append(index)
                    }
                    index += breakLength(index)
                }
            }
            if leadingBlanks {
                if let leadingBreak, normalizedBreak(leadingBreak) == [0x0A] {
                    if trailingBreaks.isEmpty {
                        emit([0x20], from: leadingBreak..<leadingBreak + breakLength(leadingBreak))
                    }
                } else if let leadingBreak {
                    emit(normalizedBreak(leadingBreak), from: leadingBreak..<leadingBreak + breakLength(leadingBreak))
                }
                for offset in trailingBreaks {
                    emit(normalizedBreak(offset), from: offset..<offset + breakLength(offset))
                }
            } else {
                for offset in whitespaces { emitVerbatim(offset) }
            }
        }
    }

    func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x41...0x46: return UInt32(byte - 0x41 + 10)
        case 0x61...0x66: return UInt32(byte - 0x61 + 10)
        default: return nil
        }
    }

    /// Decodes the escape starting at the backslash `index`: the bytes it produces and its length.
    func decodeEscape(at index: Int, end: Int) -> ([UInt8], Int)? {
        guard index + 1 < end else { return nil }
        let simple: [UInt8: [UInt8]] = [
            0x30: [0x00], 0x61: [0x07], 0x62: [0x08], 0x74: [0x09], 0x09: [0x09], 0x6E: [0x0A], 0x76: [0x0B],
            0x66: [0x0C], 0x72: [0x0D], 0x65: [0x1B], 0x20: [0x20], 0x22: [0x22], 0x2F: [0x2F], 0x27: [0x27],
            0x5C: [0x5C], 0x4E: [0xC2, 0x85], 0x5F: [0xC2, 0xA0], 0x4C: [0xE2, 0x80, 0xA8], 0x50: [0xE2, 0x80, 0xA9],
        ]
        let code = bytes[index + 1]
        if let produced = simple[code] { return (produced, 2) }
        let digits: Int
        switch code {
        case 0x78: digits = 2
        case 0x75: digits = 4
        case 0x55: digits = 8
        default: return nil
        }
        guard index + 2 + digits <= end else { return nil }
        var value: UInt32 = 0
        for offset in 0..<digits {
            guard let digit = hexValue(bytes[index + 2 + offset]) else { return nil }
            value = value << 4 | digit
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (Array(String(Character(scalar)).utf8), 2 + digits)
    }

    // MARK: Block scalars (literal | and folded >)

    /// yaml_parser_scan_block_scalar, starting at the `|` or `>` indicator.
    mutating func decodeBlock(from start: Int, parentIndent: Int, folded: Bool) {
        var index = start + 1
        var chomping = 0
        var increment = 0
        for _ in 0..<2 where index < bytes.count {
            switch bytes[index] {
            case 0x2B: chomping = 1; index += 1
            case 0x2D: chomping = -1; index += 1
            case 0x31...0x39: increment = Int(bytes[index] - 0x30); index += 1
            default: break
            }
        }
        while isBlank(index) { index += 1 }
        if index < bytes.count, bytes[index] == 0x23 {
            while index < bytes.count, !isBreak(index) { index += 1 }
        }
        guard isBreak(index) else { return }
        index += breakLength(index)
        var lineStart = index

        var indent = increment > 0 ? (parentIndent >= 0 ? parentIndent + increment : increment) : 0
        var trailingBreaks: [Int] = []
        scanBreaks(&index, &lineStart, &indent, &trailingBreaks, parentIndent: parentIndent)

        var leadingBreak: Int?
        var leadingBlank = false
        while index - lineStart == indent, index < bytes.count, bytes[index] != 0 {
            let trailingBlank = isBlank(index)
            if folded, let breakOffset = leadingBreak, normalizedBreak(breakOffset) == [0x0A], !leadingBlank, !trailingBlank {
                if trailingBreaks.isEmpty {
                    emit([0x20], from: breakOffset..<breakOffset + breakLength(breakOffset))
                }
            } else if let breakOffset = leadingBreak {
                emit(normalizedBreak(breakOffset), from: breakOffset..<breakOffset + breakLength(breakOffset))
            }
            leadingBreak = nil
            for offset in trailingBreaks {
                emit(normalizedBreak(offset), from: offset..<offset + breakLength(offset))
            }
            trailingBreaks.removeAll()
            leadingBlank = isBlank(index)
            while index < bytes.count, bytes[index] != 0, !isBreak(index) {
                emitVerbatim(index)
                index += 1
            }
            guard index < bytes.count, bytes[index] != 0 else { break }
            leadingBreak = index
            index += breakLength(index)
            lineStart = index
            scanBreaks(&index, &lineStart, &indent, &trailingBreaks, parentIndent: parentIndent)
        }
        if chomping != -1, let breakOffset = leadingBreak {
            emit(normalizedBreak(breakOffset), from: breakOffset..<breakOffset + breakLength(breakOffset))
        }
        if chomping == 1 {
            for offset in trailingBreaks {
                emit(normalizedBreak(offset), from: offset..<offset + breakLength(offset))
            }
        }
    }

    /// yaml_parser_scan_block_scalar_breaks: skips indentation and collects empty lines; on the first
    /// call without an explicit indicator, detects the indentation.
    func scanBreaks(_ index: inout Int, _ lineStart: inout Int, _ indent: inout Int, _ breaks: inout [Int], parentIndent: Int) {
        var maxIndent = 0
        while true {
            while indent == 0 || index - lineStart < indent, index < bytes.count, bytes[index] == 0x20 {
                index += 1
            }
            maxIndent = max(maxIndent, index - lineStart)
            guard isBreak(index) else { break }
            breaks.append(index)
            index += breakLength(index)
            lineStart = index
        }
        if indent == 0 {
            indent = max(maxIndent, parentIndent + 1, 1)
        }
    }
}

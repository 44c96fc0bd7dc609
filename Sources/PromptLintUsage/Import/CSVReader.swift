import PromptLintKit

/// An RFC 4180 CSV reader over UTF-8 bytes: quoted fields may hold commas, doubled quotes and line
/// breaks; rows end in LF or CRLF. Fields are byte ranges into the file, decoded only when read,
/// which is what lets a LiteLLM export import at hundreds of thousands of rows a second.
public struct CSVReader {
    public struct Field: Sendable {
        /// The field's bytes without its surrounding quotes.
        public var range: Range<Int>
        /// The field was quoted and holds doubled quotes to undo.
        public var hasEscapedQuotes: Bool
    }

    public let path: String
    public let bytes: [UInt8]
    private var position: Int
    /// 1-based line where the next row starts.
    private var line = 1
    /// The line the last row returned by `nextRow` started on.
    public private(set) var rowLine = 0

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        // A UTF-8 byte-order mark (spreadsheet exports write one) is not part of the first header.
        position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// Reads the next row into `fields`; false at the end of the file. Blank lines are skipped.
    public mutating func nextRow(into fields: inout [Field]) throws(SourceError) -> Bool {
        fields.removeAll(keepingCapacity: true)
        let bytes = self.bytes
        let count = bytes.count
        var i = position
        var line = self.line
        defer {
            position = i
            self.line = line
        }
        while i < count, bytes[i] == 10 || (bytes[i] == 13 && i + 1 < count && bytes[i + 1] == 10) {
            i += bytes[i] == 13 ? 2 : 1
            line += 1
        }
        guard i < count else { return false }
        rowLine = line
        while true {
            if i < count, bytes[i] == 34 {  // '"'
                let start = i + 1
                var j = start
                var escaped = false
                while true {
                    guard j < count else {
                        throw SourceError(path: path, location: SourceLocation(offset: start - 1, line: rowLine, column: 1),
                                          message: "unterminated quoted field (a '\"' opened on this row is never closed)")
                    }
                    let c = bytes[j]
                    if c == 34 {
                        if j + 1 < count, bytes[j + 1] == 34 { escaped = true; j += 2; continue }
                        break
                    }
                    if c == 10 { line += 1 }
                    j += 1
                }
                fields.append(Field(range: start..<j, hasEscapedQuotes: escaped))
                i = j + 1
                guard i >= count || bytes[i] == 44 || bytes[i] == 10 || bytes[i] == 13 else {
                    throw SourceError(path: path, location: SourceLocation(offset: i, line: line, column: 1),
                                      message: "unexpected character after a closing quote (a quoted field must end at ',' or the line's end)")
                }
            } else {
                let start = i
                while i < count {
                    let c = bytes[i]
                    if c == 44 || c == 10 || c == 13 { break }
                    i += 1
                }
                fields.append(Field(range: start..<i, hasEscapedQuotes: false))
            }
            if i >= count { return true }
            let c = bytes[i]
            if c == 44 {
                i += 1
                if i >= count { fields.append(Field(range: i..<i, hasEscapedQuotes: false)); return true }
                continue
            }
            if c == 13, i + 1 < count, bytes[i + 1] == 10 { i += 1 }
            i += 1
            line += 1
            return true
        }
    }

    public func string(_ field: Field) -> String {
        guard field.hasEscapedQuotes else { return String(decoding: bytes[field.range], as: UTF8.self) }
        // `""` → `"` on the bytes: Foundation's replacingOccurrences was the import's largest cost
        // (LiteLLM's metadata column is JSON, full of escaped quotes, on every row).
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(field.range.count)
        var k = field.range.lowerBound
        while k < field.range.upperBound {
            let byte = bytes[k]
            unescaped.append(byte)
            k += byte == 0x22 && k + 1 < field.range.upperBound && bytes[k + 1] == 0x22 ? 2 : 1
        }
        return String(decoding: unescaped, as: UTF8.self)
    }

    /// An integer field: nil when it is not one, `.some(nil)` when empty.
    public func integer(_ field: Field) -> Int64?? {
        if field.range.isEmpty { return .some(nil) }
        var value: Int64 = 0
        var negative = false
        var i = field.range.lowerBound
        if bytes[i] == 45 { negative = true; i += 1 }
        guard i < field.range.upperBound else { return nil }
        // Postgres exports write integers of float columns as "12.0".
        var end = field.range.upperBound
        if let dot = bytes[i..<end].firstIndex(of: 46), bytes[(dot + 1)..<end].allSatisfy({ $0 == 48 }) { end = dot }
        guard i < end else { return nil }
        while i < end {
            let c = bytes[i]
            guard c >= 48, c <= 57 else { return nil }
            value = value &* 10 &+ Int64(c - 48)
            i += 1
        }
        return .some(negative ? -value : value)
    }

    /// A decimal field: nil when it is not a number, `.some(nil)` when empty.
    public func decimal(_ field: Field) -> Double?? {
        if field.range.isEmpty { return .some(nil) }
        guard let value = Double(String(decoding: bytes[field.range], as: UTF8.self)), value.isFinite else { return nil }
        return .some(value)
    }
}

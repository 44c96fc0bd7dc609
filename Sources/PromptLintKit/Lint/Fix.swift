/// Whether a fix keeps the prompt's meaning (ruff's applicability).
public enum FixApplicability: String, Sendable, Codable {
    /// Applied by `lint --fix` and `compress`: removes words that carry no instruction.
    case safe
    /// Applied only with `--unsafe`: usually right, but it changes wording a reader may rely on.
    case unsafe
}

/// A proposed change: byte edits of the file, applied together or not at all.
///
/// The data path of every fix: an analyzer proposes `TextEdit`s in a message's text,
/// `TemplateContext.fix` turns them into `ByteEdit`s of the file (through the message's
/// `TextSource`), and `FixApplier` applies the fixes that do not conflict.
public struct Fix: Sendable, Hashable {
    public var title: String
    public var edits: [ByteEdit]
    public var applicability: FixApplicability

    public init(title: String, edits: [ByteEdit], applicability: FixApplicability) {
        self.title = title
        self.edits = edits
        self.applicability = applicability
    }

    /// Whether this fix and another cannot be applied in the same pass: an edit of one overlaps
    /// or touches an edit of the other (see `EditRange.conflict`).
    func conflicts(with others: [ByteEdit]) -> Bool {
        edits.contains { edit in others.contains { EditRange.conflict(edit.range, $0.range, touching: true) } }
    }
}

/// A replacement of a byte range of a file. The unit of every fix: the rest of the file is never
/// re-serialised, so comments, key order and indentation stay byte-for-byte the same.
public struct ByteEdit: Sendable, Hashable, Codable, RangeReplacement {
    public var range: Range<Int>
    public var replacement: String

    public init(range: Range<Int>, replacement: String) {
        self.range = range
        self.replacement = replacement
    }

    /// Applies edits (in any order) that do not conflict; see `RangeReplacement.applicable`.
    public static func apply(_ edits: [ByteEdit], to bytes: [UInt8]) -> [UInt8] { applying(edits, to: bytes) }
}

/// What a text edit and a file edit share: a UTF-8 byte range and what replaces it.
public protocol RangeReplacement {
    var range: Range<Int> { get }
    var replacement: String { get }
}

extension RangeReplacement {
    /// The subset of `edits` that can be applied together: sorted by start, in bounds, with an edit
    /// that conflicts with one already accepted dropped. Two insertions at the same offset are
    /// kept, in their given order.
    public static func applicable(_ edits: [Self], length: Int) -> [Self] {
        let sorted = edits.enumerated().sorted {
            ($0.element.range.lowerBound, $0.element.range.upperBound, $0.offset)
                < ($1.element.range.lowerBound, $1.element.range.upperBound, $1.offset)
        }.map(\.element)
        var accepted: [Self] = []
        for edit in sorted where edit.range.lowerBound >= 0 && edit.range.upperBound <= length {
            // Sorted by start, an edit can only conflict with the last one accepted.
            if let last = accepted.last, EditRange.conflict(last.range, edit.range, touching: false) { continue }
            accepted.append(edit)
        }
        return accepted
    }

    /// The bytes with the applicable edits applied, in one forward pass.
    static func applying(_ edits: [Self], to bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var cursor = 0
        for edit in applicable(edits, length: bytes.count) {
            result.append(contentsOf: bytes[cursor..<edit.range.lowerBound])
            result.append(contentsOf: edit.replacement.utf8)
            cursor = edit.range.upperBound
        }
        result.append(contentsOf: bytes[cursor...])
        return result
    }
}

/// The one overlap rule for edits, used wherever edits are applied together.
public enum EditRange {
    /// Two edits conflict when they replace a common byte or one inserts strictly inside the
    /// other. With `touching`, edits that meet at an offset conflict too (two fixes must not
    /// insert at, or end and begin at, the same place: their order would decide the result).
    public static func conflict(_ a: Range<Int>, _ b: Range<Int>, touching: Bool) -> Bool {
        if a.lowerBound < b.upperBound && b.lowerBound < a.upperBound { return true }
        return touching && (a.lowerBound == b.upperBound || a.upperBound == b.lowerBound)
    }
}

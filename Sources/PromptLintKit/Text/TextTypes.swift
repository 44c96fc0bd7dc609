/// Core value types of the pure-text analysis layer.
///
/// Every position in this layer is a UTF-8 byte offset into the analysed `String`
/// (`text.utf8`), expressed as `Range<Int>`. Edits never overlap within one match.

/// A replacement of a UTF-8 byte range of a text.
public struct TextEdit: Sendable, Hashable {
    /// UTF-8 byte offsets into the text the edit was computed for.
    public var range: Range<Int>
    public var replacement: String

    public init(range: Range<Int>, replacement: String) {
        self.range = range
        self.replacement = replacement
    }

    /// Applies non-overlapping edits (in any order) back to front.
    /// An edit that overlaps an edit already accepted (ordered by start offset) is skipped,
    /// as are edits outside the text.
    public static func apply(_ edits: [TextEdit], to text: String) -> String {
        var bytes = Array(text.utf8)
        for edit in nonOverlapping(edits, length: bytes.count).reversed() {
            bytes.replaceSubrange(edit.range, with: Array(edit.replacement.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The subset of `edits` that can be applied together: sorted by start, in bounds,
    /// with later overlapping edits dropped. Two insertions at the same offset are kept in order.
    public static func nonOverlapping(_ edits: [TextEdit], length: Int) -> [TextEdit] {
        let sorted = edits.enumerated().sorted {
            ($0.element.range.lowerBound, $0.element.range.upperBound, $0.offset)
                < ($1.element.range.lowerBound, $1.element.range.upperBound, $1.offset)
        }.map(\.element)
        var out: [TextEdit] = []
        var end = 0
        for e in sorted {
            guard e.range.lowerBound >= 0, e.range.upperBound <= length else { continue }
            if !out.isEmpty, e.range.lowerBound < end { continue }
            out.append(e)
            end = max(end, e.range.upperBound)
        }
        return out
    }
}

/// One finding of a text analyzer.
public struct TextMatch: Sendable, Hashable {
    /// UTF-8 byte range of the offending text.
    public var range: Range<Int>
    /// The text at `range`.
    public var matched: String
    /// Human-readable explanation.
    public var message: String
    /// Fix edits (possibly empty: no automatic fix).
    public var edits: [TextEdit]
    /// Whether `edits` keep the meaning (ruff's "safe" applicability).
    public var isSafeFix: Bool
    /// A second range the finding refers to (e.g. the first occurrence of a repeated instruction).
    public var relatedRange: Range<Int>?
    /// A stable sub-identifier, e.g. `"polite.please"`, `"wordy.in-order-to"`.
    public var code: String
    /// The phrase pack that produced the match.
    public var language: TextLanguage

    public init(range: Range<Int>, matched: String, message: String, edits: [TextEdit] = [],
                isSafeFix: Bool = false, relatedRange: Range<Int>? = nil, code: String = "",
                language: TextLanguage = .english) {
        self.range = range
        self.matched = matched
        self.message = message
        self.edits = edits
        self.isSafeFix = isSafeFix
        self.relatedRange = relatedRange
        self.code = code
        self.language = language
    }
}

/// The languages we ship phrase packs for.
public enum TextLanguage: String, Sendable, Hashable, CaseIterable {
    case english = "en"
    case japanese = "ja"
    case spanish = "es"
}

extension TextMatch {
    /// Applies this match's edits to `text`.
    public func applyingFix(to text: String) -> String { TextEdit.apply(edits, to: text) }
}

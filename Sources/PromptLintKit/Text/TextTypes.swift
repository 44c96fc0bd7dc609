/// Core value types of the pure-text analysis layer.
///
/// Every position in this layer is a UTF-8 byte offset into the analysed `String`
/// (`text.utf8`), expressed as `Range<Int>`.

/// A replacement of a UTF-8 byte range of a text: what analyzers propose. A rule turns the
/// edits of one finding into a `Fix` of file bytes with `TemplateContext.fix`.
public struct TextEdit: Sendable, Hashable, RangeReplacement {
    /// UTF-8 byte offsets into the text the edit was computed for.
    public var range: Range<Int>
    public var replacement: String

    public init(range: Range<Int>, replacement: String) {
        self.range = range
        self.replacement = replacement
    }

    /// Applies edits (in any order) that do not conflict (`RangeReplacement.applicable`);
    /// edits outside the text are skipped.
    public static func apply(_ edits: [TextEdit], to text: String) -> String {
        String(decoding: applying(edits, to: Array(text.utf8)), as: UTF8.self)
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

/// A pure-text analyzer: one message's text in, findings with UTF-8 byte ranges out.
public protocol TextAnalyzer {
    /// A stable identifier, e.g. `"polite-filler"`.
    static var identifier: String { get }
    static func analyze(_ text: PromptText) -> [TextMatch]
}

extension TextAnalyzer {
    public static func analyze(_ text: String) -> [TextMatch] { analyze(PromptText(text)) }

    /// Applies the safe edits of all matches (overlapping edits are skipped).
    public static func fixed(_ text: String) -> String {
        let edits = analyze(text).filter(\.isSafeFix).flatMap(\.edits)
        return TextEdit.apply(edits, to: text)
    }
}

/// All single-text analyzers, for callers that want to run everything.
public enum TextAnalyzers {
    public static var all: [any TextAnalyzer.Type] { [
        GenericRolePreambleAnalyzer.self, PoliteFillerAnalyzer.self, MetaPreambleAnalyzer.self,
        WordyPhraseAnalyzer.self, IntensifierAnalyzer.self, VagueLengthAnalyzer.self,
        OpenEndedRequestAnalyzer.self, WhitespaceWasteAnalyzer.self,
    ] }
}

extension PromptText {
    func match(_ r: Range<Int>, _ message: String, edits: [TextEdit] = [], safe: Bool = false,
               code: String, language: TextLanguage, related: Range<Int>? = nil) -> TextMatch {
        TextMatch(range: r, matched: string(r), message: message, edits: edits, isSafeFix: safe && !edits.isEmpty,
                  relatedRange: related, code: code, language: language)
    }

}

/// Slug for match codes: "in order to" → "in-order-to".
func slug(_ s: String) -> String {
    String(s.lowercased().map { $0 == " " ? "-" : $0 }.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "'" })
}

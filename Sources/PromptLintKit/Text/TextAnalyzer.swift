/// A pure-text analyzer: one message's text in, findings with UTF-8 byte ranges out.
/// Rules use analyzers through `AnalyzerRule`; the match codes (`"polite.please"`) identify findings.
public protocol TextAnalyzer {
    static func analyze(_ text: PromptText) -> [TextMatch]
}

extension TextAnalyzer {
    public static func analyze(_ text: String) -> [TextMatch] { analyze(PromptText(text)) }
}

/// All single-text analyzers, for callers that want to run everything.
public enum TextAnalyzers {
    public static var all: [any TextAnalyzer.Type] { [
        GenericRolePreambleAnalyzer.self, PoliteFillerAnalyzer.self, MetaPreambleAnalyzer.self, ModalLeadInAnalyzer.self, ListIntroductionAnalyzer.self,
        WordyPhraseAnalyzer.self, IntensifierAnalyzer.self, VagueLengthAnalyzer.self,
        OpenEndedRequestAnalyzer.self, WhitespaceWasteAnalyzer.self, DecorationAnalyzer.self, MarkdownEmphasisAnalyzer.self,
    ] }
}

extension PromptText {
    func match(_ r: Range<Int>, _ message: String, edits: [TextEdit] = [], safe: Bool = false,
               code: String, language: TextLanguage, related: Range<Int>? = nil) -> TextMatch {
        TextMatch(range: r, matched: string(r), message: message, edits: edits, isSafeFix: safe && !edits.isEmpty,
                  relatedRange: related, code: code, language: language)
    }

}

/// Slug for match codes: "in order to" → "in-order-to" (bytes: spaces → "-", ASCII lowercased, other ASCII
/// punctuation except `-` and `'` dropped, non-ASCII kept).
func slug(_ s: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count)
    for c in s.utf8 {
        if c == 0x20 { out.append(0x2D) }
        else if c >= 0x80 || Bytes.isASCIIAlnum(c) || c == 0x2D || c == 0x27 { out.append(Bytes.lower(c)) }
    }
    return String(decoding: out, as: UTF8.self)
}

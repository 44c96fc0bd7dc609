/// One prompt message's text, prepared once for all analyzers: its UTF-8 bytes, prose mask,
/// sentences and detected languages. Build it once per message and pass it to each analyzer.
public struct PromptText: Sendable {
    public let text: String
    let bytes: [UInt8]
    public let mask: ProseMask
    public let sentences: [Sentence]
    /// Phrase packs to apply, dominant first.
    public let languages: [TextLanguage]
    /// Word and punctuation tokens of the whole text, in order.
    let tokens: [WordToken]
    /// Phrase-table matches per (table, language) slot, from one scan.
    let phraseHits: [[PhraseTables.Hit]]
    /// Length bounds and vague length words (computed once; several rules use them).
    public private(set) var lengthReport = LengthLimitReport()

    public init(_ text: String, promptFences: Bool = true) {
        self.text = text
        let b = Array(text.utf8)
        bytes = b
        mask = ProseMask(bytes: b, promptFences: promptFences)
        sentences = SentenceSplitter.split(bytes: b, mask: mask)
        languages = ScriptDetector.languages(bytes: b)
        tokens = WordTokenizer.tokens(b, 0..<b.count, keepPunctuation: true)
        phraseHits = PhraseTables.shared.scan(b, mask: mask, languages: languages)
        lengthReport = LengthLimitDetector.compute(self)
    }

    /// The prose tokens inside `r` (words only unless `keepPunctuation`).
    /// With `includeQuoted`, tokens in quotes, placeholders, tags and inline code count too (not code fences or
    /// data elements).
    func proseTokens(_ r: Range<Int>, keepPunctuation: Bool = false, includeQuoted: Bool = false) -> [WordToken] {
        var out: [WordToken] = []
        var k = tokens.partitioningIndex { $0.range.lowerBound >= r.lowerBound }
        while k < tokens.count, tokens[k].range.upperBound <= r.upperBound {
            let tok = tokens[k]
            if keepPunctuation || tok.isWord {
                if mask.isProse(tok.range) { out.append(tok) }
                else if includeQuoted, let k = mask.span(containing: tok.range.lowerBound)?.kind, k != .codeFence, k != .dataElement {
                    out.append(tok)
                }
            }
            k += 1
        }
        return out
    }

    public var utf8Count: Int { bytes.count }

    /// The text of a byte range.
    public func string(_ r: Range<Int>) -> String { Bytes.string(bytes, r) }

    /// The sentence containing byte `i`.
    public func sentence(containing i: Int) -> Sentence? {
        let k = sentences.partitioningIndex { $0.range.upperBound > i }
        return k < sentences.count && sentences[k].range.contains(i) ? sentences[k] : nil
    }

    func uses(_ l: TextLanguage) -> Bool { languages.contains(l) }

    /// Matches of one phrase table for one language.
    func hits(_ table: PhraseTables.Table, _ l: TextLanguage) -> [PhraseTables.Hit] { phraseHits[PhraseTables.slot(table, l)] }
}

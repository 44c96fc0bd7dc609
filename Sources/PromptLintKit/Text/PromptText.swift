/// One prompt message's text, prepared once for all analyzers: its UTF-8 bytes, prose mask,
/// sentences and detected languages. Build it once per message and pass it to each analyzer.
public struct PromptText: Sendable {
    public let text: String
    let bytes: [UInt8]
    public let mask: ProseMask
    public let sentences: [Sentence]
    /// Phrase packs to apply, dominant first.
    public let languages: [TextLanguage]

    public init(_ text: String) {
        self.text = text
        let b = Array(text.utf8)
        bytes = b
        mask = ProseMask(bytes: b)
        sentences = SentenceSplitter.split(bytes: b, mask: mask)
        languages = ScriptDetector.languages(bytes: b)
    }

    public var utf8Count: Int { bytes.count }

    /// The text of a byte range.
    public func string(_ r: Range<Int>) -> String { Bytes.string(bytes, r) }

    /// The sentence containing byte `i`.
    public func sentence(containing i: Int) -> Sentence? {
        var lo = 0, hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].range.upperBound <= i { lo = mid + 1 } else { hi = mid }
        }
        return lo < sentences.count && sentences[lo].range.contains(i) ? sentences[lo] : nil
    }

    func uses(_ l: TextLanguage) -> Bool { languages.contains(l) }
}

/// Flags open-ended size requests ("list all", "as many as possible", "in as much detail as
/// possible", "exhaustive", 「できるだけ多く」) in a sentence that has no length bound: the output
/// (and the bill) has no ceiling. No fix.
public enum OpenEndedRequestAnalyzer: TextAnalyzer {
    public static let identifier = "open-ended-request"

    static let indexes: [TextLanguage: PhraseIndex<String>] = {
        var out: [TextLanguage: PhraseIndex<String>] = [:]
        // Exceptions are entries with an empty payload: leftmost-longest lets them shadow the phrase.
        for p in PhrasePack.all { out[p.language] = PhraseIndex(p.openEnded.map { ($0, $0) } + p.openEndedExceptions.map { ($0, "") }) }
        return out
    }()

    public static func analyze(_ t: PromptText) -> [TextMatch] {
        var out: [TextMatch] = []
        var bounds: [Range<Int>]? = nil
        for lang in t.languages {
            guard let index = indexes[lang] else { continue }
            for (r, phrase, _) in index.matches(in: t.bytes, mask: t.mask) where !phrase.isEmpty {
                if bounds == nil { bounds = LengthLimitDetector.detect(t).bounds.map(\.range) }
                let sentence = t.sentence(containing: r.lowerBound)?.range ?? r
                if bounds!.contains(where: { sentence.overlaps($0) }) { continue }
                let msg = lang == .japanese
                    ? "「\(t.string(r))」は出力の長さに上限がありません。件数や文字数の上限を指定してください。"
                    : "\"\(t.string(r))\" asks for unbounded output; give a maximum (e.g. 'at most 10 items')."
                out.append(t.match(r, msg, code: "open-ended." + slug(phrase), language: lang))
            }
        }
        return out
    }
}

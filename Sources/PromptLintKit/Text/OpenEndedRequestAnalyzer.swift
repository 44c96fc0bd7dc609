/// Flags open-ended size requests ("list all", "as many as possible", "in as much detail as
/// possible", "exhaustive", 「できるだけ多く」) in a sentence that has no length bound: the output
/// (and the bill) has no ceiling. No fix.
public enum OpenEndedRequestAnalyzer: TextAnalyzer {


    public static func analyze(_ t: PromptText) -> [TextMatch] {
        var out: [TextMatch] = []
        var bounds: [Range<Int>]? = nil
        for lang in t.languages {
            let pack = PhrasePack.pack(for: lang)
            // Items past the phrase list are exceptions ("exhaustive checks"): leftmost-longest lets them shadow.
            for hit in t.hits(.openEnded, lang) where hit.item < pack.openEnded.count {
                let r = hit.range, phrase = pack.openEnded[hit.item]
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

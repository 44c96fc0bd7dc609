/// Flags sentence openings that talk about the prompt instead of giving the instruction
/// ("Your task is to…", "I will give you…", "Below is…", "Here is the text:").
/// Fix (unsafe, when the pack gives one): "Your task is to summarize X." → "Summarize X."
/// Only matches at a sentence start.
public enum MetaPreambleAnalyzer: TextAnalyzer {
    public static let identifier = "meta-preamble"

    static let indexes: [TextLanguage: PhraseIndex<MetaPreamble>] = {
        var out: [TextLanguage: PhraseIndex<MetaPreamble>] = [:]
        for p in PhrasePack.all { out[p.language] = PhraseIndex(p.metaPreambles.map { ($0.phrase, $0) }) }
        return out
    }()

    public static func analyze(_ t: PromptText) -> [TextMatch] {
        var out: [TextMatch] = []
        for lang in t.languages {
            guard let index = indexes[lang] else { continue }
            for (r, entry, _) in index.matches(in: t.bytes, mask: t.mask) where CapitalizationRepair.isSentenceStart(r.lowerBound, t.bytes) {
                let edits = entry.replacement.map { CapitalizationRepair.replacement(of: r, with: $0, in: t) } ?? []
                let msg = lang == .japanese
                    ? "「\(t.string(r))」はプロンプトについての説明です。指示を直接書いてください。"
                    : "\"\(t.string(r))\" describes the prompt instead of instructing; state the instruction directly."
                out.append(t.match(r, msg, edits: edits, safe: false, code: "meta." + slug(entry.phrase), language: lang))
            }
        }
        return out
    }
}

/// Flags sentence openings that talk about the prompt instead of giving the instruction
/// ("Your task is to…", "I will give you…", "Below is…", "Here is the text:").
/// Fix (when the pack gives one): "Your task is to summarize X." → "Summarize X." — safe for frames that
/// only announce the task ("Your task is to"), unsafe for those that also set a role or goal.
/// Only matches at a sentence start.
public enum MetaPreambleAnalyzer: TextAnalyzer {


    public static func analyze(_ t: PromptText) -> [TextMatch] {
        var out: [TextMatch] = []
        for lang in t.languages {
            let table = PhrasePack.pack(for: lang).metaPreambles
            for hit in t.hits(.meta, lang) where CapitalizationRepair.isSentenceStart(hit.range.lowerBound, t.bytes) {
                // "Your task is to:" introduces a list: deleting the words would leave a bare ":" line
                // (PL104 removes the whole line when the list items are instructions).
                let after = Bytes.skipSpaces(hit.range.upperBound, t.bytes)
                if after < t.bytes.count, t.bytes[after] == 0x3A { continue }
                let r = hit.range, entry = table[hit.item]
                let edits = entry.replacement.map { CapitalizationRepair.replacement(of: r, with: $0, in: t) } ?? []
                let msg = lang == .japanese
                    ? "「\(t.string(r))」はプロンプトについての説明です。指示を直接書いてください。"
                    : "\"\(t.string(r))\" describes the prompt instead of instructing; state the instruction directly."
                out.append(t.match(r, msg, edits: edits, safe: entry.safe, code: "meta." + slug(entry.phrase), language: lang))
            }
        }
        return out
    }
}

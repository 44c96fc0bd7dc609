/// Flags wordy phrases with a shorter equivalent ("in order to" → "to", "due to the fact that" →
/// "because", "it is important to note that" → ""). The table is data in the phrase packs.
/// Safe fix: the replacement, capitalised at a sentence start; an empty replacement deletes the
/// phrase and repairs spacing and capitalisation.
public enum WordyPhraseAnalyzer: TextAnalyzer {


    public static func analyze(_ t: PromptText) -> [TextMatch] {
        var out: [TextMatch] = []
        for lang in t.languages {
            let table = PhrasePack.pack(for: lang).wordyPhrases
            for hit in t.hits(.wordy, lang) {
                let r = hit.range, entry = table[hit.item]
                let edits = CapitalizationRepair.replacement(of: r, with: entry.replacement, in: t)
                let msg = entry.replacement.isEmpty
                    ? "\"\(t.string(r))\" adds words without meaning; remove it."
                    : "\"\(t.string(r))\" can be shortened to \"\(entry.replacement)\"."
                out.append(t.match(r, msg, edits: edits, safe: true, code: "wordy." + slug(entry.phrase), language: lang))
            }
        }
        return out
    }
}

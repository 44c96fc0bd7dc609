/// Flags intensifiers and hedges that rarely change the output ("very", "really", "just",
/// "basically"…). Informational; the fix (unsafe) deletes the word, except for "very", "extremely",
/// "just" and "actually", which are reported without a fix. Not flagged: words joined by a
/// hyphen ("just-in-time"), "just" meaning "only" before a determiner or number ("just the JSON"),
/// "the very first".
public enum IntensifierAnalyzer: TextAnalyzer {


    private static let determiners: Set<String> = ["the", "a", "an", "one", "two", "three", "this", "that", "these", "those",
                                                   "your", "its", "their", "in", "like", "as", "because", "for", "after", "before"]

    static func containsEscapes(_ b: [UInt8], _ r: Range<Int>) -> Bool {
        var k = r.lowerBound
        while k + 1 < r.upperBound {
            if b[k] == 0x5C, b[k + 1] == 0x6E || b[k + 1] == 0x75 { return true }
            k += 1
        }
        return false
    }

    /// Flagged without a fix: "very"/"extremely" grade a criterion more often than they pad it ("very
    /// strong evidence"), "just" means "only" too often ("rather than just parts", "or just X"), and
    /// "actually" often contrasts with what was said ("what the user actually asked").
    static let noFixIntensifiers: Set<String> = ["very", "extremely", "just", "actually", "muy", "extremadamente", "とても", "非常に"]

    public static func analyze(_ t: PromptText) -> [TextMatch] {
        var out: [TextMatch] = []
        let b = t.bytes
        for lang in t.languages {
            let table = PhrasePack.pack(for: lang).intensifiers
            for hit in t.hits(.intensifier, lang) {
                let r = hit.range, word = table[hit.item]
                if r.lowerBound > 0, b[r.lowerBound - 1] == 0x2D { continue }
                if r.upperBound < b.count, b[r.upperBound] == 0x2D { continue }
                // Escaped data (a JSON-encoded transcript: "\\n", "\\u0026") is not the author's wording.
                if let s = t.sentence(containing: r.lowerBound), containsEscapes(b, s.range) { continue }
                let next = PoliteFillerAnalyzer.nextWord(t, r.upperBound)
                let prev = PoliteFillerAnalyzer.previousWord(t, r.lowerBound)
                if word == "just", determiners.contains(next ?? "") || next.map({ $0.first?.isNumber ?? false }) ?? false { continue }
                if word == "very", prev == "the" || prev == "this" { continue }
                // "not just X" = "not only X".
                // "not just X", "don't just X" (the word before "just" reads "t"), "never just": "only", negated.
                if word == "just", prev == "not" || prev == "t" || prev == "never" { continue }
                // "explain them simply like …", "put simply": manner, not emphasis.
                if word == "simply", ["like", "as", "and", "so", "put", "enough"].contains(next ?? "") || prev == "put"
                    || CapitalizationRepair.isTerminator(b, Bytes.skipSpaces(r.upperBound, b)) { continue }
                if word == "quite", next == "a" { continue }
                let msg = lang == .japanese
                    ? "「\(t.string(r))」は強調語で、出力をほとんど変えません。"
                    : "\"\(t.string(r))\" is an intensifier that rarely changes the output; consider removing it."
                let edits = noFixIntensifiers.contains(word) ? [] : CapitalizationRepair.removal(of: r, in: t)
                out.append(t.match(r, msg, edits: edits, safe: false, code: "intensifier." + slug(word), language: lang))
            }
        }
        return out
    }
}

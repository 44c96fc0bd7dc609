/// Flags courtesy words that cost tokens and do not change what the model does ("please",
/// "Could you please", "Thank you!", "por favor", 「よろしくお願いします」).
///
/// Safe fixes delete the words and repair the sentence: "Please summarize the text." →
/// "Summarize the text."; "Summarize it, please." → "Summarize it."; "Could you please list the
/// files?" → "List the files."; a standalone "Thank you!" disappears. Courtesies that need a verb
/// change ("te agradecería que…", 「要約をお願いします」) are reported without a fix.
/// "please" as a verb ("to please the reader") and inside code, quotes or placeholders is ignored.
public enum PoliteFillerAnalyzer: TextAnalyzer {


    private static let verbBefore: Set<String> = ["to", "will", "would", "can", "could", "must", "might", "may", "cannot",
                                                   "should", "not", "never", "always", "hard", "easy", "aims"]
    private static let objectAfter: Set<String> = ["the", "them", "him", "her", "everyone", "everybody", "people", "users",
                                                   "customers", "readers", "audience", "their", "his", "both", "me"]
    private static let clauseWords: Set<String> = ["what", "that", "which", "how", "why", "where", "when", "whether", "who",
                                                   "because", "if", "since", "unless", "as", "than", "exactly", "all"]
    private static let closingFollowers: Set<String> = ["for", "in", "so", "very", "again", "a", "much"]

    public static func analyze(_ t: PromptText) -> [TextMatch] {
        var out: [TextMatch] = []
        let b = t.bytes
        for lang in t.languages {
            let table = PhrasePack.pack(for: lang).politeFillers
            for hit in t.hits(.polite, lang) {
                let r = hit.range, entry = table[hit.item]
                // Right after an opening quote the courtesy is wording the output must contain
                // ("ask them, ‘Could you please highlight…’").
                if Self.followsOpeningQuote(b, r.lowerBound) { continue }
                let atStart = CapitalizationRepair.isSentenceStart(r.lowerBound, b)
                let prev = previousWord(t, r.lowerBound)
                let next = nextWord(t, r.upperBound)
                let word = t.string(r)
                let msg = lang == .japanese
                    ? "「\(word)」は丁寧さのための言葉で、出力を変えずにトークンを消費します。"
                    : "\"\(word)\" is courtesy: it costs tokens and does not change what the model does."
                let code = "polite." + slug(entry.phrase)
                switch entry.kind {
                case .adverb:
                    if entry.phrase == "please", !atStart, verbBefore.contains(prev ?? "") { continue }
                    if entry.phrase == "please", objectAfter.contains(next ?? "") { continue }
                    out.append(t.match(r, msg, edits: CapitalizationRepair.removal(of: r, in: t), safe: true, code: code, language: lang))
                case .leadIn:
                    // "This is what I want you to do": a relative clause, not a request frame.
                    if let p = prev, clauseWords.contains(p) { continue }
                    var edits = CapitalizationRepair.removal(of: r, in: t)
                    if atStart, let s = t.sentence(containing: r.lowerBound), s.range.upperBound > 0,
                       b[s.range.upperBound - 1] == 0x3F, s.range.upperBound - 1 >= r.upperBound {
                        edits.append(TextEdit(range: (s.range.upperBound - 1)..<s.range.upperBound, replacement: "."))
                    }
                    out.append(t.match(r, msg, edits: edits, safe: true, code: code, language: lang))
                case .closing:
                    if entry.phrase == "thanks" || entry.phrase == "gracias", next == "to" || next == "a" { continue }
                    let a = Bytes.skipSpaces(r.upperBound, b)
                    let followedByEnd = CapitalizationRepair.isTerminator(b, a) || (a < b.count && b[a] == 0x21)
                    let sentence = t.sentence(containing: r.lowerBound)
                    // The whole sentence is a courtesy: it starts with the phrase, is short, has no digits.
                    let wholeSentence = sentence.map { s in
                        s.range.lowerBound == r.lowerBound && t.mask.isProse(s.range) && s.range.count <= 80
                            && !t.bytes[s.range].contains(where: Bytes.isDigit)
                            && (followedByEnd || closingFollowers.contains(next ?? "") || lang == .japanese)
                    } ?? false
                    if wholeSentence, let s = sentence {
                        if lang == .japanese, !CapitalizationRepair.isTerminator(b, a) {
                            out.append(t.match(r, msg, code: code, language: lang)); continue
                        }
                        out.append(t.match(s.range, msg, edits: [TextEdit(range: s.removalRange, replacement: "")], safe: true, code: code, language: lang))
                    } else if atStart, CapitalizationRepair.commaLength(b, a) > 0 {
                        // "Thanks, what about…" → "What about…"
                        out.append(t.match(r, msg, edits: CapitalizationRepair.removal(of: r, in: t), safe: true, code: code, language: lang))
                    } else if !atStart, CapitalizationRepair.isTerminator(b, a), precededByComma(b, r.lowerBound) {
                        out.append(t.match(r, msg, edits: CapitalizationRepair.removal(of: r, in: t), safe: true, code: code, language: lang))
                    } else if atStart || precededByComma(b, r.lowerBound) {
                        out.append(t.match(r, msg, code: code, language: lang))
                    }
                case .sentenceEnd:
                    let a = r.upperBound
                    guard CapitalizationRepair.isTerminator(b, a) else { continue }
                    if atStart, let s = t.sentence(containing: r.lowerBound) {
                        out.append(t.match(s.range, msg, edits: [TextEdit(range: s.removalRange, replacement: "")], safe: true, code: code, language: lang))
                    } else {
                        out.append(t.match(r, msg, code: code, language: lang))
                    }
                case .flagOnly:
                    out.append(t.match(r, msg, code: code, language: lang))
                }
            }
        }
        return out
    }

    /// `i` comes right after `"`, `'`, `‘` or `“` (blanks between allowed) that is inside a line: a
    /// quotation. A quote opening the line wraps a pasted instruction, which stays prose.
    static func followsOpeningQuote(_ b: [UInt8], _ i: Int) -> Bool {
        let k = Bytes.skipSpacesBack(i, b)
        guard k > 0 else { return false }
        let width = b[k - 1] == 0x22 || b[k - 1] == 0x27 ? 1
            : k >= 3 && (Bytes.has3(0xE2, 0x80, 0x98, at: k - 3, in: b) || Bytes.has3(0xE2, 0x80, 0x9C, at: k - 3, in: b)) ? 3 : 0
        guard width > 0 else { return false }
        let before = Bytes.skipSpacesBack(k - width, b)
        return before > 0 && b[before - 1] != Bytes.newline
    }

    private static func precededByComma(_ b: [UInt8], _ i: Int) -> Bool {
        let p = Bytes.skipSpacesBack(i, b)
        return p > 0 && (b[p - 1] == 0x2C || (p >= 3 && Bytes.has(CapitalizationRepair.ideographicComma, at: p - 3, in: b)))
    }

    static func previousWord(_ t: PromptText, _ i: Int) -> String? {
        let b = t.bytes
        let e = Bytes.skipSpacesBack(i, b)
        guard e > 0, Bytes.isASCIIAlnum(b[e - 1]) else { return nil }
        var s = e
        while s > 0, Bytes.isASCIIAlnum(b[s - 1]) { s -= 1 }
        return String(decoding: Bytes.folded(t.string(s..<e)), as: UTF8.self)
    }

    static func nextWord(_ t: PromptText, _ i: Int) -> String? {
        let b = t.bytes
        let s = Bytes.skipSpaces(i, b)
        var e = s
        while e < b.count, Bytes.isASCIIAlnum(b[e]) { e += 1 }
        guard e > s else { return nil }
        return String(decoding: Bytes.folded(t.string(s..<e)), as: UTF8.self)
    }
}

/// Builds edits that delete or replace a phrase and leave well-formed text behind: spacing,
/// dangling commas, sentence-initial capitals and whole-sentence removal are repaired.
public enum CapitalizationRepair {
    static let ideographicComma: [UInt8] = [0xE3, 0x80, 0x81]

    /// True if `i` begins a sentence: only blanks separate it from the start of the text, a line
    /// start (after an optional list marker), or a sentence terminator (`.` `!` `?` `。` `！` `？` `:`).
    public static func isSentenceStart(_ i: Int, in text: String) -> Bool { isSentenceStart(i, Array(text.utf8)) }

    static func isSentenceStart(_ i: Int, _ b: [UInt8]) -> Bool {
        let k = Bytes.skipSpacesBack(i, b)
        if k == 0 { return true }
        // A byte-order mark at the very start is not text.
        if k == 3, Bytes.has3(0xEF, 0xBB, 0xBF, at: 0, in: b) { return true }
        let c = b[k - 1]
        if c == Bytes.newline || c == Bytes.cr || c == 0x2E || c == 0x21 || c == 0x3F || c == 0x3A { return true }
        if k >= 3, Bytes.has3(0xE3, 0x80, 0x82, at: k - 3, in: b) || Bytes.has3(0xEF, 0xBC, 0x81, at: k - 3, in: b)
            || Bytes.has3(0xEF, 0xBC, 0x9F, at: k - 3, in: b) { return true }
        // A list marker alone before i on this line (only looked up when c can end a marker).
        guard c == 0x2D || c == 0x2A || c == 0x2B || c == 0x3E || c == 0x23 || c == 0x29 || c == 0xA2 else { return false }
        let ls = SentenceSplitter.lineStart(b, i)
        let first = Bytes.skipSpaces(ls, b)
        let m = SentenceSplitter.listMarkerEnd(b, first)
        return m > first && m >= k
    }

    /// Uppercases the first letter of `word` (ASCII or Latin-1).
    public static func capitalized(_ word: String) -> String {
        var b = Array(word.utf8)
        guard let f = b.first else { return word }
        if Bytes.isLower(f) { b[0] = f - 0x20 }
        else if f == 0xC3, b.count > 1, b[1] >= 0xA0, b[1] <= 0xBE, b[1] != 0xB7 { b[1] -= 0x20 }
        return String(decoding: b, as: UTF8.self)
    }

    /// An edit uppercasing the letter at `i`, if it is a lowercase ASCII or Latin-1 letter.
    static func capitalizeEdit(at i: Int, _ b: [UInt8]) -> TextEdit? {
        guard i < b.count else { return nil }
        if Bytes.isLower(b[i]) {
            return TextEdit(range: i..<(i + 1), replacement: String(UnicodeScalar(b[i] - 0x20)))
        }
        if b[i] == 0xC3, i + 1 < b.count, b[i + 1] >= 0xA0, b[i + 1] <= 0xBE, b[i + 1] != 0xB7 {
            return TextEdit(range: i..<(i + 2), replacement: String(decoding: [0xC3, b[i + 1] - 0x20], as: UTF8.self))
        }
        return nil
    }

    @inline(__always) static func isTerminator(_ b: [UInt8], _ i: Int) -> Bool {
        if i >= b.count { return true }
        let c = b[i]
        if c == 0x2E || c == 0x21 || c == 0x3F || c == Bytes.newline || c == Bytes.cr { return true }
        return Bytes.has3(0xE3, 0x80, 0x82, at: i, in: b) || Bytes.has3(0xEF, 0xBC, 0x81, at: i, in: b)
            || Bytes.has3(0xEF, 0xBC, 0x9F, at: i, in: b)
    }

    @inline(__always) static func commaLength(_ b: [UInt8], _ i: Int) -> Int {
        if i < b.count, b[i] == 0x2C { return 1 }
        if Bytes.has(ideographicComma, at: i, in: b) { return 3 }
        return 0
    }

    /// Edits deleting the phrase at `r`.
    ///
    /// - At a sentence start: the phrase, a following comma and blanks are deleted and the next
    ///   word is capitalised when the phrase was ("Please, summarize" → "Summarize"). If nothing but
    ///   a terminator follows, the whole sentence goes ("Thank you!" → "").
    /// - Between commas: ", please," → " ".
    /// - Before a terminator: the blanks and comma before it go ("it, please." → "it.").
    /// - Otherwise the phrase and the blanks after it go.
    static func removal(of r: Range<Int>, in t: PromptText) -> [TextEdit] {
        let b = t.bytes
        let s = r.lowerBound, e = r.upperBound
        let a = Bytes.skipSpaces(e, b)
        let p = Bytes.skipSpacesBack(s, b)
        let cjk = s < b.count && b[s] >= 0xE3
        if isSentenceStart(s, b) {
            if isTerminator(b, a) || (cjk && a < b.count && isTerminator(b, a)) {
                if let sent = t.sentence(containing: s) { return [TextEdit(range: sent.removalRange, replacement: "")] }
                return [TextEdit(range: s..<a, replacement: "")]
            }
            var end = a
            let cl = commaLength(b, a)
            if cl > 0 { end = Bytes.skipSpaces(a + cl, b) }
            var edits = [TextEdit(range: s..<end, replacement: "")]
            if Bytes.isUpper(b[s]) || (b[s] == 0xC3 && s + 1 < b.count && b[s + 1] >= 0x80 && b[s + 1] <= 0x9E),
               let cap = capitalizeEdit(at: end, b) {
                edits = [TextEdit(range: s..<end, replacement: cap.replacement)]
                edits[0].range = s..<cap.range.upperBound
            }
            return edits
        }
        let precededByComma = p > 0 && (b[p - 1] == 0x2C || (p >= 3 && Bytes.has(ideographicComma, at: p - 3, in: b)))
        let pcl = p > 0 && b[p - 1] == 0x2C ? 1 : 3
        if precededByComma {
            let cl = commaLength(b, a)
            if cl > 0 { return [TextEdit(range: (p - pcl)..<(a + cl), replacement: "")] }
            if isTerminator(b, a) || (a < b.count && (b[a] == 0x3B || b[a] == 0x29)) { return [TextEdit(range: (p - pcl)..<e, replacement: "")] }
        }
        if isTerminator(b, a) || (a < b.count && (b[a] == 0x2C || b[a] == 0x3B || b[a] == 0x29 || b[a] == 0x3A)) {
            return [TextEdit(range: (cjk ? s : p)..<e, replacement: "")]
        }
        if a > e { return [TextEdit(range: s..<a, replacement: "")] }
        return [TextEdit(range: (cjk ? s : p)..<e, replacement: "")]
    }

    /// Edits replacing the phrase at `r` with `replacement`, keeping a sentence-initial capital.
    /// An empty replacement is a ``removal(of:in:)``.
    static func replacement(of r: Range<Int>, with replacement: String, in t: PromptText) -> [TextEdit] {
        if replacement.isEmpty { return removal(of: r, in: t) }
        let b = t.bytes
        var rep = replacement
        if Bytes.isUpper(b[r.lowerBound]) { rep = capitalized(rep) }
        // ALL CAPS phrase stays ALL CAPS.
        if r.count > 1, b[r].allSatisfy({ !Bytes.isLower($0) }), b[r].contains(where: Bytes.isUpper) { rep = rep.uppercased() }
        return [TextEdit(range: r, replacement: rep)]
    }
}

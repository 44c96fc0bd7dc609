/// A light English stemmer: strips plural and verb endings so "tickets", "summarizes",
/// "summarized" and "summarizing" meet "ticket" and "summarize". Deliberately light (no Porter
/// steps for derivational suffixes): "extraction" and "extract" stay apart, as users expect.
/// Input: lower-case ASCII letters.
public enum Stemmer {
    public static func stem(_ word: [UInt8]) -> String {
        var w = word
        guard w.count > 3 else { return String(decoding: w, as: UTF8.self) }
        // Plurals and third person: queries → query, boxes → box, tickets → ticket.
        if ends(w, "ies"), w.count > 4 {
            w.removeLast(3); w.append(0x79)
        } else if ends(w, "sses") {
            w.removeLast(2)
        } else if ends(w, "es"), w.count > 4, endsWithSibilant(w.dropLast(2)) {
            w.removeLast(2)
        } else if ends(w, "s"), !ends(w, "ss"), !ends(w, "us"), !ends(w, "is") {
            w.removeLast()
        }
        // Past and progressive: classified → classify, planned → plan, reviewing → review.
        if ends(w, "ied"), w.count > 4 {
            w.removeLast(3); w.append(0x79)
        } else if ends(w, "eed") {
            // agreed, needed: keep.
        } else if ends(w, "ed"), w.count > 4, hasVowel(w.dropLast(2)) {
            w.removeLast(2)
            undoubleConsonant(&w)
        } else if ends(w, "ing"), w.count > 5, hasVowel(w.dropLast(3)) {
            w.removeLast(3)
            undoubleConsonant(&w)
        }
        // A final silent 'e' (summarize ↔ summariz-ed/-ing), on longer words only.
        if w.count > 3, w.last == 0x65, !ends(w, "ee") { w.removeLast() }
        return String(decoding: w, as: UTF8.self)
    }

    public static func stem(_ word: String) -> String { stem(Array(word.utf8)) }

    static func ends(_ w: [UInt8], _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard w.count >= count else { return false }
        let start = suffix.utf8Start
        for i in 0..<count where w[w.count - count + i] != start[i] { return false }
        return true
    }

    static func endsWithSibilant(_ w: ArraySlice<UInt8>) -> Bool {
        guard let last = w.last else { return false }
        if last == 0x78 || last == 0x7A || last == 0x73 { return true } // x z s
        if last == 0x68, w.count >= 2 { let before = w[w.endIndex - 2]; return before == 0x63 || before == 0x73 } // ch sh
        return false
    }

    static func isVowel(_ byte: UInt8) -> Bool { [0x61, 0x65, 0x69, 0x6F, 0x75, 0x79].contains(byte) }

    static func hasVowel(_ w: ArraySlice<UInt8>) -> Bool { w.contains(where: isVowel) }

    /// planned → plan, but staffed/called/missed keep their double letter.
    static func undoubleConsonant(_ w: inout [UInt8]) {
        guard w.count >= 3, let last = w.last, last == w[w.count - 2], !isVowel(last),
              last != 0x6C, last != 0x73, last != 0x7A, last != 0x66 else { return }
        w.removeLast()
    }
}

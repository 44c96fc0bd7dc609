/// A line that only introduces a list of instructions ("You will:", "Your task is to:") when every
/// item below it is already an imperative: "You will:\n- Read the diff.\n- Report 5 issues." says
/// the same without its first line. Reported under PL104 with an unsafe fix (it changes the layout).
/// Not when the text above is a list too (the two lists would run together), nor when an item is a
/// noun phrase ("- A summary").
public enum ListIntroductionAnalyzer: TextAnalyzer {

    /// Line texts (before the colon) that only announce the list below them.
    static let listIntroductions: Set<String> = [
        "you will", "you should", "you need to", "you are to", "you will need to", "your task is to", "your tasks are to",
        "your job is to", "your role is to", "your goal is to", "your tasks are", "your task", "your tasks",
    ]

    public static func analyze(_ t: PromptText) -> [TextMatch] {
        guard t.uses(.english) else { return [] }
        let b = t.bytes
        // Cheap test first: a candidate line starts with "y" and ends with ":"; most texts have none.
        var hasCandidate = false
        for k in b.indices where b[k] == 0x3A && (k + 1 == b.count || b[k + 1] == Bytes.newline || b[k + 1] == Bytes.cr) {
            let first = Bytes.skipSpaces(SentenceSplitter.lineStart(b, k), b)
            if first < k, b[first] | 0x20 == 0x79 { hasCandidate = true; break }
        }
        guard hasCandidate else { return [] }
        let lines = SentenceSplitter.lineRanges(b)
        func isBlank(_ line: Range<Int>) -> Bool { b[line].allSatisfy(Bytes.isWhitespace) }
        func itemStart(_ line: Range<Int>) -> Int? {
            let first = Bytes.skipSpaces(line.lowerBound, b)
            guard first < line.upperBound, b[first] != 0x23 else { return nil }
            let marker = SentenceSplitter.listMarkerEnd(b, first)
            return marker > first && b[first] != 0x3E ? marker : nil
        }
        func isImperativeItem(_ line: Range<Int>) -> Bool {
            guard let text = itemStart(line) else { return false }
            let words = t.proseTokens(text..<line.upperBound)
            guard var word = words.first, word.range.lowerBound == text else { return false }
            if ModalLeadInAnalyzer.adverbs.contains(word.lower) || word.lower == "do" || word.lower == "don't", words.count > 1 { word = words[1] }
            return ModalLeadInAnalyzer.directiveVerbs.contains(word.lower) || word.lower == "be" || word.lower == "not"
        }
        var out: [TextMatch] = []
        for (index, line) in lines.enumerated() where !line.isEmpty && t.mask.isProse(line) {
            var content = line
            while content.upperBound > content.lowerBound, Bytes.isWhitespace(b[content.upperBound - 1]) { content = content.lowerBound..<(content.upperBound - 1) }
            guard content.count > 1, b[content.upperBound - 1] == 0x3A, content.lowerBound == Bytes.skipSpaces(line.lowerBound, b) else { continue }
            let phrase = String(decoding: Bytes.folded(t.string(content.lowerBound..<(content.upperBound - 1))), as: UTF8.self)
            guard listIntroductions.contains(phrase) else { continue }
            // The list: the next non-blank lines that are items, up to a blank line or other text.
            var next = index + 1
            while next < lines.count, isBlank(lines[next]) { next += 1 }
            var items = 0, k = next
            while k < lines.count, !isBlank(lines[k]), itemStart(lines[k]) != nil {
                guard isImperativeItem(lines[k]) else { items = -1; break }
                items += 1; k += 1
            }
            guard items >= 2 else { continue }
            var previous = index - 1
            while previous >= 0, isBlank(lines[previous]) { previous -= 1 }
            if previous >= 0, itemStart(lines[previous]) != nil { continue }
            let removalEnd = next < lines.count ? lines[next].lowerBound : b.count
            let removal = line.lowerBound..<(previous >= 0 && previous < index - 1 ? removalEnd : min(line.upperBound + 1, b.count))
            let message = "\"\(t.string(content))\" only announces the list below it; its items are already instructions."
            out.append(t.match(content, message, edits: [TextEdit(range: removal, replacement: "")], safe: false,
                               code: "modal.list-introduction", language: .english))
        }
        return out
    }
}

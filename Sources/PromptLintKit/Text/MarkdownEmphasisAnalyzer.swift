/// Flags Markdown bold (`**word**`) inside instructions: each span costs about two tokens, and
/// prompts that bold every other phrase spend hundreds of tokens on asterisks.
///
/// Left alone, because there the asterisks are part of what the model should produce or how the
/// prompt is organised:
/// - everything under a heading about the output ("Output format", "Response template", "Example",
///   "Provide these sections:"), and that heading itself;
/// - emphasis on a prohibition or restriction (`**never**`, `**only** A`), a whole instruction in bold
///   (it ranks that instruction), and every span of a prompt that mentions bold (it asks for bold output);
/// - checklists and lines with placeholders (templates to fill in);
/// - table rows, code, quotes and placeholders;
/// - and then every span of a paragraph where one span had to stay, so parallel labels keep one look.
///
/// The fix (unsafe: emphasis can be intended) deletes the four asterisks.
public enum MarkdownEmphasisAnalyzer: TextAnalyzer {

    /// Words that make a heading introduce the output's shape, where bold is content.
    /// Verbs of producing count too: "Respond like this:", "Provide these sections:".
    static let outputHeadingWords: Set<String> = [
        "output", "outputs", "format", "formats", "formatting", "response", "responses", "template", "templates",
        "structure", "example", "examples", "sample", "samples", "reply", "answer", "report", "deliverable",
        "deliverables", "result", "results", "layout", "schema", "respond", "return", "produce", "provide", "print",
        "emit", "display", "deliver", "section", "sections", "field", "fields", "look", "looks", "like",
    ]

    public static func analyze(_ t: PromptText) -> [TextMatch] {
        let b = t.bytes
        // Most texts have no "**" at all: skip the line walk for them.
        guard b.indices.dropLast().contains(where: { b[$0] == 0x2A && b[$0 + 1] == 0x2A }) else { return [] }
        // A prompt that talks about bold ("use bold for updates") wants it in the output: its bold
        // spans are likely the format to copy.
        if Bytes.contains(Array("bold".utf8), in: b.map(Bytes.lower)) { return [] }
        var out: [TextMatch] = []
        // The output section we are in, by heading level (`#` = 1 … `######` = 6, other headings 7): it
        // lasts until a heading of the same or a higher level, so its sub-headings stay in it.
        var outputLevel: Int?
        // Spans of the current paragraph: all of them go, or none (a list whose labels are all bold
        // keeps a uniform look; one kept span vetoes the rest).
        var paragraph: [TextMatch] = []
        var vetoed = false
        func endParagraph() {
            if !vetoed { out += paragraph }
            paragraph = []
            vetoed = false
        }
        let placeholders = t.mask.spans(of: [.bracketPlaceholder])
        var lineStart = 0
        while lineStart < b.count {
            var lineEnd = lineStart
            while lineEnd < b.count, b[lineEnd] != Bytes.newline { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            let first = Bytes.skipSpaces(lineStart, b)
            let last = Bytes.skipSpacesBack(lineEnd, b)
            guard first < last, !t.mask.isInCodeFence(first) else { endParagraph(); continue }
            if let heading = headingText(b, first, last) {
                let level = b[first] == 0x23 ? min(7, b[first..<last].prefix(while: { $0 == 0x23 }).count) : 7
                let words = WordTokenizer.tokens(b, heading).map(\.lower)
                if words.contains(where: outputHeadingWords.contains) {
                    outputLevel = min(outputLevel ?? level, level)
                } else if let current = outputLevel, level <= current {
                    outputLevel = nil
                }
                // A bold heading of an instruction section ("**Approach:**") reads the same plain;
                // one about the output may be the template's own first line.
                guard outputLevel == nil, b[first] == 0x2A else { continue }
            }
            guard outputLevel == nil, b[first] != 0x7C else { continue }
            let spans = boldSpans(b, first..<last)
            guard !spans.isEmpty else { continue }
            // Checklists and lines with placeholders are templates to fill in.
            let line = Array(b[first..<last])
            if ["[ ]", "[x]", "[X]", "${", "{{"].contains(where: { Bytes.contains(Array($0.utf8), in: line) })
                || placeholders.contains(where: { $0.range.overlaps(first..<last) }) {
                vetoed = true
                continue
            }
            for span in spans where t.mask.isProse(span) {
                let inner = (span.lowerBound + 2)..<(span.upperBound - 2)
                // Emphasis on a prohibition or restriction ("**never**", "**only** A or B") is load-bearing.
                let words = WordTokenizer.tokens(b, inner)
                if words.contains(where: { CompressionGuard.meaningWords.contains($0.lower) }) { vetoed = true; continue }
                // A whole instruction in bold ranks it above its neighbours: "- **Reconstruct all turns in order.**"
                let ending = b[inner.upperBound - 1]
                if words.count >= 4, ending == 0x2E || ending == 0x21 || span.upperBound == last { vetoed = true; continue }
                let message = "Bold \"\(t.string(span))\" costs about 2 tokens per call; plain text reads the same to the model."
                let edits = [TextEdit(range: span.lowerBound..<inner.lowerBound, replacement: ""),
                             TextEdit(range: inner.upperBound..<span.upperBound, replacement: "")]
                paragraph.append(t.match(span, message, edits: edits, safe: false, code: "emphasis.bold", language: .english))
            }
        }
        endParagraph()
        return out
    }

    /// The title of a heading line: `# Title`, a short line ending in ":" that is not a list item
    /// ("Response format:"), or a line that is only a bold span (`**Rules**`). Nil for other lines.
    static func headingText(_ b: [UInt8], _ first: Int, _ last: Int) -> Range<Int>? {
        if b[first] == 0x23 {
            let text = Bytes.skipSpaces(SentenceSplitter.listMarkerEnd(b, first), b)
            // "# " alone (blanks after the marker) has no title.
            return text > first && text < last ? text..<last : nil
        }
        let spans = boldSpans(b, first..<last)
        if let only = spans.first, spans.count == 1, only.lowerBound == first,
           only.upperBound == last || (only.upperBound + 1 == last && b[last - 1] == 0x3A) {
            return (only.lowerBound + 2)..<(only.upperBound - 2)
        }
        guard b[last - 1] == 0x3A, SentenceSplitter.listMarkerEnd(b, first) == first else { return nil }
        let words = WordTokenizer.tokens(b, first..<last)
        return words.count <= 6 ? first..<last : nil
    }

    /// `**…**` spans within one line: the opening `**` is followed by a non-blank, the closing one
    /// preceded by a non-blank, and neither is part of a longer run of asterisks.
    static func boldSpans(_ b: [UInt8], _ line: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = line.lowerBound
        func isStarPair(_ k: Int) -> Bool {
            k + 1 < line.upperBound && b[k] == 0x2A && b[k + 1] == 0x2A
                && (k == line.lowerBound || b[k - 1] != 0x2A) && (k + 2 >= line.upperBound || b[k + 2] != 0x2A)
        }
        while i < line.upperBound {
            guard isStarPair(i), i + 2 < line.upperBound, !Bytes.isWhitespace(b[i + 2]) else { i += 1; continue }
            var j = i + 3
            while j < line.upperBound, !(isStarPair(j) && !Bytes.isWhitespace(b[j - 1])) { j += 1 }
            guard j < line.upperBound else { break }
            out.append(i..<(j + 2))
            i = j + 2
        }
        return out
    }
}

/// Flags whitespace and decoration that cost tokens: trailing spaces/tabs, runs of 3+ blank lines
/// (collapsed to one blank line), and decorative lines of 4+ identical `=` `-` `*` `#` `~` `_` or
/// box-drawing characters alone on a line (also after `# ` or `// `; not a setext heading's underline). Code fences are left alone (fence lines themselves are never decorative, and
/// Markdown `---` rules and `|---|` table separators are not flagged). All fixes are safe.
public enum WhitespaceWasteAnalyzer: TextAnalyzer {

    public static func analyze(_ t: PromptText) -> [TextMatch] {
        let b = t.bytes
        var out: [TextMatch] = []
        var lineStart = 0
        var blankRun: [Range<Int>] = []   // full line ranges including newline

        func flushBlanks() {
            if blankRun.count >= 3 {
                let r = blankRun[1].lowerBound..<blankRun.last!.upperBound
                out.append(t.match(r, "\(blankRun.count) blank lines in a row; one is enough.",
                                   edits: [TextEdit(range: r, replacement: "")], safe: true, code: "whitespace.blank-lines",
                                   language: .english))
            }
            blankRun.removeAll()
        }

        // Only looked up when a decorative line marks a heading (most texts have none).
        var atxHeadings: Bool?
        func hasATXHeadings() -> Bool {
            if atxHeadings == nil { atxHeadings = containsATXHeading(t) }
            return atxHeadings!
        }
        while lineStart < b.count {
            var lineEnd = lineStart
            while lineEnd < b.count, b[lineEnd] != Bytes.newline { lineEnd += 1 }
            let full = lineStart..<(lineEnd < b.count ? lineEnd + 1 : lineEnd)
            var contentEnd = lineEnd
            if contentEnd > lineStart, b[contentEnd - 1] == Bytes.cr { contentEnd -= 1 }
            let inCode = t.mask.isInCodeFence(lineStart)
            let first = Bytes.skipSpaces(lineStart, b)
            let blank = first >= contentEnd
            if blank && !inCode {
                blankRun.append(full)
                if blankRun.count == 1, contentEnd > lineStart {
                    let r = lineStart..<contentEnd
                    out.append(t.match(r, "Trailing whitespace.", edits: [TextEdit(range: r, replacement: "")], safe: true,
                                       code: "whitespace.trailing", language: .english))
                }
            } else {
                flushBlanks()
                if !inCode {
                    let trimmed = Bytes.skipSpacesBack(contentEnd, b)
                    if trimmed < contentEnd {
                        let r = trimmed..<contentEnd
                        out.append(t.match(r, "Trailing whitespace.", edits: [TextEdit(range: r, replacement: "")], safe: true,
                                           code: "whitespace.trailing", language: .english))
                    }
                    if first < trimmed, isDecorative(b, first, trimmed) {
                        let r = first..<trimmed
                        var edits = [TextEdit(range: full, replacement: "")]
                        var msg = "Decorative line \"\(t.string(r))\" costs tokens; use a heading or a blank line."
                        // In a text that also uses "#" headings, underlines and banners may be the only
                        // marks between its own sections and a Markdown template: leave them.
                        let heading = setextHeadingStart(b, lineStart: lineStart, first: first)
                        let marksAHeading = heading != nil || (first == lineStart && bannerTop(b, after: lineStart))
                        if marksAHeading, hasATXHeadings() { lineStart = full.upperBound; continue }
                        if let heading {
                            // The same heading, written the short way: "Title\n=====" → "# Title".
                            let level = b[first] == 0x3D ? "# " : "## "
                            edits.insert(TextEdit(range: heading..<heading, replacement: level), at: 0)
                            msg = "Underline \"\(t.string(r))\" makes a heading; \"\(level)\" before the title does the same in fewer tokens."
                        }
                        out.append(t.match(r, msg, edits: edits, safe: true, code: "whitespace.decorative", language: .english))
                    }
                }
            }
            lineStart = full.upperBound
        }
        flushBlanks()
        // Trailing-whitespace edits inside a collapsed blank run overlap it; drop them.
        let runs = out.filter { $0.code == "whitespace.blank-lines" }.map(\.range)
        out.removeAll { m in m.code == "whitespace.trailing" && runs.contains { $0.overlaps(m.range) } }
        // The decorative edit removes the whole line, so the trailing-whitespace edit on it is redundant.
        let deco = out.filter { $0.code == "whitespace.decorative" }.flatMap(\.edits).map(\.range)
        out.removeAll { m in m.code == "whitespace.trailing" && deco.contains { $0.overlaps(m.range) } }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// A line that is only a run of 4+ identical decoration characters: ASCII `=` `-` `*` `#` `~` `_`, or a
    /// box-drawing character (`─` `━` `═`, U+2500–U+257F), optionally after a comment marker (`# `, `// `).
    static func isDecorative(_ b: [UInt8], _ s: Int, _ e: Int) -> Bool {
        var start = s
        if b[start] == 0x23 || (b[start] == 0x2F && start + 1 < e && b[start + 1] == 0x2F) {
            let marker = b[start] == 0x23 ? 1 : 2
            if start + marker < e, b[start + marker] == 0x20 { start = Bytes.skipSpaces(start + marker, b) }
        }
        guard start < e else { return false }
        let c = b[start]
        if [0x3D, 0x2D, 0x2A, 0x23, 0x7E, 0x5F].contains(c) {
            guard e - start >= 4 else { return false }
            for k in start..<e where b[k] != c { return false }
            return true
        }
        // Box drawing: E2 94 80 … E2 95 BF, the same scalar repeated.
        guard c == 0xE2, start + 2 < e, b[start + 1] == 0x94 || b[start + 1] == 0x95, (e - start) % 3 == 0, e - start >= 12 else { return false }
        var k = start
        while k < e {
            guard b[k] == c, b[k + 1] == b[start + 1], b[k + 2] == b[start + 2] else { return false }
            k += 3
        }
        return true
    }

    /// `Title` over `-----` or `=====` is a Markdown (setext) heading, not decoration: the start of its
    /// title, or nil. The title is one line after a blank line (or the text's start) or the middle of a
    /// banner (`=====` / `TITLE` / `=====`); a body line just above a banner's top line is not a title.
    static func setextHeadingStart(_ b: [UInt8], lineStart: Int, first: Int) -> Int? {
        guard b[first] == 0x2D || b[first] == 0x3D, first == lineStart, lineStart >= 2 else { return nil }
        guard let title = line(before: lineStart, b), !title.isBlank, title.text - title.start < 4,
              SentenceSplitter.listMarkerEnd(b, title.text) == title.text, !isDecorative(b, title.text, title.end) else { return nil }
        guard let above = line(before: title.start, b) else { return bannerTop(b, after: lineStart) ? nil : title.text }
        if !above.isBlank, isDecorative(b, above.text, above.end), b[above.text] == b[first] { return title.text }
        return above.isBlank && !bannerTop(b, after: lineStart) ? title.text : nil
    }

    /// A line outside code that starts with 1–6 "#" and a blank: a Markdown heading.
    static func containsATXHeading(_ t: PromptText) -> Bool {
        let b = t.bytes
        var lineStart = 0
        while lineStart < b.count {
            var level = 0
            while lineStart + level < b.count, b[lineStart + level] == 0x23 { level += 1 }
            if level > 0, level <= 6, lineStart + level < b.count, b[lineStart + level] == Bytes.space,
               !t.mask.isInCodeFence(lineStart), !isDecorative(b, lineStart, Bytes.skipSpacesBack(SentenceSplitter.lineEnd(b, lineStart), b)) {
                return true
            }
            lineStart = SentenceSplitter.lineEnd(b, lineStart) + 1
        }
        return false
    }

    /// The line at `lineStart` is followed by one text line and then the same decoration: the top of a banner.
    private static func bannerTop(_ b: [UInt8], after lineStart: Int) -> Bool {
        guard let title = line(startingAt: SentenceSplitter.lineEnd(b, lineStart) + 1, b), !title.isBlank,
              let bottom = line(startingAt: title.next, b), !bottom.isBlank else { return false }
        return isDecorative(b, bottom.text, bottom.end) && b[bottom.text] == b[lineStart]
    }

    /// A line: its start, its first non-blank byte, the end of its non-blank content, and the next line's start.
    private struct Line { var start: Int, text: Int, end: Int, next: Int; var isBlank: Bool { text >= end } }

    private static func line(startingAt start: Int, _ b: [UInt8]) -> Line? {
        guard start < b.count else { return nil }
        let end = SentenceSplitter.lineEnd(b, start)
        let text = Bytes.skipSpaces(start, b)
        var contentEnd = end
        while contentEnd > start, Bytes.isWhitespace(b[contentEnd - 1]) { contentEnd -= 1 }
        return Line(start: start, text: min(text, contentEnd), end: contentEnd, next: end + 1)
    }

    private static func line(before lineStart: Int, _ b: [UInt8]) -> Line? {
        guard lineStart > 0 else { return nil }
        return line(startingAt: SentenceSplitter.lineStart(b, lineStart - 1), b)
    }
}

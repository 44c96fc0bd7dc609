/// Flags decoration and authoring leftovers that the model pays for and does not need (PL205, next to
/// ``WhitespaceWasteAnalyzer``): emoji in headings, empty headings, a title written twice, literal `\n`
/// escapes in prose, HTML comments and author change notes ("Changelog", "Key changes and rationale").
///
/// Fixes are safe only where nothing the model could use is lost: the emoji of a heading (the words stay),
/// the second copy of a title, an HTML comment on lines of its own. Deleting an empty heading, an inline
/// comment or a change-notes section is unsafe; a literal `\n` is reported without a fix (a real line
/// break costs the same token, the fix belongs in the source that produced the escape).
public enum DecorationAnalyzer: TextAnalyzer {
    public static let identifier = "decoration"

    /// Heading words that start a section of notes for the prompt's authors, not for the model.
    static let changeNoteTitles = ["changelog", "change log", "key changes", "version history",
                                   "revision history", "release notes", "what's new", "update log"]

    public static func analyze(_ t: PromptText) -> [TextMatch] {
        let b = t.bytes
        let lines = SentenceSplitter.lineRanges(b)
        var out: [TextMatch] = []
        var headings: [(line: Int, level: Int, title: Range<Int>)] = []
        for (k, line) in lines.enumerated() where !line.isEmpty && !t.mask.isInCodeFence(line.lowerBound) {
            if let h = heading(b, line) { headings.append((k, h.level, h.title)) }
            escapes(t, line, into: &out)
        }
        out += comments(t)
        for (n, h) in headings.enumerated() {
            emoji(t, h.title, into: &out)
            let next = nextContentLine(lines, after: h.line, b)
            if let next, let nh = heading(b, lines[next]), nh.level <= h.level, !t.mask.isInCodeFence(lines[next].lowerBound) {
                if n == 0, normalizedTitle(b, h.title) == normalizedTitle(b, nh.title) {
                    let r = lines[next]
                    out.append(t.match(r, "The title \"\(t.string(nh.title))\" is written twice; once is enough.",
                                       edits: [TextEdit(range: lines[h.line].upperBound..<r.upperBound, replacement: "")],
                                       safe: true, code: "decoration.duplicate-title", language: .english))
                } else {
                    let r = lines[h.line]
                    out.append(t.match(r, "Empty heading \"\(t.string(h.title))\": a section with no content costs tokens and tells the model nothing.",
                                       edits: [TextEdit(range: r.lowerBound..<min(b.count, r.upperBound + 1), replacement: "")],
                                       safe: false, code: "decoration.empty-heading", language: .english))
                }
            }
            if changeNoteTitles.contains(normalizedTitle(b, h.title)) {
                let end = headings[(n + 1)...].first { $0.level <= h.level }.map { lines[$0.line].lowerBound } ?? b.count
                let r = lines[h.line].lowerBound..<end
                out.append(t.match(lines[h.line], "Change notes (\"\(t.string(h.title))\") are for the prompt's authors; keep them in version control, not in the prompt.",
                                   edits: [TextEdit(range: r, replacement: "")], safe: false, code: "decoration.change-notes",
                                   language: .english))
            }
        }
        for (k, line) in lines.enumerated() where !line.isEmpty && !t.mask.isInCodeFence(line.lowerBound) && heading(b, line) == nil {
            if let label = changeNoteLabel(b, line) {
                // The label and the list items under it.
                var last = k
                while last + 1 < lines.count, isIndentedListItem(b, lines[last + 1], below: line) { last += 1 }
                out.append(t.match(line, "Change notes (\"\(t.string(label))\") are for the prompt's authors; keep them in version control, not in the prompt.",
                                   edits: [TextEdit(range: line.lowerBound..<min(b.count, lines[last].upperBound + 1), replacement: "")],
                                   safe: false, code: "decoration.change-notes", language: .english))
            }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// `## Title` (1-6 `#`, a blank, then text): the level and the title's range without closing `#`s.
    static func heading(_ b: [UInt8], _ line: Range<Int>) -> (level: Int, title: Range<Int>)? {
        var i = line.lowerBound, level = 0
        while i < line.upperBound, b[i] == 0x23 { level += 1; i += 1 }
        guard level >= 1, level <= 6, i < line.upperBound, b[i] == Bytes.space else { return nil }
        let start = Bytes.skipSpaces(i, b)
        var end = Bytes.skipSpacesBack(line.upperBound, b)
        while end > start, b[end - 1] == 0x23 || b[end - 1] == Bytes.space { end -= 1 }
        return end > start ? (level, start..<end) : nil
    }

    /// A title compared without emphasis, emoji, punctuation and case: "**🔥 Changelog:**" → "changelog".
    static func normalizedTitle(_ b: [UInt8], _ r: Range<Int>) -> String {
        var out = ""
        for scalar in String(decoding: b[r], as: UTF8.self).unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { out.unicodeScalars.append(scalar) }
            else if scalar == " " || scalar == "'" { if !out.isEmpty, out.last != " " || scalar == "'" { out.unicodeScalars.append(scalar) } }
        }
        while out.last == " " { out.removeLast() }
        return out.lowercased()
    }

    private static func nextContentLine(_ lines: [Range<Int>], after k: Int, _ b: [UInt8]) -> Int? {
        var j = k + 1
        while j < lines.count, Bytes.skipSpaces(lines[j].lowerBound, b) >= lines[j].upperBound { j += 1 }
        return j < lines.count ? j : nil
    }

    /// Emoji (and their variation selectors and joiners) in a heading's title: removed with the blank after them.
    private static func emoji(_ t: PromptText, _ title: Range<Int>, into out: inout [TextMatch]) {
        let b = t.bytes
        var i = title.lowerBound
        while i < title.upperBound {
            guard let (scalar, length) = Bytes.scalar(at: i, in: b), isEmoji(scalar) else {
                i += max(1, Bytes.scalar(at: i, in: b)?.1 ?? 1)
                continue
            }
            var end = i + length
            while end < title.upperBound, let (next, nl) = Bytes.scalar(at: end, in: b), isEmoji(next) || next.value == 0xFE0F || next.value == 0x200D {
                end += nl
            }
            let emojiRange = i..<end
            while end < title.upperBound, b[end] == Bytes.space { end += 1 }
            // Between words, keep one blank: "Part 1: 📈 Briefing" → "Part 1: Briefing".
            let removal = i > title.lowerBound && end < title.upperBound && b[i - 1] == Bytes.space ? i..<end : (i > title.lowerBound && end >= title.upperBound ? Bytes.skipSpacesBack(i, b)..<end : i..<end)
            out.append(t.match(emojiRange, "Emoji \"\(t.string(emojiRange))\" in a heading costs tokens and adds no instruction.",
                               edits: [TextEdit(range: removal, replacement: "")], safe: true, code: "decoration.emoji-heading",
                               language: .english))
            i = end
        }
    }

    static func isEmoji(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x1F000 && s.value <= 0x1FAFF || s.value >= 0x2600 && s.value <= 0x27BF || s.value >= 0x2B00 && s.value <= 0x2BFF
            || s.value == 0x2139 || s.value >= 0x2190 && s.value <= 0x21FF && s.properties.isEmojiPresentation
    }

    /// A literal backslash-n (`\n`, often `\n\n`) in prose: an escape that was never decoded.
    private static func escapes(_ t: PromptText, _ line: Range<Int>, into out: inout [TextMatch]) {
        let b = t.bytes
        var i = line.lowerBound
        while i + 1 < line.upperBound {
            if b[i] == 0x5C, b[i + 1] == 0x6E, i == line.lowerBound || b[i - 1] != 0x5C, t.mask.isProse(i..<(i + 2)) {
                var end = i + 2
                while end + 1 < line.upperBound, b[end] == 0x5C, b[end + 1] == 0x6E { end += 2 }
                let r = i..<end
                out.append(t.match(r, "Literal \"\(t.string(r))\" in prose: an escape that was never decoded; the model reads a backslash and an \"n\".",
                                   code: "decoration.literal-newline", language: .english))
                i = end
                continue
            }
            i += 1
        }
    }

    /// `<!-- … -->` outside code: an author's comment. Safe to delete when it fills its line and holds only words.
    private static func comments(_ t: PromptText) -> [TextMatch] {
        let b = t.bytes
        var out: [TextMatch] = []
        var i = 0
        while i + 3 < b.count {
            guard b[i] == 0x3C, b[i + 1] == 0x21, b[i + 2] == 0x2D, b[i + 3] == 0x2D, !t.mask.isInCodeFence(i) else { i += 1; continue }
            var j = i + 4
            while j + 2 < b.count, !(b[j] == 0x2D && b[j + 1] == 0x2D && b[j + 2] == 0x3E) { j += 1 }
            guard j + 2 < b.count else { break }
            let r = i..<(j + 3)
            let lineStart = SentenceSplitter.lineStart(b, i), lineEnd = SentenceSplitter.lineEnd(b, r.upperBound)
            let ownLines = Bytes.skipSpaces(lineStart, b) == i && Bytes.skipSpacesBack(lineEnd, b) == r.upperBound
            // Only a plain note is safe to delete: markup, placeholders or numbers inside may be commented-out content.
            let plain = !b[(i + 4)..<j].contains { $0 == 0x3C || $0 == 0x7B || $0 == 0x60 || $0 == Bytes.newline || (0x30...0x39).contains($0) }
            let removal = ownLines ? lineStart..<min(b.count, lineEnd + 1) : r
            out.append(t.match(r, "HTML comment: a note for the prompt's authors that the model still reads and pays for.",
                               edits: [TextEdit(range: removal, replacement: "")], safe: ownLines && plain, code: "decoration.html-comment",
                               language: .english))
            i = r.upperBound
        }
        return out
    }

    /// A list item under `label`: a list marker, indented at least as deep as the label.
    private static func isIndentedListItem(_ b: [UInt8], _ line: Range<Int>, below label: Range<Int>) -> Bool {
        let text = Bytes.skipSpaces(line.lowerBound, b)
        guard text < line.upperBound, SentenceSplitter.listMarkerEnd(b, text) > text else { return false }
        return text - line.lowerBound >= Bytes.skipSpaces(label.lowerBound, b) - label.lowerBound
    }

    /// "**Changelog:**", "CHANGELOG", "Key changes and rationale:" as a line of its own (or a list item's label).
    private static func changeNoteLabel(_ b: [UInt8], _ line: Range<Int>) -> Range<Int>? {
        var start = Bytes.skipSpaces(line.lowerBound, b)
        let markerEnd = SentenceSplitter.listMarkerEnd(b, start)
        start = Bytes.skipSpaces(markerEnd, b)
        var end = line.upperBound
        if let colon = b[start..<line.upperBound].firstIndex(of: 0x3A) { end = colon }
        guard end > start, end - start < 60 else { return nil }
        let title = normalizedTitle(b, start..<end)
        guard changeNoteTitles.contains(title) || title.hasPrefix("key changes") || title == "changelog since previous version" else { return nil }
        // A label that asks the model to write a changelog is an output section, not notes.
        if title.hasSuffix("since previous version") { return nil }
        return start..<Bytes.skipSpacesBack(line.upperBound, b)
    }
}

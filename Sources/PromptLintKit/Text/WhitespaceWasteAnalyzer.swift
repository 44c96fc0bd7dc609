/// Flags whitespace and decoration that cost tokens: trailing spaces/tabs, runs of 3+ blank lines
/// (collapsed to one blank line), and decorative lines of 4+ identical `=` `-` `*` `#` `~` characters
/// alone on a line. Code fences are left alone (fence lines themselves are never decorative, and
/// Markdown `---` rules and `|---|` table separators are not flagged). All fixes are safe.
public enum WhitespaceWasteAnalyzer: TextAnalyzer {
    public static let identifier = "whitespace-waste"

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

        while lineStart < b.count {
            var lineEnd = lineStart
            while lineEnd < b.count, b[lineEnd] != Bytes.newline { lineEnd += 1 }
            let full = lineStart..<(lineEnd < b.count ? lineEnd + 1 : lineEnd)
            var contentEnd = lineEnd
            if contentEnd > lineStart, b[contentEnd - 1] == Bytes.cr { contentEnd -= 1 }
            let inCode = t.mask.span(containing: lineStart)?.kind == .codeFence
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
                    if isDecorative(b, first, trimmed) {
                        let r = first..<trimmed
                        let msg = "Decorative line \"\(t.string(r))\" costs tokens; use a heading or a blank line."
                        out.append(t.match(r, msg, edits: [TextEdit(range: full, replacement: "")], safe: true,
                                           code: "whitespace.decorative", language: .english))
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

    private static func isDecorative(_ b: [UInt8], _ s: Int, _ e: Int) -> Bool {
        guard e - s >= 4 else { return false }
        let c = b[s]
        guard [0x3D, 0x2D, 0x2A, 0x23, 0x7E].contains(c) else { return false }
        for k in s..<e where b[k] != c { return false }
        return true
    }
}

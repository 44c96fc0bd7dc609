/// Splits a prompt text into sentences on UTF-8 bytes.
///
/// Boundaries: `.` `!` `?` (and runs such as `?!` or `...`) followed by whitespace, a closing quote
/// or bracket then whitespace, or the end of the text — except after common abbreviations
/// (`e.g.`, `i.e.`, `etc.`, `vs.`, `Mr.`, single capitals) and inside numbers (`3.5`);
/// Japanese/full-width `。` `！` `？`; and line breaks. A line break ends the sentence unless the
/// line looks soft-wrapped (the line does not end in punctuation and the next line is not blank,
/// and starts neither with a list marker, a heading, a quote, a table row nor a capital letter).
/// List markers (`- `, `* `, `+ `, `1. `, `1) `, `#`, `>`) at a line start are not part of the sentence.
/// Non-prose constructs (code fences) are skipped when a ``ProseMask`` is given.
public struct Sentence: Sendable, Hashable {
    /// From the first character to the end of the terminator (if any).
    public var range: Range<Int>
    /// `range` without the terminating punctuation.
    public var contentRange: Range<Int>
    /// What to delete to remove the sentence cleanly: the sentence plus the whitespace up to the next
    /// sentence on the same line, or the whole line (list marker and newline included) when the
    /// sentence is alone on its line.
    public var removalRange: Range<Int>
}

public enum SentenceSplitter {
    public static func split(_ text: String) -> [Sentence] {
        let b = Array(text.utf8)
        return split(bytes: b, mask: ProseMask(bytes: b))
    }

    private static let abbreviations: Set<String> = [
        "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "st", "no", "fig", "approx", "cf", "inc", "ltd", "jr", "sr",
        "eg", "ie", "p.ej", "ej", "sra", "sr", "ud", "uds",
    ]

    static func split(bytes b: [UInt8], mask: ProseMask) -> [Sentence] {
        var out: [Sentence] = []
        var i = 0
        let n = b.count
        var start: Int? = nil
        var lineStartsAt = 0
        var sentenceLineStart = 0
        var lineStarts: [Int] = []

        func finish(_ contentEnd: Int, _ end: Int) {
            guard let s = start else { return }
            var ce = contentEnd
            while ce > s, Bytes.isWhitespace(b[ce - 1]) { ce -= 1 }
            var e = end
            while e > s, Bytes.isWhitespace(b[e - 1]) { e -= 1 }
            if ce > s || e > s {
                out.append(Sentence(range: s..<max(e, ce), contentRange: s..<ce, removalRange: s..<max(e, ce)))
                lineStarts.append(sentenceLineStart)
            }
            start = nil
        }

        while i < n {
            let c = b[i]
            if !mask.isProse(at: i), let span = mask.span(containing: i), span.kind == .codeFence {
                finish(i, i)
                i = span.range.upperBound
                continue
            }
            if c == Bytes.newline {
                // Decide whether the line break ends the sentence.
                if start != nil, !isSoftWrap(b, i, lineStart: lineStartsAt) { finish(i, i) }
                i += 1
                lineStartsAt = i
                continue
            }
            if start == nil {
                if Bytes.isWhitespace(c) { i += 1; continue }
                if i == lineStartsAt || Bytes.skipSpacesBack(i, b) == lineStartsAt {
                    let m = listMarkerEnd(b, i)
                    if m > i { i = m; continue }
                }
                start = i
                sentenceLineStart = lineStartsAt
            }
            // Terminators.
            if c == 0x2E || c == 0x21 || c == 0x3F, mask.isProse(at: i) {
                var e = i + 1
                while e < n, b[e] == 0x2E || b[e] == 0x21 || b[e] == 0x3F { e += 1 }
                var after = e
                while after < n, b[after] == 0x22 || b[after] == 0x27 || b[after] == 0x29 || b[after] == 0x5D { after += 1 }
                if after < n, b[after] == 0xE2, Bytes.has3(0xE2, 0x80, 0x9D, at: after, in: b) || Bytes.has3(0xE2, 0x80, 0x99, at: after, in: b) { after += 3 }
                let atBoundary = after >= n || Bytes.isWhitespace(b[after])
                if atBoundary, !(c == 0x2E && e == i + 1 && isAbbreviation(b, i, start: start!)) {
                    finish(i, after)
                    i = after
                    continue
                }
                i = e
                continue
            }
            if c == 0xE3 || c == 0xEF {
                // 。(E3 80 82) ！(EF BC 81) ？(EF BC 9F)
                if Bytes.has3(0xE3, 0x80, 0x82, at: i, in: b) || Bytes.has3(0xEF, 0xBC, 0x81, at: i, in: b) || Bytes.has3(0xEF, 0xBC, 0x9F, at: i, in: b) {
                    var after = i + 3
                    // Closing 」』） after the terminator belong to the sentence.
                    while Bytes.has3(0xE3, 0x80, 0x8D, at: after, in: b) || Bytes.has3(0xE3, 0x80, 0x8F, at: after, in: b) { after += 3 }
                    finish(i, after)
                    i = after
                    continue
                }
            }
            i += 1
        }
        finish(n, n)

        // Removal ranges.
        for k in out.indices {
            let r = out[k].range
            var e = r.upperBound
            while e < n, Bytes.isSpace(b[e]) { e += 1 }
            let lineBegin = lineStarts[k]
            let restOfLineEmpty = e >= n || b[e] == Bytes.newline || b[e] == Bytes.cr
            let onlyMarkerBefore = listMarkerEnd(b, Bytes.skipSpaces(lineBegin, b)) >= Bytes.skipSpacesBack(r.lowerBound, b)
                || Bytes.skipSpacesBack(r.lowerBound, b) == lineBegin
            if restOfLineEmpty && onlyMarkerBefore && !out[k].range.isEmpty {
                var le = e
                if le < n, b[le] == Bytes.cr { le += 1 }
                if le < n, b[le] == Bytes.newline { le += 1 }
                out[k].removalRange = lineBegin..<le
            } else {
                // Last sentence of a line: take the blanks before it instead of after it.
                out[k].removalRange = restOfLineEmpty ? Bytes.skipSpacesBack(r.lowerBound, b)..<r.upperBound : r.lowerBound..<e
            }
        }
        return out
    }

    /// Every line of `b` without its newline (a final newline does not start an empty line).
    static func lineRanges(_ b: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        while start < b.count {
            let end = lineEnd(b, start)
            lines.append(start..<end)
            start = end + 1
        }
        return lines
    }

    /// The offset of the newline ending the line that contains `i` (or the text's end).
    static func lineEnd(_ b: [UInt8], _ i: Int) -> Int {
        var k = i
        while k < b.count, b[k] != Bytes.newline { k += 1 }
        return k
    }

    static func lineStart(_ b: [UInt8], _ i: Int) -> Int {
        var k = i
        while k > 0, b[k - 1] != Bytes.newline { k -= 1 }
        return k
    }

    /// End of a list marker at `i` (`- `, `* `, `+ `, `• `, `1. `, `1) `, `#… `, `> `), or `i`.
    static func listMarkerEnd(_ b: [UInt8], _ i: Int) -> Int {
        guard i < b.count else { return i }
        let c = b[i]
        if c == 0x2D || c == 0x2A || c == 0x2B || c == 0x3E {
            if i + 1 < b.count, Bytes.isSpace(b[i + 1]) { return Bytes.skipSpaces(i + 1, b) }
            return i
        }
        if Bytes.has3(0xE2, 0x80, 0xA2, at: i, in: b) { return Bytes.skipSpaces(i + 3, b) }
        if c == 0x23 {
            var j = i
            while j < b.count, b[j] == 0x23 { j += 1 }
            if j < b.count, Bytes.isSpace(b[j]) { return Bytes.skipSpaces(j, b) }
            return i
        }
        if Bytes.isDigit(c) {
            var j = i
            while j < b.count, Bytes.isDigit(b[j]), j - i < 3 { j += 1 }
            if j < b.count, b[j] == 0x2E || b[j] == 0x29, j + 1 < b.count, Bytes.isSpace(b[j + 1]) { return Bytes.skipSpaces(j + 1, b) }
        }
        return i
    }

    private static func isAbbreviation(_ b: [UInt8], _ dot: Int, start: Int) -> Bool {
        var k = dot
        while k > start, Bytes.isASCIILetter(b[k - 1]) || b[k - 1] == 0x2E { k -= 1 }
        if k == dot { return Bytes.isDigit(dot > 0 ? b[dot - 1] : 0) && dot + 1 < b.count && Bytes.isDigit(b[dot + 1]) }
        let word = String(decoding: Bytes.folded(Bytes.string(b, k..<dot)), as: UTF8.self)
        if abbreviations.contains(word) { return true }
        // A single capital letter (initials): "J. Smith".
        return dot - k == 1 && Bytes.isUpper(b[k])
    }

    private static func isSoftWrap(_ b: [UInt8], _ nl: Int, lineStart: Int) -> Bool {
        var last = nl
        while last > lineStart, Bytes.isWhitespace(b[last - 1]) { last -= 1 }
        guard last > lineStart else { return false }
        let lc = b[last - 1]
        if [0x2E, 0x21, 0x3F, 0x3A, 0x3B].contains(lc) { return false }
        if lc >= 0x80 { return false } // CJK punctuation or text: lines in Japanese are separate.
        var j = nl + 1
        while j < b.count, Bytes.isSpace(b[j]) { j += 1 }
        guard j < b.count, b[j] != Bytes.newline, b[j] != Bytes.cr else { return false }
        if listMarkerEnd(b, j) > j { return false }
        let c = b[j]
        if Bytes.isUpper(c) || [0x23, 0x7C, 0x60, 0x7E, 0x3D, 0x3C, 0x7B, 0x5B].contains(c) { return false }
        // Lines at the top of a list or heading block are separate.
        let first = Bytes.skipSpaces(lineStart, b)
        if listMarkerEnd(b, first) > first { return Bytes.isLower(c) }
        return Bytes.isLower(c) || Bytes.isDigit(c)
    }
}

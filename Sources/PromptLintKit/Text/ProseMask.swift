/// Which UTF-8 byte ranges of a prompt text are prose (the instruction's own words) and which are not.
///
/// Wording rules only report matches whose range lies fully inside prose.
///
/// Not prose:
/// - fenced code blocks: a line whose first non-blank characters are ≥ 3 backticks or tildes
///   (any info string, any indentation) up to the closing fence line with the same character and at
///   least the same length, or to the end of the text; the fence lines are included. A fence that
///   holds the prompt itself (``PromptFence``) is prose inside: only its fence lines are masked;
/// - inline code spans: a run of N backticks up to the next run of exactly N backticks in the same
///   paragraph (an unmatched run is literal text);
/// - Mustache/Handlebars tags `{{…}}`, `{{{…}}}`, `{{#x}}`, `{{/x}}` (the tags; text between
///   section tags is prose);
/// - `${x}` / `${x:default}` placeholders (to the matching brace);
/// - `{x}` single-brace placeholders: an identifier-like body (letters, digits, `_ . - : space`,
///   at most 64 bytes, no quotes or nested braces);
/// - JSON-looking objects: `{` whose first non-blank character is `"`, up to its matching `}`;
/// - XML/HTML-style tags `<x>`, `</x>`, `<x a="1">`, `<x/>` (the tag, not the element's content);
/// - `[PLACEHOLDER]`: brackets around ≥ 2 characters of capitals, digits, `_`, `-`, spaces;
/// - URLs starting `http://`, `https://` or `www.` up to whitespace (trailing `.,;:!?)` excluded);
/// - quoted example data, see below;
/// - the content of data elements: `<example>…</example>` and likewise `examples`, `sample(s)`,
///   `transcript`, `document(s)`, `input`, `data`, `context`, `article`, `email`, `conversation`, `dialogue`
///   (case-insensitive, attributes allowed): pasted material, not the author's instructions.
///
/// Quoted-data heuristic: a double-quoted span (`"…"` or `“…”`) or single-quoted span (`'…'`,
/// `‘…’`, opened after a non-letter and closed before a non-letter, so apostrophes never pair)
/// that closes within the same paragraph is **data** — an example, a literal the model must echo,
/// a label or a JSON string — and is masked. In prompts the instruction's own words are almost never
/// quoted, while examples after "e.g.", "such as", "like", "My first request is", JSON values and
/// labels always are; rewriting a quoted literal would change the requested output. The one
/// exception is a quote of more than 80 bytes that wraps an entire line or paragraph (the opening
/// quote is the line's first character and the closing quote its last, ignoring blanks): that is the instruction itself
/// pasted in quotes, so its inside stays prose (the quote marks themselves are masked).
public struct ProseMask: Sendable {
    public enum Kind: String, Sendable, Hashable {
        case codeFence, inlineCode, mustache, dollarPlaceholder, bracePlaceholder, json,
             xmlTag, bracketPlaceholder, url, quoted, dataElement
    }

    public struct Span: Sendable, Hashable {
        public var range: Range<Int>
        public var kind: Kind
    }

    /// Non-prose spans, sorted by start; they do not overlap.
    public private(set) var spans: [Span] = []
    /// One flag per UTF-8 byte.
    private var prose: [Bool]

    public init(_ text: String, promptFences: Bool = true) { self.init(bytes: Array(text.utf8), promptFences: promptFences) }

    init(bytes b: [UInt8], promptFences: Bool = true) {
        prose = [Bool](repeating: true, count: b.count)
        var found: [Span] = []
        Self.scanFences(b, in: 0..<b.count, promptFences: promptFences, into: &found)
        codeFences = found.map(\.range).sorted { $0.lowerBound < $1.lowerBound }
        // Mark fences first so the inline scanners skip them.
        var fenced = [Bool](repeating: false, count: b.count)
        for s in found { for k in s.range { fenced[k] = true } }
        Self.scanInline(b, fenced: fenced, into: &found)
        var data: [Span] = []
        Self.scanDataElements(b, found, into: &data)
        Self.scanExampleSections(b, fenced: fenced, into: &data)
        found.sort { $0.range.lowerBound < $1.range.lowerBound }
        // Drop spans nested in an earlier one.
        var merged: [Span] = []
        for s in found {
            if let last = merged.last, s.range.lowerBound < last.range.upperBound {
                if s.range.upperBound > last.range.upperBound {
                    merged[merged.count - 1].range = last.range.lowerBound..<s.range.upperBound
                }
                continue
            }
            merged.append(s)
        }
        // Data-element content is split around the spans inside it, so placeholders there stay visible.
        for d in data {
            var start = d.range.lowerBound
            for m in merged where m.range.overlaps(d.range) {
                if m.range.lowerBound > start { merged.append(Span(range: start..<m.range.lowerBound, kind: .dataElement)) }
                start = max(start, m.range.upperBound)
            }
            if start < d.range.upperBound { merged.append(Span(range: start..<d.range.upperBound, kind: .dataElement)) }
        }
        merged.sort { $0.range.lowerBound < $1.range.lowerBound }
        spans = merged
        for s in merged { for k in s.range { prose[k] = false } }
    }

    /// True if every byte of `range` is prose (an empty range is prose if its position is).
    public func isProse(_ range: Range<Int>) -> Bool {
        if range.isEmpty { return range.lowerBound >= prose.count || range.lowerBound == 0 || prose[min(range.lowerBound, prose.count - 1)] }
        guard range.lowerBound >= 0, range.upperBound <= prose.count else { return false }
        for k in range where !prose[k] { return false }
        return true
    }

    /// True if byte `i` is prose.
    public func isProse(at i: Int) -> Bool { i >= 0 && i < prose.count && prose[i] }

    /// The non-prose span containing byte `i`, if any (binary search).
    /// Fenced code blocks exactly as found (fence lines included), before merging with other spans:
    /// a quote that opens before a fence must not hide it.
    public private(set) var codeFences: [Range<Int>] = []

    /// True when byte `i` is inside a fenced code block.
    public func isInCodeFence(_ i: Int) -> Bool {
        let k = codeFences.partitioningIndex { $0.upperBound > i }
        return k < codeFences.count && codeFences[k].contains(i)
    }

    public func span(containing i: Int) -> Span? {
        let k = spans.partitioningIndex { $0.range.upperBound > i }
        return k < spans.count && spans[k].range.contains(i) ? spans[k] : nil
    }

    /// Spans of the given kinds.
    public func spans(of kinds: Set<Kind>) -> [Span] { spans.filter { kinds.contains($0.kind) } }

    // MARK: - Data elements

    static let dataElementNames: Set<String> = [
        "example", "examples", "sample", "samples", "transcript", "document", "documents", "input", "data", "context",
        "article", "email", "conversation", "dialogue", "dialog",
    ]

    /// `<example …>` … `</example>`: the content between a data tag and its closing tag.
    /// Example sections are data, not instructions: a block from a line starting with `EXAMPLE`
    /// (upper case) to a line starting with `END EXAMPLE`, or the body of a Markdown heading named
    /// Example(s) / Sample(s) / Example input / Example output, up to the next heading of the same
    /// or a higher level.
    static func scanExampleSections(_ b: [UInt8], fenced: [Bool], into out: inout [Span]) {
        let lines = SentenceSplitter.lineRanges(b)
        func text(_ line: Range<Int>) -> String { String(decoding: b[line], as: UTF8.self).trimmingWhitespace() }
        func headingLevel(_ line: String) -> Int { line.prefix(while: { $0 == "#" }).count }
        let headingNames: Set<String> = ["EXAMPLE", "EXAMPLES", "SAMPLE", "SAMPLES", "EXAMPLE INPUT", "EXAMPLE OUTPUT",
                                         "EXAMPLE INPUTS", "EXAMPLE OUTPUTS", "OUTPUT EXAMPLE", "OUTPUT EXAMPLES"]
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard !line.isEmpty, line.lowerBound < fenced.count, !fenced[line.lowerBound] else { index += 1; continue }
            // Only lines starting with "#", "E" or "B" can open a section; decoding every line cost more than the rest.
            let firstByte = b[Bytes.skipSpaces(line.lowerBound, b) < line.upperBound ? Bytes.skipSpaces(line.lowerBound, b) : line.lowerBound]
            guard firstByte == 0x23 || firstByte == 0x45 || firstByte == 0x42 else { index += 1; continue }
            let trimmed = text(line)
            let level = headingLevel(trimmed)
            let title = Substring(String(trimmed.dropFirst(level)).trimmingWhitespace()).trimmingCharacters(in: ":")
            var endLine: Int?
            if level == 0, trimmed.hasPrefix("EXAMPLE") || trimmed.hasPrefix("BEGIN EXAMPLE") {
                endLine = lines[(index + 1)...].firstIndex { text($0).hasPrefix("END EXAMPLE") }
            } else if level > 0, headingNames.contains(title.uppercased()) || isExampleTitle(String(title)) {
                endLine = lines[(index + 1)...].firstIndex { candidate in
                    let other = headingLevel(text(candidate))
                    return other > 0 && other <= level
                } ?? lines.count
            }
            if let endLine, endLine > index + 1 {
                // `EXAMPLE` … `END EXAMPLE` markers are data too: they are not instructions, and a rule
                // that deleted the end marker as a "repeat" of the start would expose the example to rewrites.
                let bodyStart = level == 0 ? line.lowerBound : lines[index + 1].lowerBound
                let bodyEnd = endLine < lines.count ? (level == 0 ? lines[endLine].upperBound : lines[endLine].lowerBound) : b.count
                if bodyStart < bodyEnd { out.append(Span(range: bodyStart..<bodyEnd, kind: .dataElement)) }
                index = endLine
                continue
            }
            index += 1
        }
    }

    /// "Input sample", "Sample conversation", "Example transcript": up to three words, naming a sample
    /// (first or last word) of some data. "Examples of tone" is about examples, not one.
    static func isExampleTitle(_ title: String) -> Bool {
        let words = title.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        let names: Set<String> = ["example", "examples", "sample", "samples", "transcript", "transcripts"]
        let data: Set<String> = ["input", "inputs", "output", "outputs", "data", "text", "conversation", "conversations",
                                 "transcript", "transcripts", "response", "responses", "dialogue", "email", "document"]
        guard (2...3).contains(words.count) else { return false }
        if let last = words.last, names.contains(last), words.dropLast().allSatisfy(data.contains) { return true }
        return names.contains(words[0]) && words.dropFirst().allSatisfy(data.contains)
    }

    private static func scanDataElements(_ b: [UInt8], _ spans: [Span], into out: inout [Span]) {
        let tags = spans.filter { $0.kind == .xmlTag }.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var k = 0
        while k < tags.count {
            let (name, closing) = tagName(b, tags[k].range)
            guard !closing, dataElementNames.contains(name) else { k += 1; continue }
            var depth = 1
            var m = k + 1
            while m < tags.count {
                let (n2, c2) = tagName(b, tags[m].range)
                if n2 == name { depth += c2 ? -1 : 1; if depth == 0 { break } }
                m += 1
            }
            guard m < tags.count else { k += 1; continue }
            let inner = tags[k].range.upperBound..<tags[m].range.lowerBound
            if !inner.isEmpty { out.append(Span(range: inner, kind: .dataElement)) }
            k = m + 1
        }
    }

    private static func tagName(_ b: [UInt8], _ r: Range<Int>) -> (String, Bool) {
        var j = r.lowerBound + 1
        let closing = j < r.upperBound && b[j] == 0x2F
        if closing { j += 1 }
        let s = j
        while j < r.upperBound, Bytes.isASCIIAlnum(b[j]) || b[j] == 0x5F || b[j] == 0x2D { j += 1 }
        return (String(decoding: Bytes.folded(Bytes.string(b, s..<j)), as: UTF8.self), closing)
    }

    // MARK: - Fenced code

    /// Fenced blocks of `b[range]`, outermost only, with what `PromptFence` needs to judge them.
    static func fenceBlocks(_ b: [UInt8], in range: Range<Int>) -> [PromptFence.Block] {
        var blocks: [PromptFence.Block] = []
        var lineStart = range.lowerBound
        var open: (start: Int, lineEnd: Int, char: UInt8, count: Int, info: String)? = nil
        while lineStart < range.upperBound {
            var lineEnd = lineStart
            while lineEnd < range.upperBound, b[lineEnd] != Bytes.newline { lineEnd += 1 }
            let next = lineEnd < range.upperBound ? lineEnd + 1 : lineEnd
            let j = Bytes.skipSpaces(lineStart, b)
            if j < lineEnd, b[j] == 0x60 || b[j] == 0x7E {
                let c = b[j]
                var n = j
                while n < lineEnd, b[n] == c { n += 1 }
                let count = n - j
                if count >= 3 {
                    if let o = open {
                        let rest = Bytes.skipSpaces(n, b)
                        if c == o.char, count >= o.count, rest >= lineEnd || b[rest] == Bytes.cr {
                            blocks.append(PromptFence.Block(range: o.start..<lineEnd, openingLineEnd: o.lineEnd, closingLineStart: lineStart, info: o.info))
                            open = nil
                        }
                    } else {
                        // A backtick fence's info string may not contain backticks.
                        var ok = true
                        if c == 0x60 { for k in n..<lineEnd where b[k] == 0x60 { ok = false; break } }
                        if ok {
                            var infoEnd = Bytes.skipSpaces(n, b)
                            let infoStart = infoEnd
                            while infoEnd < lineEnd, !Bytes.isWhitespace(b[infoEnd]), b[infoEnd] != 0x7B { infoEnd += 1 }
                            let info = String(decoding: Bytes.folded(String(decoding: b[infoStart..<infoEnd], as: UTF8.self)), as: UTF8.self)
                            open = (lineStart, lineEnd, c, count, info)
                        }
                    }
                }
            }
            lineStart = next
        }
        // An unclosed fence runs to the end of the text, except a bare tilde line (`~~~~~`),
        // which in prompts is decoration, not an opening fence.
        if let o = open {
            var k = Bytes.skipSpaces(o.start, b)
            while k < o.lineEnd, b[k] == o.char { k += 1 }
            let bare = Bytes.skipSpaces(k, b) >= o.lineEnd || b[Bytes.skipSpaces(k, b)] == Bytes.cr
            if !(o.char == 0x7E && bare) {
                blocks.append(PromptFence.Block(range: o.start..<range.upperBound, openingLineEnd: o.lineEnd, closingLineStart: nil, info: o.info))
            }
        }
        return blocks
    }

    /// Code fences as non-prose spans. A fence that holds the prompt (`PromptFence`, unless
    /// `promptFences` is off) contributes only its two fence lines, and its content is scanned again
    /// for the code fences inside it.
    private static func scanFences(_ b: [UInt8], in range: Range<Int>, promptFences: Bool, into out: inout [Span]) {
        let blocks = fenceBlocks(b, in: range)
        var substance: Int?
        func textSubstance() -> Int {
            if let substance { return substance }
            let counted = PromptFence.nonBlankCount(b, 0..<b.count)
            substance = counted
            return counted
        }
        for block in blocks {
            guard promptFences, PromptFence.isPrompt(block, in: b, fenceCount: blocks.count, textSubstance: textSubstance) else {
                out.append(Span(range: block.range, kind: .codeFence))
                continue
            }
            out.append(Span(range: block.range.lowerBound..<block.openingLineEnd, kind: .codeFence))
            if let closing = block.closingLineStart, closing < block.range.upperBound {
                out.append(Span(range: closing..<block.range.upperBound, kind: .codeFence))
            }
            scanFences(b, in: block.content, promptFences: false, into: &out)
        }
    }

    // MARK: - Inline constructs

    private static let http = Array("http://".utf8), https = Array("https://".utf8), www = Array("www.".utf8)

    private static func scanInline(_ b: [UInt8], fenced: [Bool], into out: inout [Span]) {
        var i = 0
        let n = b.count
        while i < n {
            if fenced[i] { i += 1; continue }
            let c = b[i]
            switch c {
            case 0x60: // `
                var r = i
                while r < n, b[r] == 0x60 { r += 1 }
                let run = r - i
                if let close = findBacktickClose(b, from: r, run: run, fenced: fenced) {
                    out.append(Span(range: i..<close, kind: .inlineCode)); i = close
                } else { i = r }
                continue
            case 0x7B: // {
                if i + 1 < n, b[i + 1] == 0x7B, let e = mustacheEnd(b, i) {
                    out.append(Span(range: i..<e, kind: .mustache)); i = e; continue
                }
                if let e = jsonObjectEnd(b, i, fenced: fenced) {
                    out.append(Span(range: i..<e, kind: .json)); i = e; continue
                }
                if let e = bracePlaceholderEnd(b, i) {
                    out.append(Span(range: i..<e, kind: .bracePlaceholder)); i = e; continue
                }
            case 0x24: // $
                if i + 1 < n, b[i + 1] == 0x7B, let e = matchingBrace(b, i + 1, limit: 8000) {
                    out.append(Span(range: i..<e, kind: .dollarPlaceholder)); i = e; continue
                }
            case 0x3C: // <
                if let e = xmlTagEnd(b, i) { out.append(Span(range: i..<e, kind: .xmlTag)); i = e; continue }
            case 0x5B: // [
                if let e = bracketPlaceholderEnd(b, i) { out.append(Span(range: i..<e, kind: .bracketPlaceholder)); i = e; continue }
            case 0x68, 0x77, 0x48, 0x57: // h w
                if Bytes.isWordStart(i, in: b),
                   Bytes.hasFolded(https, at: i, in: b) || Bytes.hasFolded(http, at: i, in: b) || Bytes.hasFolded(www, at: i, in: b) {
                    var e = i
                    while e < n, !Bytes.isWhitespace(b[e]), b[e] != 0x22, b[e] != 0x3C, b[e] != 0x3E, b[e] != 0x60, !fenced[e] { e += 1 }
                    while e > i, [0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x27].contains(b[e - 1]) { e -= 1 }
                    out.append(Span(range: i..<e, kind: .url)); i = e; continue
                }
            case 0x22, 0x27, 0xE2: // " ' and curly quotes
                if let (spans, e) = quoted(b, i, fenced: fenced) {
                    out.append(contentsOf: spans); i = e; continue
                }
            default: break
            }
            i += 1
        }
    }

    private static func findBacktickClose(_ b: [UInt8], from: Int, run: Int, fenced: [Bool]) -> Int? {
        var j = from
        while j < b.count {
            if fenced[j] { return nil }
            if b[j] == Bytes.newline {
                // A blank line ends the paragraph.
                var k = j + 1
                while k < b.count, Bytes.isSpace(b[k]) || b[k] == Bytes.cr { k += 1 }
                if k >= b.count || b[k] == Bytes.newline { return nil }
            }
            if b[j] == 0x60 {
                var r = j
                while r < b.count, b[r] == 0x60 { r += 1 }
                if r - j == run { return r }
                j = r; continue
            }
            j += 1
        }
        return nil
    }

    private static func mustacheEnd(_ b: [UInt8], _ i: Int) -> Int? {
        var j = i + 2
        let limit = min(b.count, i + 2000)
        while j + 1 < limit {
            if b[j] == 0x7D, b[j + 1] == 0x7D {
                var e = j + 2
                if e < b.count, b[e] == 0x7D, i + 2 < b.count, b[i + 2] == 0x7B { e += 1 }
                return e
            }
            j += 1
        }
        return nil
    }

    /// End (exclusive) of the `}` matching the `{` at `i`, ignoring braces in JSON strings.
    private static func matchingBrace(_ b: [UInt8], _ i: Int, limit: Int) -> Int? {
        var depth = 0, j = i, inString = false
        let end = min(b.count, i + limit)
        while j < end {
            let c = b[j]
            if inString {
                if c == 0x5C { j += 2; continue }
                if c == 0x22 { inString = false }
            } else if c == 0x22 { inString = true }
            else if c == 0x7B { depth += 1 }
            else if c == 0x7D { depth -= 1; if depth == 0 { return j + 1 } }
            j += 1
        }
        return nil
    }

    private static func jsonObjectEnd(_ b: [UInt8], _ i: Int, fenced: [Bool]) -> Int? {
        var j = i + 1
        while j < b.count, Bytes.isWhitespace(b[j]) { j += 1 }
        guard j < b.count, b[j] == 0x22 else { return nil }
        guard let e = matchingBrace(b, i, limit: 20_000) else { return nil }
        for k in i..<e where fenced[k] { return nil }
        return e
    }

    private static func bracePlaceholderEnd(_ b: [UInt8], _ i: Int) -> Int? {
        var j = i + 1
        let limit = min(b.count, i + 66)
        var letters = 0
        while j < limit {
            let c = b[j]
            if c == 0x7D { return letters > 0 && Bytes.isSpace(b[i + 1]) == false ? j + 1 : nil }
            if Bytes.isASCIIAlnum(c) || c == 0x5F || c == 0x2E || c == 0x2D || c == 0x3A || c == Bytes.space || c >= 0x80 {
                if Bytes.isASCIILetter(c) || c >= 0x80 { letters += 1 }
                j += 1; continue
            }
            return nil
        }
        return nil
    }

    private static func xmlTagEnd(_ b: [UInt8], _ i: Int) -> Int? {
        var j = i + 1
        if j < b.count, b[j] == 0x2F { j += 1 }
        guard j < b.count, Bytes.isASCIILetter(b[j]) else { return nil }
        while j < b.count, Bytes.isASCIIAlnum(b[j]) || b[j] == 0x5F || b[j] == 0x2D || b[j] == 0x3A || b[j] == 0x2E { j += 1 }
        let limit = min(b.count, i + 500)
        var inQuote: UInt8 = 0
        while j < limit {
            let c = b[j]
            if inQuote != 0 { if c == inQuote { inQuote = 0 } }
            else if c == 0x22 || c == 0x27 { inQuote = c }
            else if c == 0x3E { return j + 1 }
            else if c == 0x3C || c == Bytes.newline { return nil }
            else if j == i + 1 { return nil }
            j += 1
        }
        return nil
    }

    private static func bracketPlaceholderEnd(_ b: [UInt8], _ i: Int) -> Int? {
        var j = i + 1
        var letters = 0
        let limit = min(b.count, i + 80)
        while j < limit {
            let c = b[j]
            if c == 0x5D { return letters >= 1 && j - i - 1 >= 2 ? j + 1 : nil }
            if Bytes.isUpper(c) { letters += 1 } else if !(Bytes.isDigit(c) || c == 0x5F || c == 0x2D || c == Bytes.space) { return nil }
            j += 1
        }
        return nil
    }

    // MARK: - Quotes

    private static let leftDouble: [UInt8] = [0xE2, 0x80, 0x9C], rightDouble: [UInt8] = [0xE2, 0x80, 0x9D]
    private static let leftSingle: [UInt8] = [0xE2, 0x80, 0x98], rightSingle: [UInt8] = [0xE2, 0x80, 0x99]

    /// Returns the masked spans for a quote opening at `i` and the offset to resume at.
    private static func quoted(_ b: [UInt8], _ i: Int, fenced: [Bool]) -> ([Span], Int)? {
        let open: [UInt8], closes: [[UInt8]], single: Bool
        if b[i] == 0x22 { open = [0x22]; closes = [[0x22]]; single = false }
        else if b[i] == 0x27 { open = [0x27]; closes = [[0x27]]; single = true }
        else if Bytes.has(leftDouble, at: i, in: b) { open = leftDouble; closes = [rightDouble, [0x22]]; single = false }
        else if Bytes.has(leftSingle, at: i, in: b) { open = leftSingle; closes = [rightSingle]; single = true }
        else { return nil }
        // Single quotes only open after a non-word character, so apostrophes never start a quote.
        if single, !Bytes.isWordStart(i, in: b) { return nil }
        let bodyStart = i + open.count
        guard bodyStart < b.count, !Bytes.isWhitespace(b[bodyStart]) || !single else { return nil }
        var j = bodyStart
        let limit = min(b.count, i + (single ? 200 : 20_000))
        while j < limit {
            if fenced[j] { return nil }
            if b[j] == Bytes.newline {
                var k = j + 1
                while k < b.count, Bytes.isSpace(b[k]) || b[k] == Bytes.cr { k += 1 }
                if k >= b.count || b[k] == Bytes.newline { return nil }
                if single { return nil }
            }
            for c in closes where Bytes.has(c, at: j, in: b) {
                let e = j + c.count
                if single {
                    // A closing single quote must not be an apostrophe inside a word (don't).
                    if !Bytes.isWordEnd(e, in: b) { break }
                    if j == bodyStart { return nil }
                }
                if wrapsParagraph(b, i, e) {
                    return ([Span(range: i..<bodyStart, kind: .quoted), Span(range: j..<e, kind: .quoted)], bodyStart)
                }
                return ([Span(range: i..<e, kind: .quoted)], e)
            }
            j += 1
        }
        return nil
    }

    /// The quote opens its line (after blanks) and closes it, and is long enough to be an instruction.
    private static func wrapsParagraph(_ b: [UInt8], _ s: Int, _ e: Int) -> Bool {
        let k = Bytes.skipSpacesBack(s, b)
        let startsLine = k == 0 || b[k - 1] == Bytes.newline
        var m = e
        while m < b.count, Bytes.isSpace(b[m]) || b[m] == Bytes.cr { m += 1 }
        let endsLine = m >= b.count || b[m] == Bytes.newline
        return startsLine && endsLine && e - s > 80 && !followsAnExampleIntroduction(b, k)
    }

    /// The line before `lineStart` (skipping blank lines) introduces examples ("e.g.:", "For example:",
    /// "such as:"): a quoted line after it is an example, not the instruction pasted in quotes.
    private static func followsAnExampleIntroduction(_ b: [UInt8], _ lineStart: Int) -> Bool {
        var end = lineStart
        while end > 0, Bytes.isWhitespace(b[end - 1]) { end -= 1 }
        guard end > 0, b[end - 1] == 0x3A || b[end - 1] == 0x2C else { return false }
        let start = SentenceSplitter.lineStart(b, end)
        let line = Bytes.folded(Bytes.string(b, start..<end))
        return ["e.g.", "eg.", "example", "for instance", "such as", "like:", "i.e."].contains { Bytes.contains(Array($0.utf8), in: line) }
    }
}

/// Finds instructions said twice, within a message or across a template's messages.
///
/// Sentences (``SentenceSplitter``: English/Japanese/Spanish punctuation, bullet lines) are
/// normalised: lowercased, punctuation and stop words (all packs) dropped, light stemming
/// (`-'s -ing -ed -es -s -ly`), Japanese split into kana/kanji bigrams. Two sentences with at least
/// 4 content words whose content-word sets have Jaccard similarity ≥ 0.8 are reported (identical
/// sentences have 1.0), when they agree in polarity and state the same numbers ("a score between
/// 80% and 90%" and "between 50% and 80%" are two instructions). Which repetitions `RepeatedInstructionRule` deletes is the rule's call.
public struct RepeatedInstruction: Sendable, Hashable {
    public struct Location: Sendable, Hashable {
        public var messageIndex: Int
        public var range: Range<Int>
        public var text: String
    }
    public var first: Location
    public var second: Location
    public var similarity: Double
}

public enum RepeatedInstructionAnalyzer {
    public static let threshold = 0.8
    public static let minimumContentWords = 4

    public static func repetitions(in texts: [String]) -> [RepeatedInstruction] { repetitions(in: texts.map { PromptText($0) }) }

    // Swift 6.3.1's optimizer crashes on this function ("Found ownership error" in CopyPropagation)
    // in release builds; until the compiler is fixed it is compiled without optimization.
    @_optimize(none)
    public static func repetitions(in texts: [PromptText]) -> [RepeatedInstruction] {
        struct Item { var loc: RepeatedInstruction.Location; var set: [Int]; var negated: Bool; var numbers: [Int]; var listItem: Bool
                      var firstLine: Int; var lastLine: Int }
        var items: [Item] = []
        for (mi, t) in texts.enumerated() {
            // Newline offsets, once per message: the parallel-list test below compares line numbers
            // instead of counting newlines between every candidate pair (quadratic on long prompts).
            var newlineOffsets: [Int] = []
            for (offset, byte) in t.bytes.enumerated() where byte == Bytes.newline { newlineOffsets.append(offset) }
            func line(_ offset: Int) -> Int { newlineOffsets.partitioningIndex { $0 >= offset } }
            for s in t.sentences where !looksLikeCode(t.bytes, s.contentRange) && !isLabel(t.bytes, s.contentRange)
                && !isFillInTemplate(t.bytes, s.contentRange) {
                let (set, negated, numbers) = content(t, s)
                guard set.count >= minimumContentWords else { continue }
                let lineText = Bytes.skipSpaces(SentenceSplitter.lineStart(t.bytes, s.range.lowerBound), t.bytes)
                items.append(Item(loc: .init(messageIndex: mi, range: s.range, text: t.string(s.range)), set: set, negated: negated,
                                  numbers: numbers, listItem: SentenceSplitter.listMarkerEnd(t.bytes, lineText) > lineText,
                                  firstLine: line(s.range.lowerBound), lastLine: line(s.range.upperBound)))
            }
        }
        // Prefix filtering (set-similarity join): with elements in one global order (hash value),
        // two sets with Jaccard ≥ t share an element among the first |S| - ⌈t·|S|⌉ + 1 of each.
        var out: [RepeatedInstruction] = []
        var index: [Int: [Int]] = [:]
        var seen = [Int](repeating: -1, count: items.count)
        for c in 0..<items.count {
            let y = items[c].set
            let prefix = y.count - Int((threshold * Double(y.count)).rounded(.up)) + 1
            for e in y.prefix(prefix) {
                for a in index[e, default: []] where seen[a] != c {
                    seen[a] = c
                    // "Do X" and "Do not X" are opposite instructions, not repeats.
                    if items[a].negated != items[c].negated { continue }
                    // Different figures make different instructions (tiers, ranges, steps).
                    if items[a].numbers != items[c].numbers { continue }
                    let x = items[a].set
                    if Double(min(x.count, y.count)) < threshold * Double(max(x.count, y.count)) { continue }
                    let inter = intersectionCount(x, y)
                    let j = Double(inter) / Double(x.count + y.count - inter)
                    // Near-identical lines of the same shape next to each other are a parallel list ("the
                    // first party's arguments", "the second party's arguments"), not one instruction said twice.
                    if j < 1, items[a].loc.messageIndex == items[c].loc.messageIndex, items[a].listItem == items[c].listItem,
                       items[c].firstLine - items[a].lastLine <= 3 { continue }
                    if j >= threshold { out.append(RepeatedInstruction(first: items[a].loc, second: items[c].loc, similarity: j)) }
                }
            }
            for e in y.prefix(prefix) { index[e, default: []].append(c) }
        }
        // Each later sentence is reported once, against its earliest look-alike.
        var firstFor: [RepeatedInstruction.Location: RepeatedInstruction] = [:]
        for r in out {
            if let have = firstFor[r.second], (have.first.messageIndex, have.first.range.lowerBound) <= (r.first.messageIndex, r.first.range.lowerBound) { continue }
            firstFor[r.second] = r
        }
        out = Array(firstFor.values)
        out.sort { ($0.second.messageIndex, $0.second.range.lowerBound, $0.first.messageIndex, $0.first.range.lowerBound)
                 < ($1.second.messageIndex, $1.second.range.lowerBound, $1.first.messageIndex, $1.first.range.lowerBound) }
        return out
    }

    /// A heading or a label that ends in ":" ("Common examples that meet this criteria:") introduces
    /// content; repeated before each block, it is structure, not an instruction.
    static func isLabel(_ b: [UInt8], _ r: Range<Int>) -> Bool {
        let end = Bytes.skipSpacesBack(r.upperBound, b)
        if end > r.lowerBound, b[end - 1] == 0x3A { return true }
        let lineStart = SentenceSplitter.lineStart(b, r.lowerBound)
        return Bytes.skipSpaces(lineStart, b) < b.count && b[Bytes.skipSpaces(lineStart, b)] == 0x23
    }

    /// A line with a blank to fill in ("This book was chosen because _________.") is an output
    /// template: shown again under each section, it says what every section holds, not the same
    /// instruction twice.
    static func isFillInTemplate(_ b: [UInt8], _ r: Range<Int>) -> Bool {
        var k = SentenceSplitter.lineStart(b, r.lowerBound)
        var run = 0
        while k < b.count, b[k] != Bytes.newline {
            run = b[k] == 0x5F ? run + 1 : 0
            if run >= 3 { return true }
            k += 1
        }
        return false
    }

    static let negations: Set<String> = ["not", "no", "never", "don't", "doesn't", "can't", "cannot", "won't", "without",
                                         "avoid", "nunca", "ni", "sin", "ない", "ず", "禁止"]

    /// Code, markup and data lines are not instructions: `{ } ; = < >` or a high share of punctuation.
    static func looksLikeCode(_ b: [UInt8], _ r: Range<Int>) -> Bool {
        // Markdown table rows repeat headers by design; JSON members ("key": …), array brackets and
        // `//` comments belong to a schema, where deleting one line breaks the block.
        if let f = r.first, b[f] == 0x7C || b[f] == 0x22 || b[f] == 0x5B || b[f] == 0x5D || (b[f] == 0x2F && r.count > 1 && b[f + 1] == 0x2F) { return true }
        var punct = 0, letters = 0
        for k in r {
            let c = b[k]
            if c == 0x7B || c == 0x7D || c == 0x3B || c == 0x3D || c == 0x3C || c == 0x3E || c == 0x26 || c == 0x5C { return true }
            if c >= 0x80 || Bytes.isASCIILetter(c) { letters += 1 } else if !Bytes.isWhitespace(c) && !Bytes.isDigit(c) { punct += 1 }
        }
        return punct * 8 > letters
    }

    private static func intersectionCount(_ x: [Int], _ y: [Int]) -> Int {
        var i = 0, j = 0, n = 0
        while i < x.count, j < y.count {
            if x[i] == y[j] { n += 1; i += 1; j += 1 } else if x[i] < y[j] { i += 1 } else { j += 1 }
        }
        return n
    }

    static let stopWords: Set<String> = PhrasePack.all.reduce(into: Set<String>()) { $0.formUnion($1.stopWords) }
    static let stopHashes = Set(stopWords.map(Bytes.fnv))

    /// Sorted hashes of the sentence's normalised content words.
    static func contentSet(_ t: PromptText, _ s: Sentence) -> [Int] { content(t, s).set }

    static let negationHashes = Set(negations.map(Bytes.fnv))

    /// Sorted hashes of the normalised content words, whether the sentence is negated, and the
    /// hashes of its numbers in order.
    static func content(_ t: PromptText, _ s: Sentence) -> (set: [Int], negated: Bool, numbers: [Int]) {
        var negated = false
        var words: [Int] = []
        var numbers: [Int] = []
        var prevCJK: UInt64? = nil
        var prevEnd = -1
        // Quoted and placeholder text counts too ("a section called \"SUMMARY\"" ≠ "… \"IDEAS\"").
        for tok in t.proseTokens(s.contentRange, includeQuoted: true) {
            let u = tok.lower.utf8
            let h = Bytes.fnv(tok.lower)
            if let f = u.first, f >= 0xE3, u.count <= 4 {
                // One kana/kanji: bigrams with the previous one.
                if stopHashes.contains(h) { prevCJK = nil; continue }
                if let p = prevCJK, prevEnd == tok.range.lowerBound { words.append(Int(truncatingIfNeeded: (p &* 31) ^ h)) }
                prevCJK = h
                prevEnd = tok.range.upperBound
                continue
            }
            prevCJK = nil
            if negationHashes.contains(h) { negated = true }
            if tok.isNumber { numbers.append(Int(truncatingIfNeeded: h)); continue }
            if u.count < 2 || stopHashes.contains(h) { continue }
            words.append(Int(truncatingIfNeeded: stemHash(tok.lower)))
        }
        words.sort()
        var unique: [Int] = []
        unique.reserveCapacity(words.count)
        for w in words where unique.last != w { unique.append(w) }
        return (unique, negated, numbers)
    }

    /// Hash of the light stem (same bytes as ``stem(_:)``), without allocating.
    static func stemHash(_ w: String) -> UInt64 {
        var w = w
        return w.withUTF8 { u -> UInt64 in
            let n = stemLength(u)
            var h = Bytes.fnvOffset
            for k in 0..<n { h = (h ^ UInt64(u[k])) &* Bytes.fnvPrime }
            return h
        }
    }

    /// Length of the light stem of lowercase UTF-8 bytes: strips 's, then one of -ing -ed -es -ly -s (not -ss)
    /// from long enough words.
    static func stemLength(_ u: UnsafeBufferPointer<UInt8>) -> Int {
        var n = u.count
        if n > 2, u[n - 2] == 0x27, u[n - 1] == 0x73 { n -= 2 }
        func ends(_ x: StaticString) -> Bool {
            let c = x.utf8CodeUnitCount
            guard n >= c else { return false }
            for k in 0..<c where u[n - c + k] != x.utf8Start[k] { return false }
            return true
        }
        if n >= 6, ends("ing") { return n - 3 }
        if n >= 5, ends("ed") || ends("es") || ends("ly") { return n - 2 }
        if n >= 4, ends("s"), !ends("ss") { return n - 1 }
        return n
    }

    static func stem(_ w: String) -> String {
        var w = w
        return w.withUTF8 { u in String(decoding: UnsafeBufferPointer(rebasing: u[0..<stemLength(u)]), as: UTF8.self) }
    }
}

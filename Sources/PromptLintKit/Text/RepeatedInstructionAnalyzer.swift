/// Finds instructions said twice, within a message or across a template's messages.
///
/// Sentences (``SentenceSplitter``: English/Japanese/Spanish punctuation, bullet lines) are
/// normalised: lowercased, punctuation and stop words (all packs) dropped, light stemming
/// (`-'s -ing -ed -es -s -ly`), Japanese split into kana/kanji bigrams. Two sentences with at least
/// 4 content words whose content-word sets have Jaccard similarity ≥ 0.8 are reported (identical
/// sentences have 1.0). No fix: which copy to keep is the author's call.
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

public enum RepeatedInstructionAnalyzer: TextAnalyzer {
    public static let identifier = "repeated-instruction"
    public static let threshold = 0.8
    public static let minimumContentWords = 4

    /// Single message: each repetition as a match on the second copy, `relatedRange` = first copy.
    public static func analyze(_ t: PromptText) -> [TextMatch] {
        repetitions(in: [t]).map { r in
            t.match(r.second.range, "Repeats an earlier instruction (\"\(r.first.text)\"); say it once.",
                    code: "repeated", language: t.languages.first ?? .english, related: r.first.range)
        }
    }

    public static func repetitions(in texts: [String]) -> [RepeatedInstruction] { repetitions(in: texts.map(PromptText.init)) }

    public static func repetitions(in texts: [PromptText]) -> [RepeatedInstruction] {
        struct Item { var loc: RepeatedInstruction.Location; var set: [Int] }
        var items: [Item] = []
        for (mi, t) in texts.enumerated() {
            for s in t.sentences {
                let set = contentSet(t, s)
                guard set.count >= minimumContentWords else { continue }
                items.append(Item(loc: .init(messageIndex: mi, range: s.range, text: t.string(s.range)), set: set))
            }
        }
        var out: [RepeatedInstruction] = []
        for a in 0..<items.count {
            for c in (a + 1)..<max(a + 1, items.count) {
                let x = items[a].set, y = items[c].set
                // Jaccard ≥ 0.8 needs the smaller set to be ≥ 0.8 × the larger.
                if Double(min(x.count, y.count)) < threshold * Double(max(x.count, y.count)) { continue }
                let inter = intersectionCount(x, y)
                let j = Double(inter) / Double(x.count + y.count - inter)
                if j >= threshold { out.append(RepeatedInstruction(first: items[a].loc, second: items[c].loc, similarity: j)) }
            }
        }
        return out
    }

    private static func intersectionCount(_ x: [Int], _ y: [Int]) -> Int {
        var i = 0, j = 0, n = 0
        while i < x.count, j < y.count {
            if x[i] == y[j] { n += 1; i += 1; j += 1 } else if x[i] < y[j] { i += 1 } else { j += 1 }
        }
        return n
    }

    static let stopWords: Set<String> = PhrasePack.all.reduce(into: Set<String>()) { $0.formUnion($1.stopWords) }

    /// Sorted hashes of the sentence's normalised content words.
    static func contentSet(_ t: PromptText, _ s: Sentence) -> [Int] {
        var words = Set<String>()
        var prevCJK: String? = nil
        for tok in t.proseTokens(s.contentRange) {
            let w = tok.lower
            if let sc = w.unicodeScalars.first, w.unicodeScalars.count == 1, Bytes.isCJK(sc) {
                if stopWords.contains(w) { prevCJK = nil; continue }
                if let p = prevCJK, tok.range.lowerBound == t.bytes.index(before: tok.range.lowerBound) + 1 { words.insert(p + w) }
                prevCJK = w
                continue
            }
            prevCJK = nil
            if stopWords.contains(w) { continue }
            words.insert(stem(w))
        }
        return words.map { $0.hashValue }.sorted()
    }

    static func stem(_ w: String) -> String {
        var s = w
        if s.hasSuffix("'s") { s.removeLast(2) }
        for (suffix, minLen) in [("ing", 6), ("ed", 5), ("es", 5), ("ly", 5), ("s", 4)] where s.count >= minLen && s.hasSuffix(suffix) {
            if suffix == "s", s.hasSuffix("ss") { break }
            s.removeLast(suffix.count)
            break
        }
        return s
    }
}

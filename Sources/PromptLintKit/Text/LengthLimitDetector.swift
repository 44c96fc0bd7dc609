/// Finds instructions that bound the length of the output, and vague length words that do not.
///
/// A bound is one of:
/// - a count with a unit, optionally qualified: "under 100 words", "in at most 3 bullet points",
///   "2–3 sentences", "no more than 2 paragraphs", "limit your answer to 50 tokens", "max 10 items",
///   "three sentences", "a 100-word summary", 「100文字以内」, 「3つの」, "en menos de 100 palabras";
///   a count qualified as a minimum ("at least 500 words", 「500字以上」) is reported in
///   ``LengthLimitReport/lowerBounds``, not as a limit;
/// - a single unit: "one sentence", "a single JSON object", "yes or no", "return the label", 「一言で」;
/// - an exclusive-output instruction: "Return only the SQL", "nothing else", "answer with the final
///   result only", 「JSONのみを出力」.
///
/// Vague words ("brief", "concise", "short", 「簡潔に」, "breve") are reported separately: they are
/// not limits. All patterns are data in the phrase packs.
public struct LengthBound: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case count, singleUnit, exclusiveOutput }
    public var range: Range<Int>
    public var matched: String
    public var kind: Kind
    /// For counts: the unit and the numbers ("2–3 sentences" → 2...3).
    public var unit: LengthUnit?
    public var minimum: Int?
    public var maximum: Int?
    /// "at least 500 words": a size request, not a limit.
    public var isLowerBound: Bool = false
    public var language: TextLanguage
}

public struct LengthLimitReport: Sendable, Hashable {
    /// Phrases that bound the output length.
    public var bounds: [LengthBound] = []
    /// Counts that are minimums ("at least 500 words").
    public var lowerBounds: [LengthBound] = []
    /// Vague length words, as findings with an explanatory message.
    public var vague: [TextMatch] = []
    /// Counts in sentences about the input ("the last 20 lines show…"): not limits, kept for the message.
    public var inputCounts: [LengthBound] = []
    public var hasLimit: Bool { !bounds.isEmpty }
}

public enum LengthLimitDetector {
    public static func detect(_ text: String) -> LengthLimitReport { detect(PromptText(text)) }

    /// The report computed when `t` was built.
    public static func detect(_ t: PromptText) -> LengthLimitReport { t.lengthReport }

    static func compute(_ t: PromptText) -> LengthLimitReport {
        var report = LengthLimitReport()
        for lang in t.languages {
            let c = compiled[lang]!
            let pack = PhrasePack.pack(for: lang).length
            if lang == .japanese {
                japaneseCounts(t, pack, c, into: &report)
            } else {
                for s in t.sentences {
                    let toks = t.proseTokens(s.range, keepPunctuation: true)
                    counts(toks, t, pack, c, lang, into: &report)
                    trailingOnly(toks, t, pack, lang, into: &report)
                }
                placeholderCounts(t, pack, lang, into: &report)
            }
            for hit in t.hits(.length, lang) {
                let r = hit.range
                switch c.kinds[hit.item] {
                case .single:
                    report.bounds.append(LengthBound(range: r, matched: t.string(r), kind: .singleUnit, unit: nil, language: lang))
                case .gated:
                    if PoliteFillerAnalyzer.nextWord(t, r.upperBound) == "of" { continue }
                    guard let s = t.sentence(containing: r.lowerBound) else { continue }
                    let before = t.proseTokens(s.range.lowerBound..<r.lowerBound).suffix(4)
                    guard before.contains(where: { pack.outputVerbs.contains($0.lower) }) else { continue }
                    report.bounds.append(LengthBound(range: r, matched: t.string(r), kind: .singleUnit, unit: nil, language: lang))
                case .exclusive:
                    report.bounds.append(LengthBound(range: r, matched: t.string(r), kind: .exclusiveOutput, unit: nil, language: lang))
                case .vagueException:
                    continue
                case .vague(let word):
                    if r.upperBound < t.bytes.count, t.bytes[r.upperBound] == 0x2D { continue }
                    if pack.vagueNeedsContext.contains(word) {
                        let next = PoliteFillerAnalyzer.nextWord(t, r.upperBound)
                        let prev = PoliteFillerAnalyzer.previousWord(t, r.lowerBound)
                        let a = Bytes.skipSpaces(r.upperBound, t.bytes)
                        let clauseEnd = CapitalizationRepair.isTerminator(t.bytes, a) || (a < t.bytes.count && [0x2C, 0x3B, 0x3A, 0x29].contains(t.bytes[a]))
                        if !(clauseEnd || pack.vagueContextNext.contains(next ?? "") || pack.vagueContextPrevious.contains(prev ?? "")) { continue }
                    }
                    let msg = lang == .japanese
                        ? "「\(t.string(r))」は長さの上限ではありません。数値（例: 「200字以内」「3文で」）で指定するか、max_output_tokens を設定してください。"
                        : "'\(t.string(r))' is not a limit: give a number (e.g. 'in at most 3 sentences') or set max_output_tokens."
                    report.vague.append(t.match(r, msg, code: "length.vague." + slug(word), language: lang))
                }
            }
        }
        report.bounds = dedupe(report.bounds)
        // A vague word next to a real bound in the same sentence ("Keep concise: at most 200 lines") is not reported.
        if !report.bounds.isEmpty {
            report.vague.removeAll { v in
                guard let s = t.sentence(containing: v.range.lowerBound) else { return false }
                return report.bounds.contains { s.range.overlaps($0.range) }
            }
        }
        report.lowerBounds = dedupe(report.lowerBounds)
        report.vague.sort { $0.range.lowerBound < $1.range.lowerBound }
        return report
    }

    /// Overlapping bounds: the earliest, then longest, wins.
    private static func dedupe(_ bs: [LengthBound]) -> [LengthBound] {
        var out: [LengthBound] = []
        for b in bs.sorted(by: { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }) {
            if let last = out.last, b.range.lowerBound < last.range.upperBound { continue }
            out.append(b)
        }
        return out
    }

    enum PhraseKind: Sendable { case single, gated, exclusive, vague(String), vagueException }

    /// The length table (phrases and kinds) scanned by ``PhraseTables``.
    static func phraseKinds(_ l: LengthPatterns) -> [(String, PhraseKind)] {
        l.singleUnits.map { ($0, PhraseKind.single) } + l.verbGatedSingleUnits.map { ($0, .gated) }
            + l.exclusive.map { ($0, .exclusive) } + l.vague.map { ($0, .vague($0)) }
            + l.vagueExceptions.map { ($0, .vagueException) }
    }

    struct Compiled: Sendable {
        /// Single units, verb-gated units, exclusive phrases, vague words and their exceptions in one
        /// table, so one leftmost-longest pass finds them all ("in short" wins over "short").
        var kinds: [PhraseKind]
        /// Qualifier word sequences, longest first, with "is a minimum".
        var allQualifiers: [([String], Bool)]
        var cjkUnits: [(String, [UInt8], LengthUnit)]
        var cjkQualifiers: [[UInt8]]
        var cjkLower: [[UInt8]]
        var cjkSuffixes: [[UInt8]]
    }

    static let compiled: [TextLanguage: Compiled] = {
        var out: [TextLanguage: Compiled] = [:]
        for p in PhrasePack.all {
            let l = p.length
            let words: (String) -> [String] = { s in WordTokenizer.tokens(Array(s.utf8), 0..<s.utf8.count).map(\.lower) }
            out[p.language] = Compiled(
                kinds: phraseKinds(l).map(\.1),
                allQualifiers: (l.qualifiers.map { (words($0), false) } + l.lowerQualifiers.map { (words($0), true) })
                    .sorted { $0.0.count > $1.0.count },
                cjkUnits: l.cjkUnits.map { ($0.key, Array($0.key.utf8), $0.value) }.sorted { $0.1.count > $1.1.count },
                cjkQualifiers: l.cjkQualifiers.map { Array($0.utf8) },
                cjkLower: l.lowerQualifiers.map { Array($0.utf8) },
                cjkSuffixes: l.cjkCountingSuffixes.map { Array($0.utf8) })
        }
        return out
    }()

    // MARK: - Counts in spaced languages

    private static func number(_ tok: WordToken, _ p: LengthPatterns) -> Int? {
        if tok.isNumber {
            var v = 0
            for c in tok.lower.utf8 {
                guard c != 0x2E else { break }
                v = v &* 10 &+ Int(c &- 0x30)
                if v > 1_000_000_000 { return nil }
            }
            return v
        }
        return p.numberWords[tok.lower]
    }

    /// "The last 20 lines show the log format": a sentence about the input, not a bound on the answer.
    static func describesInput(_ toks: [WordToken], _ p: LengthPatterns) -> Bool {
        guard !p.inputVerbs.isEmpty || !p.inputLeadIns.isEmpty else { return false }
        let words = toks.map(\.lower).filter { $0.utf8.first.map { Bytes.isASCIILetter($0) || $0 >= 0x80 } ?? false }
        // An output verb before the describing verb makes it a request ("Return 5 tags for the text
        // below"); after it, it is a noun or the input's own content ("…show the log format").
        let describing = words.firstIndex { p.inputVerbs.contains($0) } ?? words.count
        if words[..<describing].contains(where: { p.outputVerbs.contains($0) }) { return false }
        if p.inputLeadIns.contains(where: { words.starts(with: $0) }) { return true }
        return describing < words.count && words.contains(where: { p.inputSubjects.contains($0) })
    }

    private static func counts(_ toks: [WordToken], _ t: PromptText, _ p: LengthPatterns, _ c: Compiled, _ lang: TextLanguage,
                               into report: inout LengthLimitReport) {
        // In a sentence about the input, only a qualified count ("in one sentence", "under 50 words")
        // bounds the answer; "the last 20 lines" does not. Judged once, and only for a sentence
        // that has an unqualified count (most have none).
        var aboutInput: Bool?
        var k = 0
        while k < toks.count {
            guard let v1 = number(toks[k], p) else { k += 1; continue }
            var j = k + 1
            var v2 = v1
            if j + 1 < toks.count, p.rangeJoiners.contains(toks[j].lower), let n2 = number(toks[j + 1], p), n2 >= v1 {
                v2 = n2; j += 2
            }
            while j < toks.count, toks[j].lower == "-" { j += 1 }
            var mods = 0
            while j < toks.count, mods < 2, p.units[toks[j].lower] == nil || (j + 1 < toks.count && p.units[toks[j + 1].lower] != nil && p.modifiers.contains(toks[j].lower)),
                  p.modifiers.contains(toks[j].lower) || toks[j].lower == "-" || toks[j].lower == "markdown" {
                j += 1; mods += 1
            }
            guard j < toks.count else { k += 1; continue }
            var unit: LengthUnit? = nil
            var unitEnd = j
            if j + 1 < toks.count, let u = p.units[toks[j].lower + " " + toks[j + 1].lower] { unit = u; unitEnd = j + 1 }
            else if let u = p.units[toks[j].lower] { unit = u }
            guard let u = unit else { k += 1; continue }
            // Number and unit on one line ("phase: 3\n  name: …" is YAML, not a bound).
            if t.bytes[toks[k].range.upperBound..<toks[unitEnd].range.lowerBound].contains(Bytes.newline) { k += 1; continue }
            // "one step at a time", "at one point": single items are not bounds without a qualifier.
            let isOneWord = !toks[k].isNumber && v2 == 1
            var start = toks[k].range.lowerBound
            var lower = false
            var qualified = false
            let prefix = toks[..<k].suffix(4).map(\.lower)
            // Longest qualifier first, upper and lower together ("no more than" beats "more than").
            for (q, isLower) in c.allQualifiers where prefix.count >= q.count && Array(prefix.suffix(q.count)) == q {
                qualified = true; lower = isLower; start = toks[k - q.count].range.lowerBound; break
            }
            var end = toks[unitEnd].range.upperBound
            // Trailing qualifiers: "500 words or more", "100 words max".
            let after = toks[(unitEnd + 1)...].prefix(2).map(\.lower)
            if after.starts(with: ["or", "more"]) || after.starts(with: ["or", "longer"]) || after.starts(with: ["o", "más"]) {
                lower = true; end = toks[unitEnd + 2].range.upperBound
            } else if after.starts(with: ["or", "less"]) || after.starts(with: ["or", "fewer"]) || after.starts(with: ["o", "menos"]) {
                qualified = true; end = toks[unitEnd + 2].range.upperBound
            } else if let f = after.first, ["max", "maximum", "tops", "máximo", "max."].contains(f) {
                qualified = true; end = toks[unitEnd + 1].range.upperBound
            }
            if !qualified, !lower {
                if aboutInput == nil { aboutInput = describesInput(toks, p) }
                if aboutInput == true {
                    report.inputCounts.append(LengthBound(range: start..<end, matched: t.string(start..<end), kind: .count, unit: u,
                                                          minimum: v1, maximum: v2, language: lang))
                    k = unitEnd + 1
                    continue
                }
            }
            if u == .items, isOneWord, !qualified { k = unitEnd + 1; continue }
            if isOneWord, toks[k].lower == "one", k > 0, ["at", "than", "the", "any", "no"].contains(toks[k - 1].lower) { k = unitEnd + 1; continue }
            // "a number of" style false friends: "one of the words" never reaches here; "the word" has no number.
            let bound = LengthBound(range: start..<end, matched: t.string(start..<end), kind: .count, unit: u,
                                    minimum: v1, maximum: v2, isLowerBound: lower, language: lang)
            if lower { report.lowerBounds.append(bound) } else { report.bounds.append(bound) }
            k = unitEnd + 1
        }
    }

    /// "Write {{n}} words", "in ${count:3} sentences": a placeholder followed by a unit is a bound whose number
    /// is only known at render time (`maximum` is the placeholder's numeric default, if any, else nil).
    private static func placeholderCounts(_ t: PromptText, _ p: LengthPatterns, _ lang: TextLanguage, into report: inout LengthLimitReport) {
        for span in t.mask.spans where span.kind == .mustache || span.kind == .dollarPlaceholder || span.kind == .bracePlaceholder {
            guard let s = t.sentence(containing: span.range.lowerBound), span.range.upperBound < s.range.upperBound else { continue }
            let toks = t.proseTokens(span.range.upperBound..<s.range.upperBound, keepPunctuation: true).prefix(4)
            var j = toks.startIndex
            while j < toks.endIndex, toks[j].lower == "-" || p.modifiers.contains(toks[j].lower) { j += 1 }
            guard j < toks.endIndex, let u = p.units[toks[j].lower] else { continue }
            // Nothing but blanks, hyphens and modifiers between the placeholder and the unit.
            if t.bytes[span.range.upperBound..<toks[j].range.lowerBound].contains(Bytes.newline) { continue }
            // Numeric default: ${count:3}.
            var value: Int? = nil
            let body = t.bytes[span.range]
            if let colon = body.firstIndex(of: 0x3A) {
                let digits = body[(colon + 1)...].prefix { Bytes.isDigit($0) }
                if !digits.isEmpty { value = Int(String(decoding: digits, as: UTF8.self)) }
            }
            // The placeholder must look like a number: a numeric default or a count-like name ({{n}}, ${max_words}).
            if value == nil {
                let name = String(decoding: Bytes.folded(t.string(span.range)).filter { Bytes.isASCIILetter($0) || $0 == 0x5F }, as: UTF8.self)
                let parts = name.split(separator: "_").map(String.init)
                let countLike = ["n", "k", "num", "number", "count", "max", "min", "limit", "length", "len", "size", "total",
                                 "words", "sentences", "paragraphs", "lines", "items", "maxwords", "wordcount", "numwords"]
                guard countLike.contains(name) || parts.contains(where: { countLike.contains($0) })
                        || ["count", "num", "max", "limit", "length"].contains(where: { name.contains($0) }) else { continue }
            }
            let r = span.range.lowerBound..<toks[j].range.upperBound
            report.bounds.append(LengthBound(range: r, matched: t.string(r), kind: .count, unit: u, minimum: value, maximum: value, language: lang))
        }
    }

    /// "answer with the final result only": an output verb, then "only" ending the clause.
    private static func trailingOnly(_ toks: [WordToken], _ t: PromptText, _ p: LengthPatterns, _ lang: TextLanguage, into report: inout LengthLimitReport) {
        do {
            guard toks.contains(where: { $0.lower == "only" || $0.lower == "solamente" || $0.lower == "únicamente" }),
                  let v = toks.firstIndex(where: { p.outputVerbs.contains($0.lower) }) else { return }
            for k in (v + 1)..<max(v + 1, toks.count) where toks[k].lower == "only" || toks[k].lower == "solamente" || toks[k].lower == "únicamente" {
                let nextIsEnd = k + 1 >= toks.count || [".", ",", ";", ":", "!", ")"].contains(toks[k + 1].lower)
                // Verb … only: at most 8 words between, all prose words on one line.
                let between = toks[(v + 1)..<k]
                let r0 = toks[v].range.lowerBound..<toks[k].range.upperBound
                if nextIsEnd, k > v + 1, between.count <= 8, between.allSatisfy(\.isWord), t.mask.isProse(r0),
                   !t.bytes[r0].contains(Bytes.newline) {
                    let r = toks[v].range.lowerBound..<toks[k].range.upperBound
                    report.bounds.append(LengthBound(range: r, matched: t.string(r), kind: .exclusiveOutput, unit: nil, language: lang))
                    return
                }
            }
        }
    }

    // MARK: - Japanese counts

    private static let kanjiDigits: [Unicode.Scalar: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
                                                            "九": 9, "十": 10, "百": 100, "千": 1000, "〇": 0, "両": 2]

    /// Parses a number at `i`: ASCII or full-width digits, or kanji numerals. Returns value and end.
    static func cjkNumber(_ b: [UInt8], _ i: Int) -> (Int, Int)? {
        var j = i
        var v = 0
        var digits = 0
        while j < b.count {
            if Bytes.isDigit(b[j]) { v = appendingDigit(v, Int(b[j] - 0x30)); j += 1; digits += 1; continue }
            if b[j] == 0x2C, digits > 0, j + 1 < b.count, Bytes.isDigit(b[j + 1]) { j += 1; continue }
            if b[j] == 0xEF, j + 2 < b.count, b[j + 1] == 0xBC, b[j + 2] >= 0x90, b[j + 2] <= 0x99 {
                v = appendingDigit(v, Int(b[j + 2] - 0x90)); j += 3; digits += 1; continue
            }
            break
        }
        if digits > 0 { return (v, j) }
        // Kanji numerals: 三, 十, 二十, 三百, 千.
        var total = 0, current = 0, any = false
        while let (s, len) = Bytes.scalar(at: j, in: b), let d = kanjiDigits[s] {
            any = true
            if d >= 10 {
                let (part, overflow) = (current == 0 ? 1 : current).multipliedReportingOverflow(by: d)
                total = overflow ? Int.max : total.addingReportingOverflow(part).overflow ? Int.max : total + part
                current = 0
            } else {
                current = appendingDigit(current, d)
            }
            j += len
        }
        guard any else { return nil }
        return (total.addingReportingOverflow(current).overflow ? Int.max : total + current, j)
    }

    /// `v * 10 + digit`, saturating at `Int.max`: a run of thousands of digits is a number too
    /// large to be a limit, not a crash (found by the fix fuzz target).
    static func appendingDigit(_ v: Int, _ digit: Int) -> Int {
        v > (Int.max - digit) / 10 ? Int.max : v * 10 + digit
    }

    private static func japaneseCounts(_ t: PromptText, _ p: LengthPatterns, _ c: Compiled, into report: inout LengthLimitReport) {
        let b = t.bytes
        var i = 0
        while i < b.count {
            let c0 = b[i]
            guard Bytes.isDigit(c0) || c0 == 0xEF || c0 == 0xE4 || c0 == 0xE5 || c0 == 0xE3 || c0 == 0xE7 else { i += 1; continue }
            if Bytes.isDigit(c0), i > 0, Bytes.isDigit(b[i - 1]) { i += 1; continue }
            guard t.mask.isProse(at: i), let (v1, e1) = cjkNumber(b, i) else { i += 1; continue }
            var j = e1
            var v2 = v1
            for joiner in ["〜", "～", "-", "から", "−"] {
                let jb = Array(joiner.utf8)
                if Bytes.has(jb, at: j, in: b), let (n2, e2) = cjkNumber(b, j + jb.count), n2 >= v1 { v2 = n2; j = e2; break }
            }
            guard let (_, ub, unit) = c.cjkUnits.first(where: { Bytes.has($0.1, at: j, in: b) }) else { i = max(e1, i + 1); continue }
            var end = j + ub.count
            var bounded = false, lower = false
            if let q = c.cjkLower.first(where: { Bytes.has($0, at: end, in: b) }) { lower = true; end += q.count }
            else if let q = c.cjkQualifiers.first(where: { Bytes.has($0, at: end, in: b) }) { bounded = true; end += q.count }
            else if c.cjkSuffixes.contains(where: { Bytes.has($0, at: end, in: b) }) { bounded = true }
            // English-style unit after an ASCII number inside Japanese text ("100 words") is handled by the English pack.
            if bounded || lower {
                let bound = LengthBound(range: i..<end, matched: t.string(i..<end), kind: .count, unit: unit, minimum: v1, maximum: v2,
                                        isLowerBound: lower, language: .japanese)
                if lower { report.lowerBounds.append(bound) } else { report.bounds.append(bound) }
            }
            i = end
        }
    }
}

/// The vague length words of ``LengthLimitDetector`` as an analyzer ("'concise' is not a limit").
public enum VagueLengthAnalyzer: TextAnalyzer {
    public static func analyze(_ t: PromptText) -> [TextMatch] { LengthLimitDetector.detect(t).vague }
}

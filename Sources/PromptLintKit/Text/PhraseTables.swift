/// Every phrase table of every analyzer and language, compiled into one ``PhraseIndex`` and scanned in a
/// single pass per text (``PromptText`` does it once); each (table, language) slot keeps its own
/// leftmost-longest, non-overlapping matches, so tables never shadow each other.
struct PhraseTables: Sendable {
    enum Table: Int, CaseIterable, Sendable { case polite, meta, wordy, intensifier, openEnded, length }

    struct Hit: Sendable, Hashable {
        var range: Range<Int>
        /// Index into the table's phrase list for that language (see ``phrases(_:_:)``).
        var item: Int
    }

    static let shared = PhraseTables()
    static let languages = TextLanguage.allCases
    static var slotCount: Int { Table.allCases.count * languages.count }

    @inline(__always) static func slot(_ t: Table, _ l: TextLanguage) -> Int {
        t.rawValue * languages.count + languages.firstIndex(of: l)!
    }

    /// Phrase texts of a table, in item order.
    static func phrases(_ t: Table, _ l: TextLanguage) -> [String] {
        let p = PhrasePack.pack(for: l)
        switch t {
        case .polite: return p.politeFillers.map(\.phrase)
        case .meta: return p.metaPreambles.map(\.phrase)
        case .wordy: return p.wordyPhrases.map(\.phrase)
        case .intensifier: return p.intensifiers
        case .openEnded: return p.openEnded + p.openEndedExceptions
        case .length: return LengthLimitDetector.phraseKinds(p.length).map(\.0)
        }
    }

    let index: PhraseIndex<Int>
    /// Per entry of `index`: its slot and item.
    let entrySlot: [Int]
    let entryItem: [Int]

    init() {
        var items: [(String, Int)] = []
        var slots: [Int] = [], itemIdx: [Int] = []
        for t in Table.allCases {
            for l in Self.languages {
                for (k, phrase) in Self.phrases(t, l).enumerated() {
                    items.append((phrase, items.count))
                    slots.append(Self.slot(t, l)); itemIdx.append(k)
                }
            }
        }
        index = PhraseIndex(items)
        // PhraseIndex may skip empty phrases; map by payload.
        var es: [Int] = [], ei: [Int] = []
        for p in index.payloads { es.append(slots[p]); ei.append(itemIdx[p]) }
        entrySlot = es; entryItem = ei
    }

    /// One pass over `b`: per slot, leftmost-longest non-overlapping prose matches. Slots of languages not in
    /// `languages` are skipped.
    func scan(_ b: [UInt8], mask: ProseMask, languages: [TextLanguage]) -> [[Hit]] {
        var out = [[Hit]](repeating: [], count: Self.slotCount)
        var active = [Bool](repeating: false, count: Self.slotCount)
        for t in Table.allCases { for l in languages { active[Self.slot(t, l)] = true } }
        var next = [Int](repeating: 0, count: Self.slotCount)
        var bestEnd = [Int](repeating: -1, count: Self.slotCount)
        var bestItem = [Int](repeating: 0, count: Self.slotCount)
        var touched: [Int] = []
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80, i > 0, Bytes.isASCIIAlnum(c), Bytes.isASCIIAlnum(b[i - 1]) { i += 1; continue }
            let entries = index.bucket(for: c)
            if entries.isEmpty || !mask.isProse(at: i) { i += 1; continue }
            let wordStart = Bytes.isWordStart(i, in: b)
            let second: UInt8 = i + 1 < n ? (b[i + 1] < 0x80 ? Bytes.lower(b[i + 1]) : b[i + 1]) : 0
            for x in entries {
                let e = index.bucketEntry(x)
                let s = entrySlot[e]
                guard active[s], next[s] <= i, index.secondByteMayMatch(e, second) else { continue }
                if let end = index.matchEnd(e, at: i, in: b, wordStart: wordStart), end > bestEnd[s] {
                    if bestEnd[s] < 0 { touched.append(s) }
                    bestEnd[s] = end; bestItem[s] = entryItem[e]
                }
            }
            for s in touched {
                let r = i..<bestEnd[s]
                if mask.isProse(r) { out[s].append(Hit(range: r, item: bestItem[s])); next[s] = r.upperBound }
                bestEnd[s] = -1
            }
            touched.removeAll(keepingCapacity: true)
            i += 1
        }
        return out
    }
}

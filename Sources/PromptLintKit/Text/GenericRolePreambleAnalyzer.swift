/// Flags generic role sentences ("You are a helpful assistant.", "As an AI language model, …",
/// 「あなたは親切なアシスタントです。」, "Eres un asistente útil."): they cost tokens and tell the
/// model nothing it does not already assume. A specific role ("You are a senior PostgreSQL DBA
/// reviewing migrations", "You are an assistant that extracts invoice fields") is not flagged: every
/// word after the opening must come from the pack's generic vocabulary and one must be a head noun
/// (assistant, AI, model…).
///
/// Range: the whole sentence. Fix: delete the sentence and the whitespace after it (safe for role
/// sentences, unsafe for disclaimers, which may carry an instruction).
public enum GenericRolePreambleAnalyzer: TextAnalyzer {

    private struct Compiled: Sendable {
        var starters: [[String]]
        var disclaimers: [[String]]
        /// First words of every starter and disclaimer: a sentence whose first word is not one of
        /// them cannot match, and most sentences are rejected without tokenizing them.
        var firstWords: Set<String> { Set((starters + disclaimers).compactMap(\.first)) }
    }

    private static let firstWords: [TextLanguage: Set<String>] = compiled.mapValues(\.firstWords)

    /// The lower-cased ASCII first word of a range (letters and apostrophes), or nil.
    private static func firstASCIIWord(_ bytes: [UInt8], _ range: Range<Int>) -> String? {
        var index = range.lowerBound
        while index < range.upperBound, !(bytes[index] >= 0x41 && bytes[index] <= 0x5A || bytes[index] >= 0x61 && bytes[index] <= 0x7A) {
            if bytes[index] >= 0x80 { return nil }
            index += 1
        }
        var word: [UInt8] = []
        while index < range.upperBound, word.count < 24,
              bytes[index] >= 0x41 && bytes[index] <= 0x5A || bytes[index] >= 0x61 && bytes[index] <= 0x7A || bytes[index] == 0x27 {
            word.append(bytes[index] | 0x20)
            index += 1
        }
        return word.isEmpty ? nil : String(decoding: word, as: UTF8.self)
    }

    private static let compiled: [TextLanguage: Compiled] = {
        var out: [TextLanguage: Compiled] = [:]
        for p in PhrasePack.all {
            let split: (String) -> [String] = { s in
                WordTokenizer.tokens(Array(s.utf8), 0..<s.utf8.count).map(\.lower)
            }
            out[p.language] = Compiled(starters: p.rolePreamble.starters.map(split), disclaimers: p.rolePreamble.disclaimers.map(split))
        }
        return out
    }()

    /// Lowercased first bytes of every starter and disclaimer: a sentence starting otherwise is skipped at once.
    private static let firstBytes: Set<UInt8> = Set(PhrasePack.all.flatMap { p in
        (p.rolePreamble.starters + p.rolePreamble.disclaimers).compactMap { Bytes.folded($0).first }
    })

    public static func analyze(_ t: PromptText) -> [TextMatch] {
        var out: [TextMatch] = []
        for s in t.sentences where s.range.count < 400 && firstBytes.contains(Bytes.lower(t.bytes[s.range.lowerBound]))
            && t.mask.isProse(s.range) {
            for lang in t.languages {
                let pack = PhrasePack.pack(for: lang)
                if let m = lang == .japanese ? japanese(s, t, pack) : spaced(s, t, pack, compiled[lang]!) {
                    out.append(m)
                    break
                }
            }
        }
        return out
    }

    private static func spaced(_ s: Sentence, _ t: PromptText, _ pack: PhrasePack, _ c: Compiled) -> TextMatch? {
        if let first = firstASCIIWord(t.bytes, s.contentRange), let words = firstWords[pack.language], !words.contains(first) {
            return nil
        }
        let toks = t.proseTokens(s.contentRange).map(\.lower)
        for d in c.disclaimers where toks.starts(with: d) {
            return t.match(s.range, "A disclaimer like \"\(t.string(s.range))\" spends tokens and adds nothing; remove it.",
                           edits: [TextEdit(range: s.removalRange, replacement: "")], safe: false,
                           code: "role.disclaimer", language: pack.language)
        }
        guard let starter = c.starters.first(where: { toks.starts(with: $0) }) else { return nil }
        let rest = toks.dropFirst(starter.count)
        let data = pack.rolePreamble
        guard !rest.isEmpty, rest.allSatisfy(data.vocabulary.contains), rest.contains(where: data.heads.contains) else { return nil }
        return t.match(s.range, "Generic role \"\(t.string(s.range))\" tells the model nothing it does not already assume; remove it or state a specific role and task.",
                       edits: [TextEdit(range: s.removalRange, replacement: "")], safe: true,
                       code: "role.generic", language: pack.language)
    }

    private static func japanese(_ s: Sentence, _ t: PromptText, _ pack: PhrasePack) -> TextMatch? {
        let data = pack.rolePreamble
        var body = Substring(t.string(s.contentRange))
        for d in data.disclaimers where body.hasPrefix(d) {
            return t.match(s.range, "「\(t.string(s.range))」のような前置きはトークンの無駄です。削除してください。",
                           edits: [TextEdit(range: s.removalRange, replacement: "")], safe: false,
                           code: "role.disclaimer", language: .japanese)
        }
        guard let starter = data.starters.first(where: { body.hasPrefix($0) }) else { return nil }
        body = body.dropFirst(starter.count)
        guard let ending = data.endings.sorted(by: { $0.count > $1.count }).first(where: { body.hasSuffix($0) }) else { return nil }
        body = body.dropLast(ending.count)
        var sawHead = false
        let fragments = data.fragments.sorted { $0.count > $1.count }
        while !body.isEmpty {
            guard let f = fragments.first(where: { body.hasPrefix($0) }) else { return nil }
            if data.heads.contains(f) { sawHead = true }
            body = body.dropFirst(f.count)
        }
        guard sawHead else { return nil }
        return t.match(s.range, "汎用的な役割指定「\(t.string(s.range))」はモデルに何も伝えません。削除するか、具体的な役割と作業を書いてください。",
                       edits: [TextEdit(range: s.removalRange, replacement: "")], safe: true,
                       code: "role.generic", language: .japanese)
    }
}

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
        var connectors: [(RoleConnector, [String])]
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
            out[p.language] = Compiled(starters: p.rolePreamble.starters.map(split), disclaimers: p.rolePreamble.disclaimers.map(split),
                                       connectors: p.rolePreamble.connectors.map { ($0, split($0.words)) }.sorted { $0.1.count > $1.1.count })
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
        if !rest.isEmpty, rest.allSatisfy(data.vocabulary.contains), rest.contains(where: data.heads.contains) {
            return t.match(s.range, "Generic role \"\(t.string(s.range))\" tells the model nothing it does not already assume; remove it or state a specific role and task.",
                           edits: [TextEdit(range: s.removalRange, replacement: "")], safe: true,
                           code: "role.generic", language: pack.language)
        }
        return framedTask(s, t, pack, c, starter: starter.count)
    }

    /// "You are an AI assistant designed to retrieve X" → "Retrieve X": a generic role followed by a
    /// connector and the task. Only the generic part is reported; the fix keeps the task as an imperative.
    private static func framedTask(_ s: Sentence, _ t: PromptText, _ pack: PhrasePack, _ c: Compiled, starter: Int) -> TextMatch? {
        let words = t.proseTokens(s.contentRange)
        let data = pack.rolePreamble
        var k = starter, sawHead = false
        while k < words.count {
            if sawHead, let (connector, length) = connector(at: k, words, c), k + length < words.count {
                let verb = words[k + length]
                guard verb.isWord, !verb.isNumber else { return nil }
                return framed(s, t, pack, verb: verb, form: connector.form)
            }
            guard data.vocabulary.contains(words[k].lower) else { return nil }
            if data.heads.contains(words[k].lower) { sawHead = true }
            k += 1
        }
        return nil
    }

    private static func connector(at k: Int, _ words: [WordToken], _ c: Compiled) -> (RoleConnector, Int)? {
        for (connector, parts) in c.connectors where k + parts.count <= words.count {
            if zip(parts, words[k...]).allSatisfy({ $0 == $1.lower }) { return (connector, parts.count) }
        }
        return nil
    }

    private static func framed(_ s: Sentence, _ t: PromptText, _ pack: PhrasePack, verb: WordToken, form: RoleConnector.VerbForm) -> TextMatch {
        let generic = s.contentRange.lowerBound..<verb.range.lowerBound
        let framing = t.string(generic.lowerBound..<max(generic.lowerBound, Bytes.skipSpacesBack(generic.upperBound, t.bytes)))
        let message = "Generic role framing \"\(framing)\" adds nothing to the task; state the task as an instruction."
        switch form {
        case .base:
            return t.match(generic, message + " (fix: start with the verb)", edits: CapitalizationRepair.replacement(of: generic, with: "", in: t),
                           safe: true, code: "role.framed", language: pack.language)
        case .thirdPerson:
            let imperative = CapitalizationRepair.capitalized(baseForm(of: t.string(verb.range)))
            return t.match(generic, message + " (fix: conjugate the verb; check it)",
                           edits: [TextEdit(range: generic.lowerBound..<verb.range.upperBound, replacement: imperative)],
                           safe: false, code: "role.framed", language: pack.language)
        case .gerund:
            return t.match(generic, message + " (no automatic fix: the sentence needs restructuring)",
                           code: "role.framed", language: pack.language)
        }
    }

    /// "retrieves" → "retrieve", "applies" → "apply", "processes" → "process", "does" → "do".
    static func baseForm(of verb: String) -> String {
        let lower = verb.lowercased()
        if lower == "does" { return String(verb.prefix(2)) }
        if lower == "has" { return String(verb.prefix(2)) + "ve" }
        if lower.hasSuffix("ies"), lower.count > 4 { return String(verb.dropLast(3)) + "y" }
        for suffix in ["sses", "shes", "ches", "xes", "zzes", "oes"] where lower.hasSuffix(suffix) { return String(verb.dropLast(2)) }
        if lower.hasSuffix("s"), !lower.hasSuffix("ss") { return String(verb.dropLast()) }
        return verb
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

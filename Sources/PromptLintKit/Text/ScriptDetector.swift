/// Detects which phrase packs apply to a text.
///
/// - Japanese applies when the text has at least 2 kana/kanji characters, and is dominant when
///   they are at least 20% of its letters.
/// - Among Latin-script words, Spanish applies when Spanish function words (and `ñ ¿ ¡ á é í ó ú`)
///   are at least 12% of the words and outnumber English function words; English applies whenever
///   there are Latin words and Spanish is not clearly dominant, or English function words are
///   at least 10% of the words.
/// - English is the default (e.g. an empty text or one made only of placeholders).
///
/// Packs never collide (Japanese phrases are kana/kanji, Spanish and English phrase lists are
/// disjoint), so a mixed text simply gets several packs; each phrase matches where it occurs.
public enum ScriptDetector {
    public struct Profile: Sendable, Hashable {
        public var cjkCharacters = 0
        public var latinLetters = 0
        public var latinWords = 0
        public var spanishWords = 0
        public var englishWords = 0
        public var spanishMarks = 0
    }

    public static func languages(in text: String) -> [TextLanguage] { languages(bytes: Array(text.utf8)) }

    /// The dominant language only.
    public static func dominant(in text: String) -> TextLanguage { languages(in: text).first ?? .english }

    static func languages(bytes b: [UInt8]) -> [TextLanguage] {
        let p = profile(b)
        var out: [TextLanguage] = []
        let jaDominant = p.cjkCharacters >= 2 && p.cjkCharacters * 5 >= (p.cjkCharacters + p.latinLetters)
        let words = max(p.latinWords, 1)
        let esScore = p.spanishWords + p.spanishMarks
        let spanish = p.latinWords >= 2 && esScore * 100 >= words * 12 && esScore > p.englishWords
        let english = p.latinWords > 0 && (!spanish || p.englishWords * 10 >= words)
        if jaDominant { out.append(.japanese) }
        if spanish { out.append(.spanish) }
        if english { out.append(.english) }
        if !jaDominant && p.cjkCharacters >= 2 { out.append(.japanese) }
        if out.isEmpty { out.append(.english) }
        return out
    }

    public static func profile(_ text: String) -> Profile { profile(Array(text.utf8)) }

    static func profile(_ b: [UInt8]) -> Profile {
        var p = Profile()
        var i = 0
        let n = b.count
        var h = Bytes.fnvOffset
        var wordLength = 0
        func endWord() {
            guard wordLength > 0 else { return }
            p.latinWords += 1
            if wordLength <= 12 {
                if spanishHashes.contains(h) { p.spanishWords += 1 } else if englishHashes.contains(h) { p.englishWords += 1 }
            }
            h = Bytes.fnvOffset
            wordLength = 0
        }
        while i < n {
            let c = b[i]
            if c < 0x80 {
                if Bytes.isASCIILetter(c) {
                    h = (h ^ UInt64(Bytes.lower(c))) &* Bytes.fnvPrime; wordLength += 1; p.latinLetters += 1
                } else { endWord() }
                i += 1; continue
            }
            guard let (s, len) = Bytes.scalar(at: i, in: b) else { i += 1; continue }
            if Bytes.isCJK(s) {
                endWord()
                if s.properties.isAlphabetic { p.cjkCharacters += 1 }
            } else if s.properties.isAlphabetic {
                p.latinLetters += 1
                switch s.value { case 0xF1, 0xE1, 0xE9, 0xED, 0xF3, 0xFA, 0xD1, 0xC1, 0xC9, 0xCD, 0xD3, 0xDA: p.spanishMarks += 1; default: break }
                if len == 2 {
                    h = (h ^ UInt64(b[i])) &* Bytes.fnvPrime
                    h = (h ^ UInt64(Bytes.foldSecond(b[i], b[i + 1]))) &* Bytes.fnvPrime
                } else { for k in i..<(i + len) { h = (h ^ UInt64(b[k])) &* Bytes.fnvPrime } }
                wordLength += len
            } else {
                if s == "¿" || s == "¡" { p.spanishMarks += 1 }
                endWord()
            }
            i += len
        }
        endWord()
        return p
    }

    static let spanishHashes = Set(spanishFunctionWords.map(Bytes.fnv))
    static let englishHashes = Set(englishFunctionWords.map(Bytes.fnv))

    static let spanishFunctionWords: Set<String> = [
        "el", "la", "los", "las", "del", "que", "y", "en", "un", "una", "unos", "unas", "por", "para", "con", "es", "se",
        "al", "lo", "como", "más", "pero", "sus", "su", "le", "ya", "este", "esta", "estos", "estas", "porque", "entre",
        "cuando", "muy", "sin", "sobre", "también", "hasta", "hay", "donde", "quien", "desde", "todo", "nos", "durante",
        "todos", "les", "ni", "otros", "ese", "eso", "esto", "ante", "ellos", "qué", "yo", "otro", "otra", "él", "tanto",
        "esa", "mucho", "nada", "cual", "ella", "algo", "eres", "tu", "tú", "usted", "texto", "respuesta", "debes",
        "puedes", "cada", "siguiente", "según", "ejemplo", "sólo", "solo", "palabras", "frases",
    ]

    static let englishFunctionWords: Set<String> = [
        "the", "and", "of", "to", "in", "is", "you", "that", "it", "for", "with", "as", "on", "be", "this", "are", "or",
        "your", "will", "an", "by", "from", "at", "not", "what", "which", "should", "if", "my", "i", "me", "please", "can",
        "do", "does", "have", "has", "would", "each", "any", "all", "write", "text", "answer", "about", "into", "them",
    ]
}

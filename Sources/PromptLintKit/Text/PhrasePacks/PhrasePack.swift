/// A language's phrase tables. Packs are plain data (Swift literals, one file per language); the
/// analyzers compile them into ``PhraseIndex`` tables once (static, lazy).
public struct PhrasePack: Sendable {
    public var language: TextLanguage
    public var rolePreamble: RolePreambleData
    public var politeFillers: [PoliteFiller]
    public var metaPreambles: [MetaPreamble]
    public var wordyPhrases: [WordyPhrase]
    public var intensifiers: [String]
    public var length: LengthPatterns
    public var openEnded: [String]
    /// Phrases containing an open-ended word that are not requests ("exhaustive checks" in TypeScript).
    public var openEndedExceptions: [String] = []
    public var stopWords: Set<String>

    public static let all: [PhrasePack] = [.english, .japanese, .spanish]

    public static func pack(for l: TextLanguage) -> PhrasePack {
        switch l {
        case .english: return .english
        case .japanese: return .japanese
        case .spanish: return .spanish
        }
    }
}

/// How a generic role sentence is recognised.
public struct RolePreambleData: Sendable {
    /// Sentence openings ("you are", "あなたは").
    public var starters: [String]
    /// Words a generic role sentence may consist of (besides the starter).
    public var vocabulary: Set<String>
    /// At least one of these must occur ("assistant", "AI").
    public var heads: Set<String>
    /// Sentences starting with these are flagged whatever follows ("As an AI language model").
    public var disclaimers: [String]
    /// For languages without spaces: fragments that may fill the sentence between a starter and an ending.
    public var fragments: [String] = []
    /// For languages without spaces: sentence endings ("です").
    public var endings: [String] = []
    /// Words that join a generic role to its task ("designed to", "that", "specialized in"): the generic
    /// part ends there, and the task that follows becomes the instruction.
    public var connectors: [RoleConnector] = []
}

/// "You are an AI assistant <connector> <task>": how the task's verb follows the connector.
public struct RoleConnector: Sendable, Hashable {
    public enum VerbForm: Sendable, Hashable {
        /// "designed to retrieve": the verb is already the imperative (safe fix).
        case base
        /// "that retrieves": the verb must be conjugated to the imperative (unsafe fix).
        case thirdPerson
        /// "specialized in retrieving": the sentence must be restructured (reported without a fix).
        case gerund
    }
    public var words: String
    public var form: VerbForm
    public init(_ words: String, _ form: VerbForm) { self.words = words; self.form = form }
}

public struct PoliteFiller: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A word or phrase that can simply go ("please", "kindly", "por favor", "どうか").
        case adverb
        /// A request frame before the verb ("Could you please", "I want you to"): removed, next word capitalised,
        /// a final "?" becomes ".".
        case leadIn
        /// A closing courtesy ("Thank you!", "よろしくお願いします。"): the whole sentence goes when it is nothing else.
        case closing
        /// Only a courtesy at a sentence end ("お願いします。"); fixed only when it is the whole sentence.
        case sentenceEnd
        /// Reported without a fix (rewriting would need a verb change: "te agradecería que").
        case flagOnly
    }
    public var phrase: String
    public var kind: Kind
    public init(_ phrase: String, _ kind: Kind) { self.phrase = phrase; self.kind = kind }
}

public struct MetaPreamble: Sendable, Hashable {
    public var phrase: String
    /// `""`: delete and capitalise the next word ("Your task is to summarize" → "Summarize");
    /// `nil`: no automatic fix.
    public var replacement: String?
    /// The deletion keeps the instruction exactly ("Your task is to summarize" = "Summarize"); frames
    /// that also set a role or a goal ("Your role is to…") are unsafe.
    public var safe: Bool
    public init(_ phrase: String, _ replacement: String?, safe: Bool = false) {
        self.phrase = phrase; self.replacement = replacement; self.safe = safe
    }
}

public struct WordyPhrase: Sendable, Hashable {
    public var phrase: String
    public var replacement: String
    public init(_ phrase: String, _ replacement: String) { self.phrase = phrase; self.replacement = replacement }
}

/// Units an output size can be counted in.
public enum LengthUnit: String, Sendable, Hashable {
    case words, sentences, paragraphs, lines, items, characters, tokens, pages

    /// Estimated output tokens for one unit (English-like text; ``characters`` of CJK are handled by the caller).
    public var tokensPerUnit: Double {
        switch self {
        case .words: return 1.35
        case .sentences: return 20 * 1.35
        case .paragraphs: return 100 * 1.35
        case .lines: return 12 * 1.35
        case .items: return 15 * 1.35
        case .characters: return 0.25
        case .tokens: return 1
        case .pages: return 500 * 1.35
        }
    }
}

public struct LengthPatterns: Sendable {
    /// Number words and their values ("three" → 3, "single" → 1).
    public var numberWords: [String: Int]
    /// Unit words (one or two words) and their unit.
    public var units: [String: LengthUnit]
    /// Words allowed between a number and its unit ("3 short sentences").
    public var modifiers: Set<String>
    /// Words joining a range of numbers ("2 to 3", "2 or 3", "2-3").
    public var rangeJoiners: Set<String>
    /// Words and phrases before a count that make it a bound; included in the reported range.
    public var qualifiers: [String]
    /// Words and phrases that make a count a minimum, not a limit ("at least 500 words").
    public var lowerQualifiers: [String]
    /// Phrases that bound the output to one unit whatever the context ("yes or no").
    public var singleUnits: [String]
    /// Phrases that bound the output only after an output verb within a few words ("return the label").
    public var verbGatedSingleUnits: [String]
    /// Output verbs ("return", "output", "respond").
    public var outputVerbs: Set<String>
    /// Exclusive-output phrases ("return only", "nothing else").
    public var exclusive: [String]
    /// Words that sound like a limit but are not ("concise").
    public var vague: [String]
    /// Phrases containing a vague word that are not about length ("in short").
    public var vagueExceptions: [String]
    /// Vague words that are about length only in context ("short hair" is not): reported only when the next
    /// word is in ``vagueContextNext``, the previous word in ``vagueContextPrevious``, or a clause ends after them.
    public var vagueNeedsContext: Set<String> = []
    public var vagueContextNext: Set<String> = []
    public var vagueContextPrevious: Set<String> = []
    /// A sentence that describes the *input* ("The last 20 lines show the log format", "You will be
    /// given 3 documents") states no output limit, whatever its numbers: it has no output verb and
    /// either opens with one of ``inputLeadIns`` or has one of ``inputVerbs`` and one of ``inputSubjects``.
    public var inputVerbs: Set<String> = []
    public var inputSubjects: Set<String> = []
    public var inputLeadIns: [[String]] = []
    /// CJK: units written right after a number ("文字", "つ").
    public var cjkUnits: [String: LengthUnit] = [:]
    /// CJK: qualifiers after number+unit that make it a bound ("以内").
    public var cjkQualifiers: [String] = []
    /// CJK: units that bound when followed by "の"/"で" ("3つの", "1文で").
    public var cjkCountingSuffixes: [String] = []
}

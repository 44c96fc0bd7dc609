/// Flags instructions framed as a statement about the model ("You should reply in JSON.", "You will
/// act as a tutor.", "You need to cite sources.") where the imperative says the same in fewer
/// tokens ("Reply in JSON.", "Act as a tutor.", "Cite sources.").
///
/// Only a frame that opens a sentence (or list item) and is followed by a directive verb is
/// matched: "You will be given a ticket" and "You will receive logs" describe the input, not an
/// instruction, and stay. Adverbs between frame and verb are kept ("You should only reply" →
/// "Only reply"); "You should not reply" becomes "Do not reply". "must" is not a frame: it is a
/// meaning word the rewriter never removes. ``ListIntroductionAnalyzer`` handles the frame on a line
/// of its own ("You will:") before a list.
public enum ModalLeadInAnalyzer: TextAnalyzer {

    /// A frame and whether replacing it with the imperative keeps the strength of the instruction.
    /// "should" is softer than an imperative, so its fix is unsafe.
    struct Frame {
        var words: [String]
        var safe: Bool
        /// "You should be concise" → "Be concise" is fine; "You will be given" is not an instruction.
        var allowsBe: Bool
    }

    static let frames: [Frame] = [
        Frame(words: ["you", "should"], safe: false, allowsBe: true),
        Frame(words: ["you", "will"], safe: true, allowsBe: false),
        Frame(words: ["you'll"], safe: true, allowsBe: false),
        Frame(words: ["you", "need", "to"], safe: true, allowsBe: true),
        Frame(words: ["you", "are", "to"], safe: true, allowsBe: true),
    ]

    /// Adverbs that may stand between the frame and the verb; they move to the front of the sentence.
    static let adverbs: Set<String> = ["only", "always", "never", "also", "first", "then", "now", "strictly", "carefully",
                                       "directly", "immediately", "briefly", "simply", "still", "further", "additionally"]

    /// Base forms of verbs that give an instruction. A closed list on purpose: "You will find", "You
    /// will receive", "You will see" describe what happens and are not rewritten.
    static let directiveVerbs: Set<String> = [
        "act", "adapt", "add", "address", "adhere", "adjust", "adopt", "advise", "aim", "align", "analyse", "analyze",
        "annotate", "answer", "apply", "ask", "assess", "assign", "assist", "assume", "avoid", "base", "begin",
        "behave", "brainstorm", "break", "build", "calculate", "categorize", "check", "choose", "cite", "clarify",
        "classify", "coach", "collect", "combine", "communicate", "compare", "compile", "complete", "compose",
        "concentrate", "conduct", "confirm", "consider", "continue", "convert", "correct", "craft", "create",
        "critique", "debug", "decide", "define", "deliver", "describe", "design", "detect", "determine", "develop",
        "devise", "diagnose", "discuss", "display", "document", "draft", "draw", "edit", "elaborate", "emphasize",
        "emulate", "encourage", "engage", "ensure", "estimate", "evaluate", "examine", "execute", "expand",
        "explain", "explore", "express", "extract", "fill", "find", "fix", "flag", "focus", "follow", "format",
        "formulate", "gather", "generate", "give", "guide", "help", "highlight", "identify", "ignore", "illustrate",
        "imagine", "implement", "improve", "include", "incorporate", "infer", "inform", "inspect", "interact",
        "interpret", "introduce", "investigate", "keep", "label", "lead", "list", "locate", "look", "maintain",
        "make", "map", "match", "mention", "mimic", "monitor", "name", "narrate", "note", "offer", "optimize",
        "organize", "outline", "output", "paraphrase", "parse", "perform", "personalize", "pick", "plan", "play",
        "point", "predict", "prepare", "present", "preserve", "pretend", "print", "prioritize", "proceed", "process",
        "produce", "propose", "provide", "rank", "rate", "read", "recommend", "refactor", "refer", "refine", "reflect",
        "refrain", "reply", "report", "research", "respect", "respond", "restate", "return", "review", "revise",
        "rewrite", "roleplay", "run", "say", "score", "search", "select", "send", "serve", "share", "show", "simulate",
        "solve", "sort", "speak", "specify", "start", "state", "stay", "stick", "structure", "suggest", "summarise",
        "summarize", "supply", "support", "tailor", "take", "talk", "teach", "tell", "test", "think", "track",
        "transform", "translate", "treat", "troubleshoot", "try", "turn", "type", "update", "use", "validate",
        "verify", "wait", "walk", "work", "write",
    ]

    /// Frames that end in a gerund: "You are tasked with extracting X" → "Extract X".
    /// Not "You are responsible for…": in a persona paragraph it describes the role ("responsible for
    /// the reliability of the company's services"), and as an order it would ask the impossible.
    static let gerundFrames: [[String]] = [["you", "are", "tasked", "with"], ["you're", "tasked", "with"]]

    public static func analyze(_ t: PromptText) -> [TextMatch] {
        guard t.uses(.english) else { return [] }
        let statements = sentencesAddressingTheReader(t)
        return imperativeFrames(t, statements) + gerundFrameMatches(t, statements)
    }

    /// The prose tokens (punctuation included) of each statement that opens with a "you…" word: the
    /// candidates of both frame kinds. Questions are not instructions.
    private static func sentencesAddressingTheReader(_ t: PromptText) -> [[WordToken]] {
        let b = t.bytes
        return t.sentences.compactMap { sentence in
            // Cheap byte test first: most sentences do not start with "y", and tokenizing them all costs.
            guard sentence.range.count > 8, b[sentence.range.lowerBound] | 0x20 == 0x79,
                  b[sentence.range.upperBound - 1] != 0x3F else { return nil }
            let words = t.proseTokens(sentence.range, keepPunctuation: true)
            guard let first = words.first, first.range.lowerBound == sentence.range.lowerBound, first.lower.hasPrefix("you") else { return nil }
            return words
        }
    }

    /// The base form of a gerund when it is a directive verb: "analyzing" → "analyze", "running" → "run".
    static func baseForm(ofGerund word: String) -> String? {
        guard word.hasSuffix("ing"), word.count > 5 else { return nil }
        let stem = String(word.dropLast(3))
        var candidates = [stem, stem + "e"]
        if let last = stem.last, stem.dropLast().last == last { candidates.append(String(stem.dropLast())) }
        return candidates.first { directiveVerbs.contains($0) }
    }

    private static func imperativeFrames(_ t: PromptText, _ statements: [[WordToken]]) -> [TextMatch] {
        var out: [TextMatch] = []
        let b = t.bytes
        for words in statements {
            guard let frame = frames.first(where: { starts(words, with: $0.words) }) else { continue }
            let first = words[0]
            var k = frame.words.count
            var negated = false
            if k < words.count, words[k].lower == "not" { negated = true; k += 1 }
            else if k < words.count, adverbs.contains(words[k].lower) { k += 1 }
            guard k < words.count, words[k].isWord,
                  directiveVerbs.contains(words[k].lower) || (frame.allowsBe && words[k].lower == "be") else { continue }
            let frameRange = first.range.lowerBound..<words[frame.words.count - 1].range.upperBound
            let resumeAt = words[frame.words.count].range.lowerBound
            let edits: [TextEdit]
            if negated {
                let doWord = Bytes.isUpper(b[first.range.lowerBound]) ? "Do " : "do "
                edits = [TextEdit(range: frameRange.lowerBound..<resumeAt, replacement: doWord)]
            } else {
                edits = CapitalizationRepair.removal(of: frameRange, in: t)
            }
            let framed = t.string(frameRange)
            let message = "\"\(framed)\" frames an instruction as a statement; the imperative says the same in fewer tokens."
            out.append(t.match(frameRange, message, edits: edits, safe: frame.safe,
                               code: "modal." + slug(frame.words.joined(separator: " ")), language: .english))
        }
        return out
    }

    /// "You are tasked with extracting an outline" → "Extract an outline". Skipped when another gerund is
    /// coordinated with the first ("… translating X and providing Y"): the rewrite would not be grammatical.
    private static func gerundFrameMatches(_ t: PromptText, _ statements: [[WordToken]]) -> [TextMatch] {
        var out: [TextMatch] = []
        let b = t.bytes
        for words in statements {
            guard let frame = gerundFrames.first(where: { starts(words, with: $0) }) else { continue }
            let first = words[0]
            let gerund = words[frame.count]
            guard gerund.isWord, let base = baseForm(ofGerund: gerund.lower) else { continue }
            let rest = words[(frame.count + 1)...]
            let coordinated = zip(rest, rest.dropFirst()).contains { previous, word in
                word.lower.hasSuffix("ing") && (previous.lower == "and" || previous.lower == "or" || previous.lower == ",")
            }
            if coordinated { continue }
            let range = first.range.lowerBound..<gerund.range.upperBound
            let verb = Bytes.isUpper(b[first.range.lowerBound]) ? CapitalizationRepair.capitalized(base) : base
            let message = "\"\(t.string(range))\" frames the task as a description; the imperative \"\(verb)\" says the same in fewer tokens."
            out.append(t.match(range, message, edits: [TextEdit(range: range, replacement: verb)], safe: false,
                               code: "modal." + slug(frame.joined(separator: " ")), language: .english))
        }
        return out
    }

    /// True when the first tokens are exactly `frame`'s words, with nothing but blanks between them.
    private static func starts(_ words: [WordToken], with frame: [String]) -> Bool {
        guard words.count > frame.count else { return false }
        for (index, word) in frame.enumerated() where !words[index].isWord || words[index].lower != word { return false }
        return true
    }
}

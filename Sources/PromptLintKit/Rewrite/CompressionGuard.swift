/// What a rewrite must never change in a prompt: placeholders in every syntax, code, URLs, example
/// data (data elements and `EXAMPLE` sections: a pass that deleted their markers would expose them), numbers,
/// the words that carry meaning (negations, "only", "must"), and the last length limit.
/// Checked on the decoded message texts before and after, so it holds whatever the YAML style.
public enum CompressionGuard {
    /// Words whose removal can flip or widen an instruction.
    public static let meaningWords: Set<String> = [
        "not", "never", "no", "only", "must", "don't", "dont", "doesn't", "cannot", "can't", "won't", "shouldn't",
        "mustn't", "without", "avoid", "nothing", "none", "nor", "except", "unless", "exactly", "always",
    ]

    static let protectedKinds: Set<ProseMask.Kind> = [.codeFence, .inlineCode, .mustache, .dollarPlaceholder, .bracePlaceholder,
                                                      .xmlTag, .bracketPlaceholder, .url, .dataElement]

    /// The things that must survive a rewrite of one text, as comparable multisets.
    public struct Invariants: Equatable {
        public var protectedSpans: [String: Int]
        public var numbers: [String: Int]
        public var meaningWords: [String: Int]
    }

    public static func invariants(of text: String) -> Invariants {
        // Only the prose mask is needed: not a whole PromptText (sentences, phrase scan), which a
        // compression would otherwise build for every candidate rewrite.
        let all = Array(text.utf8)
        let mask = ProseMask(bytes: all)
        var spans: [String: Int] = [:]
        for span in mask.spans(of: protectedKinds) where span.kind != .codeFence {
            spans[Bytes.string(all, span.range).trimmingWhitespace(), default: 0] += 1
        }
        // Code blocks must survive byte for byte (indentation and trailing spaces included).
        for fence in mask.codeFences {
            spans["```" + Bytes.string(all, fence), default: 0] += 1
        }
        // Markdown readers disagree on odd fences (indented, after a zero-width space, unclosed):
        // also protect every stretch between two "```" taken in order, the naive reading.
        let pieces = text.components(separatedBy: "```")
        for (index, piece) in pieces.enumerated() where index % 2 == 1 && index < pieces.count - 1 {
            spans["naive```" + piece, default: 0] += 1
        }
        var numbers: [String: Int] = [:]
        var words: [String: Int] = [:]
        // Numbers form an exact multiset. Meaning words are counted once per distinct line, so
        // deleting an exact duplicate line (a repeated instruction) keeps them, while any other
        // loss is caught.
        var seenLines: Set<String> = []
        var distinct: [UInt8] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let key = line.trimmingCharacters(in: " \t\r")
            if seenLines.insert(key).inserted { distinct += Array(line.utf8) + [0x0A] }
        }
        var index = 0
        while index < all.count {
            guard all[index] >= 0x30 && all[index] <= 0x39 else { index += 1; continue }
            var end = index
            while end < all.count, all[end] >= 0x30 && all[end] <= 0x39 || all[end] == 0x2E || all[end] == 0x2C { end += 1 }
            while end > index + 1, all[end - 1] == 0x2E || all[end - 1] == 0x2C { end -= 1 }
            numbers[String(decoding: all[index..<end], as: UTF8.self), default: 0] += 1
            index = end
        }
        let bytes = distinct
        index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A {
                var end = index
                while end < bytes.count, (bytes[end] | 0x20) >= 0x61 && (bytes[end] | 0x20) <= 0x7A || bytes[end] == 0x27 { end += 1 }
                let word = String(decoding: bytes[index..<end].map { $0 | 0x20 }, as: UTF8.self)
                if meaningWords.contains(word) { words[word, default: 0] += 1 }
                index = end
            } else {
                index += 1
            }
        }
        return Invariants(protectedSpans: spans, numbers: numbers, meaningWords: words)
    }

    /// Why `after` is not an acceptable rewrite of `before` (nil when it is).
    public static func violation(before: PromptTemplate, after: PromptTemplate) -> String? {
        Reference(before).violation(after)
    }

    /// The original template's invariants, computed once: a compression checks many candidate
    /// rewrites against the same original.
    public struct Reference {
        let template: PromptTemplate
        let invariants: [Invariants]
        /// Which messages state a length limit, when the limit is only in the text (no `max_output_tokens`).
        let limits: [Bool]?
        var hadLimit: Bool { limits?.contains(true) ?? false }

        public init(_ template: PromptTemplate) {
            self.template = template
            invariants = template.messages.map { CompressionGuard.invariants(of: $0.text) }
            limits = template.maxOutputTokens == nil ? template.messages.map { PromptText($0.text).lengthReport.hasLimit } : nil
        }

        public func violation(_ after: PromptTemplate) -> String? {
            guard template.messages.count == after.messages.count else { return "the number of messages changed" }
            for (index, (old, new)) in zip(template.messages, after.messages).enumerated() where old.text != new.text {
                let a = invariants[index]
                let b = CompressionGuard.invariants(of: new.text)
                if a.protectedSpans != b.protectedSpans { return "a placeholder, code span or URL would change" }
                if a.numbers != b.numbers { return "a number would change" }
                for (word, count) in a.meaningWords where (b.meaningWords[word] ?? 0) < count {
                    return "the meaning word '\(word)' would be removed"
                }
            }
            // An unchanged message keeps its limit; only rewritten messages are analysed again.
            if let limits, hadLimit, !zip(template.messages, after.messages).enumerated().contains(where: { index, pair in
                pair.0.text == pair.1.text ? limits[index] : PromptText(pair.1.text).lengthReport.hasLimit
            }) {
                return "the last length limit would be removed"
            }
            return nil
        }
    }
}

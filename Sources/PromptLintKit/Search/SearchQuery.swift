/// A parsed search query: its distinct terms, normalised like the documents.
public struct SearchQuery: Sendable, Equatable {
    public struct Term: Sendable, Equatable {
        /// The normalised term ("summariz", "チケ").
        public var term: String
        /// The word as typed, for messages.
        public var word: String
        public var isCJK: Bool
    }

    public var text: String
    public var terms: [Term]

    /// Words that carry no meaning in a query; dropped unless the query has nothing else.
    public static let stopWords: Set<String> = ["a", "an", "and", "the", "of", "for", "to", "in", "on", "with", "or", "by", "from", "into", "at"]

    public init(_ text: String) {
        self.text = text
        var seen: Set<String> = []
        var terms: [Term] = []
        let bytes = Array(text.utf8)
        for token in TextNormalizer.tokens(text) where seen.insert(token.term).inserted {
            let word = String(decoding: bytes[token.range], as: UTF8.self)
            terms.append(Term(term: token.term, word: word, isCJK: token.isCJK))
        }
        let meaningful = terms.filter { $0.isCJK || !Self.stopWords.contains($0.word.lowercased()) }
        self.terms = meaningful.isEmpty ? terms : meaningful
    }

    public var isEmpty: Bool { terms.isEmpty }
}

/// Ranked retrieval over a template library: BM25F over name, tags, description, variable names
/// and message text, with typo tolerance and a coverage factor (documents matching more of the
/// query's terms rank first).
public struct SearchIndex: Sendable {
    public var documents: [SearchDocument]
    public var index: InvertedIndex

    public init(documents: [SearchDocument], index: InvertedIndex) {
        self.documents = documents
        self.index = index
    }

    /// Indexes templates (plain-text prompts included: they have a name and a body). Static prompt
    /// tokens are counted only with `countTokens` (for the `maxTokens` filter).
    public init(templates: [PromptTemplate], defaultModel: String = "gpt-4o-mini", registry: ModelRegistry = .builtIn,
                countTokens: Bool = false) {
        documents = templates.map { SearchDocument($0, defaultModel: defaultModel, registry: registry, countTokens: countTokens) }
        index = InvertedIndex(documentCount: templates.count) { doc in
            var fields: [SearchField: String] = [:]
            for field in SearchField.allCases { fields[field] = field.text(of: templates[doc]) }
            return fields
        }
    }

    /// One ranked result.
    public struct Hit: Sendable {
        /// Position in `documents`.
        public var document: Int
        public var score: Float
        /// The index terms that matched (typo corrections included) and their weight, for highlighting.
        public var matchedTerms: [String: Float]
    }

    /// How each query term was resolved: to itself, or to typo corrections.
    public struct ResolvedTerm: Sendable {
        public var query: SearchQuery.Term
        public var ids: [Int]
        public var distance: Int
    }

    public func resolve(_ query: SearchQuery) -> [ResolvedTerm] {
        query.terms.map { term in
            if let id = index.termID(term.term) { return ResolvedTerm(query: term, ids: [id], distance: 0) }
            if term.isCJK || term.term.first?.isNumber == true { return ResolvedTerm(query: term, ids: [], distance: 0) }
            let (ids, distance) = TypoTolerance.corrections(of: term.term, in: index.vocabulary)
            return ResolvedTerm(query: term, ids: ids, distance: distance)
        }
    }

    /// The best `limit` documents passing `filter`, best first (ties by name).
    public func search(_ query: SearchQuery, limit: Int = 10, filter: SearchFilter = SearchFilter()) -> [Hit] {
        guard !query.isEmpty, limit > 0 else { return [] }
        let resolved = resolve(query)
        var scores = [Float](repeating: 0, count: documents.count)
        var matchedCount = [UInt16](repeating: 0, count: documents.count)
        var touched: [Int] = []
        for term in resolved where !term.ids.isEmpty {
            let penalty = TypoTolerance.penalty(distance: term.distance)
            // A document counts a query term once, with its best correction.
            var best: [Int: Float] = [:]
            for id in term.ids {
                index.forEachPosting(id) { doc, score in
                    let value = score * penalty
                    if value > best[doc, default: 0] { best[doc] = value }
                }
            }
            for (doc, value) in best {
                if matchedCount[doc] == 0 { touched.append(doc) }
                scores[doc] += value
                matchedCount[doc] += 1
            }
        }
        let termCount = Float(query.terms.count)
        var ranked: [(doc: Int, score: Float)] = []
        ranked.reserveCapacity(touched.count)
        for doc in touched {
            if !filter.isEmpty, !filter.matches(documents[doc]) { continue }
            let coverage = Float(matchedCount[doc]) / termCount
            ranked.append((doc, scores[doc] * coverage))
        }
        let top = ranked.sorted { $0.score != $1.score ? $0.score > $1.score : documents[$0.doc].name < documents[$1.doc].name }.prefix(limit)
        return top.map { entry in
            var matched: [String: Float] = [:]
            for term in resolved {
                for id in term.ids where postings(id, contain: entry.doc) {
                    matched[index.vocabulary[id]] = index.idf(id) * TypoTolerance.penalty(distance: term.distance)
                }
            }
            return Hit(document: entry.doc, score: entry.score, matchedTerms: matched)
        }
    }

    func postings(_ id: Int, contain doc: Int) -> Bool {
        let postings = index.postingDocs[Int(index.postingStarts[id])..<Int(index.postingStarts[id + 1])]
        let k = postings.partitioningIndex { Int($0) >= doc }
        return k < postings.endIndex && Int(postings[k]) == doc
    }
}

/// Filters of `promptlint search`: every given one must hold.
public struct SearchFilter: Sendable {
    /// Tags the template must all have (case-insensitive).
    public var tags: [String]
    /// The template's model (case-insensitive).
    public var model: String?
    /// The price tier of the template's model (the default model's for templates that name none).
    public var tier: ModelTier?
    /// At most this many static prompt tokens (needs documents indexed with `countTokens`).
    public var maxTokens: Int?

    public init(tags: [String] = [], model: String? = nil, tier: ModelTier? = nil, maxTokens: Int? = nil) {
        self.tags = tags
        self.model = model
        self.tier = tier
        self.maxTokens = maxTokens
    }

    public func matches(_ document: SearchDocument) -> Bool {
        let lowered = Set(document.tags.map { $0.lowercased() })
        guard tags.allSatisfy({ lowered.contains($0.lowercased()) }) else { return false }
        if let model, document.model?.lowercased() != model.lowercased() { return false }
        if let tier, document.tier != tier { return false }
        if let maxTokens, let tokens = document.staticTokens, tokens > maxTokens { return false }
        return true
    }

    public var isEmpty: Bool { tags.isEmpty && model == nil && tier == nil && maxTokens == nil }
}

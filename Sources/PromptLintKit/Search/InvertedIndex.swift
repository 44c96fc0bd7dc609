import Foundation

/// An in-memory inverted index with BM25F scoring: for each term, the documents holding it and
/// the term's field-weighted, length-normalised frequency there (computed once, at build time).
///
/// Storage is flat (sorted vocabulary, one postings array) so it can be written to and read from
/// a cache file without rebuilding.
public struct InvertedIndex: Sendable {
    /// Sorted terms; a term's id is its position.
    public internal(set) var vocabulary: [String]
    /// Postings of term `i` are `postingDocs[postingStarts[i]..<postingStarts[i + 1]]`.
    public internal(set) var postingStarts: [UInt32]
    public internal(set) var postingDocs: [UInt32]
    /// BM25F pseudo-frequency: Σ over fields of weight × tf / (1 − b + b × length / average length).
    public internal(set) var postingWeights: [Float]
    public internal(set) var documentCount: Int

    public static let k1: Float = 1.2

    init(vocabulary: [String], postingStarts: [UInt32], postingDocs: [UInt32], postingWeights: [Float], documentCount: Int) {
        self.vocabulary = vocabulary
        self.postingStarts = postingStarts
        self.postingDocs = postingDocs
        self.postingWeights = postingWeights
        self.documentCount = documentCount
    }

    /// Builds the index; `fields(doc)` gives each document's text per field.
    public init(documentCount: Int, fields: (Int) -> [SearchField: String]) {
        // Per document: term → per-field frequency, and field lengths.
        var termIDs: [String: Int] = [:]
        var perTermPostings: [[(doc: UInt32, tf: [UInt16])]] = []
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: SearchField.allCases.count), count: documentCount)
        for doc in 0..<documentCount {
            var local: [Int: [UInt16]] = [:]
            for (field, text) in fields(doc) {
                let tokens = TextNormalizer.tokens(text)
                lengths[doc][field.rawValue] = tokens.count
                for token in tokens {
                    let id: Int
                    if let existing = termIDs[token.term] { id = existing } else {
                        id = perTermPostings.count
                        termIDs[token.term] = id
                        perTermPostings.append([])
                    }
                    local[id, default: [UInt16](repeating: 0, count: SearchField.allCases.count)][field.rawValue] &+= 1
                }
            }
            for (id, tf) in local { perTermPostings[id].append((UInt32(doc), tf)) }
        }
        var averages = [Float](repeating: 1, count: SearchField.allCases.count)
        if documentCount > 0 {
            for field in SearchField.allCases {
                let total = lengths.reduce(0) { $0 + $1[field.rawValue] }
                averages[field.rawValue] = max(1, Float(total) / Float(documentCount))
            }
        }
        let sortedTerms = termIDs.sorted { $0.key < $1.key }
        var starts: [UInt32] = [0]
        var docs: [UInt32] = []
        var weights: [Float] = []
        starts.reserveCapacity(sortedTerms.count + 1)
        for (_, id) in sortedTerms {
            for posting in perTermPostings[id].sorted(by: { $0.doc < $1.doc }) {
                var weight: Float = 0
                for field in SearchField.allCases where posting.tf[field.rawValue] > 0 {
                    let b = field.lengthNormalization
                    let norm = 1 - b + b * Float(lengths[Int(posting.doc)][field.rawValue]) / averages[field.rawValue]
                    weight += field.weight * Float(posting.tf[field.rawValue]) / norm
                }
                docs.append(posting.doc)
                weights.append(weight)
            }
            starts.append(UInt32(docs.count))
        }
        self.init(vocabulary: sortedTerms.map(\.key), postingStarts: starts, postingDocs: docs, postingWeights: weights,
                  documentCount: documentCount)
    }

    /// The id of a term, by binary search.
    public func termID(_ term: String) -> Int? {
        let k = vocabulary.partitioningIndex { $0 >= term }
        return k < vocabulary.count && vocabulary[k] == term ? k : nil
    }

    public func documentFrequency(_ id: Int) -> Int {
        Int(postingStarts[id + 1] - postingStarts[id])
    }

    /// BM25 inverse document frequency (always positive).
    public func idf(_ id: Int) -> Float {
        let n = Float(documentCount)
        let df = Float(documentFrequency(id))
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// Calls `body(doc, score)` for each document holding the term, with its BM25F contribution.
    public func forEachPosting(_ id: Int, _ body: (Int, Float) -> Void) {
        let idf = idf(id)
        for index in Int(postingStarts[id])..<Int(postingStarts[id + 1]) {
            let tf = postingWeights[index]
            body(Int(postingDocs[index]), idf * tf * (Self.k1 + 1) / (Self.k1 + tf))
        }
    }
}

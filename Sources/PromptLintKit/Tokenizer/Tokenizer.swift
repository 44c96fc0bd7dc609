/// Exact tiktoken-compatible byte-level BPE tokenizer for `cl100k_base` and `o200k_base`.
///
/// `encode` returns the same ids as tiktoken's `encode_ordinary` for every string (special-token
/// text is encoded as ordinary text), and `decode(encode(s)) == s`.
public final class Tokenizer: Sendable {
    public let encoding: Encoding
    let vocab: Vocabulary
    let sharedCache = SharedPieceCache()

    /// Pieces longer than this are merged but not cached: they rarely repeat and would bloat
    /// the cache.
    static let maxCachedPieceLength = 256

    private static let cl100k = load(.cl100k_base)
    private static let o200k = load(.o200k_base)

    /// The process-wide tokenizer for `encoding`. The vocabulary is set up on first use (Swift
    /// initialises static lets lazily and exactly once, so this is thread-safe).
    public static func shared(_ encoding: Encoding) -> Tokenizer {
        switch encoding {
        case .cl100k_base: return cl100k
        case .o200k_base: return o200k
        }
    }

    private static func load(_ encoding: Encoding) -> Tokenizer {
        do {
            return Tokenizer(encoding: encoding, vocab: try Vocabulary(encoding: encoding))
        } catch {
            // The vocabulary is part of the executable: a bad one is a build bug, not input.
            fatalError("\(error)")
        }
    }

    init(encoding: Encoding, vocab: Vocabulary) {
        self.encoding = encoding
        self.vocab = vocab
    }

    /// Token ids of `text`, identical to tiktoken's `encode_ordinary`.
    public func encode(_ text: String) -> [Int] {
        // ~4 bytes per token in typical text; the sink grows if needed.
        var sink = ArraySink(capacity: text.utf8.count / 3 + 16)
        run(text, into: &sink)
        return sink.finish()
    }

    /// Number of tokens of `text` (= `encode(text).count`, without building the array).
    public func count(_ text: String) -> Int {
        var sink = CountSink()
        run(text, into: &sink)
        return sink.count
    }

    /// The text of `ids`. Lossless for ids produced by `encode`; a sequence that splits a UTF-8
    /// character gets U+FFFD for the broken bytes, and unknown ids are skipped.
    public func decode(_ ids: [Int]) -> String {
        String(decoding: decodeBytes(ids), as: UTF8.self)
    }

    /// The bytes of `ids`, concatenated; special-token ids render as their names.
    public func decodeBytes(_ ids: [Int]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(ids.count * 4)
        for id in ids {
            if id >= 0 && id < vocab.tokenCount {
                bytes.append(contentsOf: vocab.tokenBytes(id))
            } else if let special = encoding.specialTokens[id] {
                bytes.append(contentsOf: special.utf8)
            }
        }
        return bytes
    }

    private func run<Sink: TokenSink>(_ text: String, into sink: inout Sink) {
        var text = text
        text.withUTF8 { utf8 in
            switch encoding {
            case .cl100k_base: encodeBytes(utf8, scanner: Cl100kScanner.self, into: &sink)
            case .o200k_base: encodeBytes(utf8, scanner: O200kScanner.self, into: &sink)
            }
        }
    }

    /// Split into pieces, then per piece: one byte, a whole-vocabulary hit (the common case),
    /// a hit in this call's cache, a hit in the tokenizer's shared cache, or a full merge.
    func encodeBytes<Scanner: PieceScanner, Sink: TokenSink>(
        _ utf8: UnsafeBufferPointer<UInt8>, scanner: Scanner.Type, into sink: inout Sink
    ) {
        guard let base = utf8.baseAddress, !utf8.isEmpty else { return }
        let cursor = ScalarCursor(text: utf8, classes: ScalarClassTable.shared.classes)
        let byteRanks = vocab.byteRanks
        let maxTokenLength = vocab.maxTokenLength
        var cache = PieceCache()
        var merger = BytePairMerger(vocab: vocab)
        var merged: [UInt32] = []
        var p = 0
        while p < utf8.count {
            let end = Scanner.pieceEnd(cursor, p)
            let length = end - p
            if length == 1 {
                sink.append(byteRanks[Int(base[p])])
            } else {
                let hash = VocabHash.hash(base + p, length)
                let rank = length <= maxTokenLength ? vocab.rank(base + p, length, hash: hash) : Vocabulary.noRank
                if rank != Vocabulary.noRank {
                    sink.append(rank)
                } else if let range = cache.lookup(base, p, length, hash: hash) {
                    cache.ids.withUnsafeBufferPointer { sink.append(contentsOf: UnsafeBufferPointer(rebasing: $0[range])) }
                } else {
                    merged.removeAll(keepingCapacity: true)
                    let cacheable = length <= Tokenizer.maxCachedPieceLength
                    if !(cacheable && sharedCache.lookup(base + p, length, hash: hash, into: &merged)) {
                        merger.merge(base + p, length, into: &merged)
                        if cacheable { sharedCache.insert(base + p, length, hash: hash, ids: merged) }
                    }
                    merged.withUnsafeBufferPointer { sink.append(contentsOf: $0) }
                    if cacheable { cache.insert(p, length, hash: hash, ids: merged[...]) }
                }
            }
            p = end
        }
    }

    /// The pre-tokenizer alone: byte ranges of the pieces BPE works on (for tests and tools).
    func pieces(_ text: String) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { utf8 in
            var out: [Range<Int>] = []
            guard !utf8.isEmpty else { return out }
            let cursor = ScalarCursor(text: utf8, classes: ScalarClassTable.shared.classes)
            var p = 0
            while p < utf8.count {
                let end = encoding == .cl100k_base ? Cl100kScanner.pieceEnd(cursor, p) : O200kScanner.pieceEnd(cursor, p)
                out.append(p..<end)
                p = end
            }
            return out
        }
    }
}

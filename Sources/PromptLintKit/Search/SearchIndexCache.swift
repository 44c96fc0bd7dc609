import Foundation

/// A search index kept on disk between runs, so a query over a large library need not parse
/// every template. Never stale: the cache records a fingerprint of every template file (relative
/// path, size, modification time in nanoseconds, like git's index) and of the run's settings
/// (config file bytes, include/exclude, promptlint version); any difference rebuilds it.
public enum SearchIndexCache {
    static let formatVersion: UInt32 = 1
    static let magic: [UInt8] = Array("PLSEARCH".utf8)

    public struct Entry: Sendable {
        public var index: SearchIndex
        /// Load problems of the library, as printed (`file:line:col: message`).
        public var issues: [String]
        public var errorCount: Int
        public var fromCache: Bool

        public init(index: SearchIndex, issues: [String], errorCount: Int, fromCache: Bool) {
            self.index = index
            self.issues = issues
            self.errorCount = errorCount
            self.fromCache = fromCache
        }
    }

    /// `$PROMPTLINT_CACHE_DIR`, else `$XDG_CACHE_HOME/promptlint`, else `~/.cache/promptlint`.
    public static func defaultDirectory() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let dir = environment["PROMPTLINT_CACHE_DIR"], !dir.isEmpty { return dir }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/promptlint" }
        return NSHomeDirectory() + "/.cache/promptlint"
    }

    /// The index of the library at `root`, from the cache when it is current, else built by
    /// `build` and written to the cache (best effort: an unwritable cache only costs speed).
    public static func index(root: String, include: [Glob], exclude: [Glob], settings: String, directory: String,
                             build: () -> Entry) -> Entry {
        let absoluteRoot = PromptLibrary.absolute((root as NSString).standardizingPath)
        let path = directory + "/search-" + String(SimilarityIndex.hash(absoluteRoot), radix: 16) + ".bin"
        let fingerprint = Self.fingerprint(root: root, include: include, exclude: exclude,
                                           // Stored file paths are as the user named the library: the root as given counts.
                                           settings: settings + "\u{0}" + absoluteRoot + "\u{0}" + root + "\u{0}"
                                               + FileManager.default.currentDirectoryPath + "\u{0}" + PromptLintKit.version)
        if let bytes = try? SourceFile.readBytes(path), let entry = read(bytes, fingerprint: fingerprint) {
            return entry
        }
        var entry = build()
        entry.fromCache = false
        let payload = encode(entry)
        var writer = Writer()
        writer.bytes(magic)
        writer.u32(formatVersion)
        writer.u64(fingerprint)
        writer.u64(checksum(payload[...]))
        writer.bytes(payload)
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        if FileManager.default.createFile(atPath: temporary, contents: Data(writer.out), attributes: [.posixPermissions: 0o600]) {
            if rename(temporary, path) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
        }
        return entry
    }

    /// FNV-1a over the payload, mixed: catches a truncated, torn or edited file.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return SimilarityIndex.mix(hash)
    }

    /// Hash of the settings and of every file the library walk finds (`LibraryWalk`, the same walk
    /// loading uses): path, size, modification and change time, inode and device.
    static func fingerprint(root: String, include: [Glob], exclude: [Glob], settings: String) -> UInt64 {
        var hash = SimilarityIndex.hash(settings + "\u{0}" + include.map(\.pattern).joined(separator: ",") + "\u{0}" + exclude.map(\.pattern).joined(separator: ","))
        for file in LibraryWalk(root: root, include: include, exclude: exclude).files {
            hash = SimilarityIndex.mix(hash ^ SimilarityIndex.hash(file.relative))
            for value in [file.size, Int64(file.modified.tv_sec), Int64(file.modified.tv_nsec), Int64(file.changed.tv_sec), Int64(file.changed.tv_nsec)] {
                hash = SimilarityIndex.mix(hash ^ UInt64(bitPattern: value))
            }
            hash = SimilarityIndex.mix(hash ^ file.inode)
            hash = SimilarityIndex.mix(hash ^ file.device)
        }
        return hash
    }

    /// The cache file's payload (what follows the header) for `entry`.
    public static func encode(_ entry: Entry) -> [UInt8] {
        var writer = Writer()
        write(entry, to: &writer)
        return writer.out
    }

    static func write(_ entry: Entry, to writer: inout Writer) {
        writer.u32(UInt32(entry.errorCount))
        writer.u32(UInt32(entry.issues.count))
        for issue in entry.issues { writer.string(issue) }
        let documents = entry.index.documents
        writer.u32(UInt32(documents.count))
        for document in documents {
            writer.string(document.name)
            writer.string(document.path)
            writer.optionalString(document.description)
            writer.u32(UInt32(document.tags.count))
            for tag in document.tags { writer.string(tag) }
            writer.optionalString(document.model)
            writer.i64(Int64(document.maxOutputTokens ?? -1))
            writer.optionalString(document.tier?.rawValue)
            writer.i64(Int64(document.staticTokens ?? -1))
        }
        let index = entry.index.index
        writer.u32(UInt32(index.vocabulary.count))
        for term in index.vocabulary { writer.string(term) }
        writer.u32(UInt32(index.postingDocs.count))
        for start in index.postingStarts { writer.u32(start) }
        for doc in index.postingDocs { writer.u32(doc) }
        for weight in index.postingWeights { writer.u32(weight.bitPattern) }
    }

    static let headerSize = magic.count + 4 + 8 + 8

    static func read(_ bytes: [UInt8], fingerprint: UInt64) -> Entry? {
        var reader = Reader(bytes: bytes[...])
        guard reader.take(magic.count).map(Array.init) == magic, reader.u32() == formatVersion, reader.u64() == fingerprint,
              let sum = reader.u64(), checksum(bytes[headerSize...]) == sum else { return nil }
        return decode(payload: bytes[headerSize...])
    }

    /// Reads a payload, checking every count against the bytes left, every offset and id against
    /// its table, order where lookups binary-search, and that weights are finite: nil on any doubt.
    public static func decode(payload: ArraySlice<UInt8>) -> Entry? {
        var reader = Reader(bytes: payload)
        guard let errorCount = reader.count(minimumSize: 0), let issueCount = reader.count(minimumSize: 4), errorCount <= issueCount else { return nil }
        var issues: [String] = []
        for _ in 0..<issueCount { guard let issue = reader.string() else { return nil }; issues.append(issue) }
        // A document takes at least 2 strings, 3 flags, a count and 2 integers.
        guard let documentCount = reader.count(minimumSize: 35) else { return nil }
        var documents: [SearchDocument] = []
        documents.reserveCapacity(documentCount)
        for _ in 0..<documentCount {
            guard let name = reader.string(), let path = reader.string(), let description = reader.optionalString(),
                  let tagCount = reader.count(minimumSize: 4) else { return nil }
            var tags: [String] = []
            for _ in 0..<tagCount { guard let tag = reader.string() else { return nil }; tags.append(tag) }
            guard let model = reader.optionalString(), let maxOutput = reader.i64(), let tier = reader.optionalString(),
                  let tokens = reader.i64() else { return nil }
            documents.append(SearchDocument(name: name, path: path, description: description, tags: tags, model: model,
                                            maxOutputTokens: maxOutput < 0 ? nil : Int(maxOutput), tier: tier.flatMap(ModelTier.init(rawValue:)),
                                            staticTokens: tokens < 0 ? nil : Int(tokens)))
        }
        guard let termCount = reader.count(minimumSize: 4) else { return nil }
        var vocabulary: [String] = []
        vocabulary.reserveCapacity(termCount)
        for _ in 0..<termCount {
            guard let term = reader.string() else { return nil }
            // Terms are looked up by binary search: strictly increasing.
            if let last = vocabulary.last, !(last < term) { return nil }
            vocabulary.append(term)
        }
        guard let postingCount = reader.count(minimumSize: 8),
              let starts = reader.u32Array(termCount + 1), let docs = reader.u32Array(postingCount),
              let weights = reader.u32Array(postingCount), reader.atEnd else { return nil }
        guard starts.first == 0, starts.last.map(Int.init) == postingCount else { return nil }
        for term in 0..<termCount {
            let (lower, upper) = (Int(starts[term]), Int(starts[term + 1]))
            guard lower <= upper else { return nil }
            // A term's postings: document ids in range, strictly increasing (binary-searched).
            for index in lower..<upper {
                guard Int(docs[index]) < documentCount, index == lower || docs[index - 1] < docs[index] else { return nil }
            }
        }
        let floats = weights.map(Float.init(bitPattern:))
        guard floats.allSatisfy({ $0.isFinite && $0 >= 0 }) else { return nil }
        let index = InvertedIndex(vocabulary: vocabulary, postingStarts: starts, postingDocs: docs,
                                  postingWeights: floats, documentCount: documents.count)
        return Entry(index: SearchIndex(documents: documents, index: index), issues: issues, errorCount: errorCount, fromCache: true)
    }

    struct Writer {
        var out: [UInt8] = []
        mutating func bytes(_ bytes: [UInt8]) { out.append(contentsOf: bytes) }
        mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) } }
        mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) } }
        mutating func i64(_ value: Int64) { u64(UInt64(bitPattern: value)) }
        mutating func string(_ value: String) { u32(UInt32(value.utf8.count)); out.append(contentsOf: value.utf8) }
        mutating func optionalString(_ value: String?) {
            if let value { out.append(1); string(value) } else { out.append(0) }
        }
    }

    struct Reader {
        let bytes: ArraySlice<UInt8>
        var position: Int
        var atEnd: Bool { position == bytes.endIndex }

        init(bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            position = bytes.startIndex
        }

        /// A count of items that each take at least `minimumSize` bytes: nil when the rest of the
        /// file could not hold them (a huge count must not reserve gigabytes).
        mutating func count(minimumSize: Int) -> Int? {
            guard let value = u32() else { return nil }
            let count = Int(value)
            guard minimumSize == 0 || count <= (bytes.endIndex - position) / minimumSize else { return nil }
            return count
        }

        mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
            guard count >= 0, count <= bytes.endIndex - position else { return nil }
            defer { position += count }
            return bytes[position..<position + count]
        }
        mutating func u32() -> UInt32? {
            guard let slice = take(4) else { return nil }
            return slice.reversed().reduce(0) { $0 << 8 | UInt32($1) }
        }
        mutating func u64() -> UInt64? {
            guard let slice = take(8) else { return nil }
            return slice.reversed().reduce(0) { $0 << 8 | UInt64($1) }
        }
        mutating func i64() -> Int64? { u64().map { Int64(bitPattern: $0) } }
        mutating func string() -> String? {
            guard let count = u32(), let slice = take(Int(count)) else { return nil }
            return String(decoding: slice, as: UTF8.self)
        }
        /// `.some(nil)` for an absent value, `nil` for a truncated file.
        mutating func optionalString() -> String?? {
            guard let flag = take(1)?.first else { return nil }
            return flag == 0 ? .some(nil) : string().map { .some($0) }
        }
        mutating func u32Array(_ count: Int) -> [UInt32]? {
            guard count >= 0, count <= (bytes.endIndex - position) / 4 else { return nil }
            var result = [UInt32](repeating: 0, count: count)
            result.withUnsafeMutableBytes { destination in
                bytes.withUnsafeBytes { source in
                    let start = position - bytes.startIndex
                    destination.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[start..<start + count * 4]))
                }
            }
            position += count * 4
            return result.map { UInt32(littleEndian: $0) }
        }
    }
}

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
        if let data = FileManager.default.contents(atPath: path), let entry = read([UInt8](data), fingerprint: fingerprint) {
            return entry
        }
        var entry = build()
        entry.fromCache = false
        var writer = Writer()
        writer.bytes(magic)
        writer.u32(formatVersion)
        writer.u64(fingerprint)
        write(entry, to: &writer)
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        if FileManager.default.createFile(atPath: temporary, contents: Data(writer.out)) {
            if rename(temporary, path) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
        }
        return entry
    }

    /// Hash of the settings and of every template file's path, size, modification time and inode.
    ///
    /// Walks the folder with readdir/stat rather than FileManager (half the run time on 10,000 files).
    /// It follows symbolic links and applies include/exclude like `PromptLibrary.templateFiles`;
    /// should the two ever disagree, the walk sees more files, which only costs a rebuild.
    static func fingerprint(root: String, include: [Glob], exclude: [Glob], settings: String) -> UInt64 {
        var entries: [(relative: String, size: Int64, seconds: Int64, nanoseconds: Int64, inode: UInt64)] = []
        func walk(_ directory: String, _ prefix: String, depth: Int) {
            guard depth < 64, let handle = opendir(directory) else { return }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name.hasPrefix(".") { continue }
                let full = directory + "/" + name
                let relative = prefix.isEmpty ? name : prefix + "/" + name
                var info = stat()
                guard stat(full, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    walk(full, relative, depth: depth + 1)
                    continue
                }
                guard TemplateFormat(path: name)?.isTemplateFile == true else { continue }
                if !include.isEmpty, !include.contains(where: { $0.matches(relative) }) { continue }
                if exclude.contains(where: { $0.matches(relative) }) { continue }
                entries.append((relative, Int64(info.st_size), Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec), UInt64(info.st_ino)))
            }
        }
        walk(root, "", depth: 0)
        entries.sort { $0.relative < $1.relative }
        var hash = SimilarityIndex.hash(settings + "\u{0}" + include.map(\.pattern).joined(separator: ",") + "\u{0}" + exclude.map(\.pattern).joined(separator: ","))
        for entry in entries {
            hash = SimilarityIndex.mix(hash ^ SimilarityIndex.hash(entry.relative))
            hash = SimilarityIndex.mix(hash ^ UInt64(bitPattern: entry.size))
            hash = SimilarityIndex.mix(hash ^ UInt64(bitPattern: entry.seconds))
            hash = SimilarityIndex.mix(hash ^ UInt64(bitPattern: entry.nanoseconds))
            hash = SimilarityIndex.mix(hash ^ entry.inode)
        }
        return hash
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

    static func read(_ bytes: [UInt8], fingerprint: UInt64) -> Entry? {
        var reader = Reader(bytes: bytes)
        guard reader.take(magic.count).map(Array.init) == magic, reader.u32() == formatVersion, reader.u64() == fingerprint else { return nil }
        guard let errorCount = reader.u32(), let issueCount = reader.u32() else { return nil }
        var issues: [String] = []
        for _ in 0..<issueCount { guard let issue = reader.string() else { return nil }; issues.append(issue) }
        guard let documentCount = reader.u32() else { return nil }
        var documents: [SearchDocument] = []
        documents.reserveCapacity(Int(documentCount))
        for _ in 0..<documentCount {
            guard let name = reader.string(), let path = reader.string(), let description = reader.optionalString(),
                  let tagCount = reader.u32() else { return nil }
            var tags: [String] = []
            for _ in 0..<tagCount { guard let tag = reader.string() else { return nil }; tags.append(tag) }
            guard let model = reader.optionalString(), let maxOutput = reader.i64(), let tier = reader.optionalString(),
                  let tokens = reader.i64() else { return nil }
            documents.append(SearchDocument(name: name, path: path, description: description, tags: tags, model: model,
                                            maxOutputTokens: maxOutput < 0 ? nil : Int(maxOutput), tier: tier.flatMap(ModelTier.init(rawValue:)),
                                            staticTokens: tokens < 0 ? nil : Int(tokens)))
        }
        guard let termCount = reader.u32() else { return nil }
        var vocabulary: [String] = []
        vocabulary.reserveCapacity(Int(termCount))
        for _ in 0..<termCount { guard let term = reader.string() else { return nil }; vocabulary.append(term) }
        guard let postingCount = reader.u32(),
              let starts = reader.u32Array(Int(termCount) + 1), let docs = reader.u32Array(Int(postingCount)),
              let weights = reader.u32Array(Int(postingCount)), reader.atEnd else { return nil }
        let index = InvertedIndex(vocabulary: vocabulary, postingStarts: starts, postingDocs: docs,
                                  postingWeights: weights.map(Float.init(bitPattern:)), documentCount: documents.count)
        return Entry(index: SearchIndex(documents: documents, index: index), issues: issues, errorCount: Int(errorCount), fromCache: true)
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
        let bytes: [UInt8]
        var position = 0
        var atEnd: Bool { position == bytes.count }

        mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
            guard count >= 0, position + count <= bytes.count else { return nil }
            defer { position += count }
            return bytes[position..<position + count]
        }
        mutating func u32() -> UInt32? {
            guard position + 4 <= bytes.count else { return nil }
            defer { position += 4 }
            return bytes.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: position, as: UInt32.self)) }
        }
        mutating func u64() -> UInt64? {
            guard position + 8 <= bytes.count else { return nil }
            defer { position += 8 }
            return bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: position, as: UInt64.self)) }
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
            guard count >= 0, position + count * 4 <= bytes.count else { return nil }
            var result = [UInt32](repeating: 0, count: count)
            result.withUnsafeMutableBytes { destination in
                bytes.withUnsafeBytes { source in
                    destination.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<position + count * 4]))
                }
            }
            position += count * 4
            return result.map { UInt32(littleEndian: $0) }
        }
    }
}

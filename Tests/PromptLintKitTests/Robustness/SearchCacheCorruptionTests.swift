import Foundation
import Testing
@testable import PromptLintKit

/// Issue 11: a damaged search cache file must mean a rebuild, never a trap or a wrong answer.
@Suite struct SearchCacheCorruptionTests {
    static let entry: SearchIndexCache.Entry = {
        let library = PromptLibrary.load(root: Paths.fixtures + "/search-library")
        let index = SearchIndex(templates: library.templates)
        return SearchIndexCache.Entry(index: index, issues: ["x.yml:1:1: a problem"], errorCount: 1, fromCache: false)
    }()

    func u32(_ value: UInt32) -> [UInt8] { withUnsafeBytes(of: value.littleEndian, Array.init) }

    /// Byte offset of the postings section: the u32 posting count after the vocabulary.
    func postingsOffset(_ payload: [UInt8]) -> Int {
        let tail = 4 + (Self.entry.index.index.vocabulary.count + 1) * 4 + Self.entry.index.index.postingDocs.count * 8
        return payload.count - tail
    }

    @Test func theRealPayloadDecodes() throws {
        let payload = SearchIndexCache.encode(Self.entry)
        let decoded = try #require(SearchIndexCache.decode(payload: payload[...]))
        #expect(decoded.index.documents.map(\.name) == Self.entry.index.documents.map(\.name))
        #expect(SearchIndexCache.encode(decoded) == payload)
    }

    @Test func hugeCountsOutOfRangeIdsDecreasingOffsetsAndNaNAreRejected() {
        let payload = SearchIndexCache.encode(Self.entry)
        let postings = postingsOffset(payload)
        let termCount = Self.entry.index.index.vocabulary.count
        let startsAt = postings + 4
        let docsAt = startsAt + (termCount + 1) * 4
        let weightsAt = docsAt + Self.entry.index.index.postingDocs.count * 4
        var cases: [String: [UInt8]] = [:]
        var huge = payload; huge.replaceSubrange(4..<8, with: u32(.max)); cases["huge issue count"] = huge
        var documents = payload
        let documentCountAt = 8 + 4 + "x.yml:1:1: a problem".utf8.count
        documents.replaceSubrange(documentCountAt..<documentCountAt + 4, with: u32(4_000_000_000)); cases["huge document count"] = documents
        var id = payload; id.replaceSubrange(docsAt..<docsAt + 4, with: u32(1_000_000)); cases["document id out of range"] = id
        var offsets = payload; offsets.replaceSubrange(startsAt + 4..<startsAt + 8, with: u32(.max)); cases["offset out of range"] = offsets
        var decreasing = payload; decreasing.replaceSubrange(startsAt + 8..<startsAt + 12, with: u32(0)); cases["decreasing offsets"] = decreasing
        var nan = payload; nan.replaceSubrange(weightsAt..<weightsAt + 4, with: u32(Float.nan.bitPattern)); cases["NaN weight"] = nan
        var errors = payload; errors.replaceSubrange(0..<4, with: u32(5)); cases["more errors than issues"] = errors
        cases["truncated"] = Array(payload.dropLast(3))
        cases["trailing bytes"] = payload + [0]
        for (name, bytes) in cases {
            #expect(SearchIndexCache.decode(payload: bytes[...]) == nil, "\(name) was accepted")
        }
    }

    @Test func aChecksumMismatchIsAMiss() {
        let payload = SearchIndexCache.encode(Self.entry)
        var file = SearchIndexCache.magic + u32(SearchIndexCache.formatVersion) + withUnsafeBytes(of: UInt64(7).littleEndian, Array.init)
        file += withUnsafeBytes(of: SearchIndexCache.checksum(payload[...]).littleEndian, Array.init) + payload
        #expect(SearchIndexCache.read(file, fingerprint: 7) != nil)
        var flipped = file
        flipped[flipped.count - 1] ^= 0x01
        #expect(SearchIndexCache.read(flipped, fingerprint: 7) == nil)
    }

    @Test func randomDamageNeverTraps() {
        let payload = SearchIndexCache.encode(Self.entry)
        var random = SeededRandom(seed: 11)
        for _ in 0..<3_000 {
            var bytes = payload
            for _ in 0..<Int(random.next() % 4 + 1) {
                let position = Int(random.next() % UInt64(bytes.count))
                bytes[position] = UInt8(truncatingIfNeeded: random.next())
            }
            if let entry = SearchIndexCache.decode(payload: bytes[...]) {
                for hit in entry.index.search(SearchQuery("ticket summary"), limit: 5) { #expect(hit.document < entry.index.documents.count) }
            }
        }
    }

    @Test func fingerprintSeesInPlaceEditsWithRestoredTimesAndIncludedTextFiles() throws {
        let directory = try TemporaryDirectory(files: ["a.yml": "template: one\n", "notes/n.txt": "Summarize.\n"])
        let include = [Glob("**/*.yml"), Glob("**/*.txt")]
        func fingerprint() -> UInt64 { SearchIndexCache.fingerprint(root: directory.path, include: include, exclude: [], settings: "") }
        let first = fingerprint()
        // Same size, same modification time: only the change time tells.
        var info = stat()
        stat(directory.file("a.yml"), &info)
        try "template: two\n".write(toFile: directory.file("a.yml"), atomically: false, encoding: .utf8)
        var times = [timespec(tv_sec: info.st_atim.tv_sec, tv_nsec: info.st_atim.tv_nsec), timespec(tv_sec: info.st_mtim.tv_sec, tv_nsec: info.st_mtim.tv_nsec)]
        utimensat(AT_FDCWD, directory.file("a.yml"), &times, 0)
        let second = fingerprint()
        #expect(second != first)
        try "Summarize briefly.\n".write(toFile: directory.file("notes/n.txt"), atomically: false, encoding: .utf8)
        #expect(fingerprint() != second)
    }
}

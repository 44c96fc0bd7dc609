import CVocabulary
import Foundation

/// A BPE vocabulary (token bytes ⇄ rank) in the binary layout written by scripts/gen_vocab.py.
///
/// The layout already holds the hash table, and the vocabularies are part of the executable's
/// read-only data (the CVocabulary target): being ready is checking a header and ranking the
/// 256 bytes. No file is read, nothing is parsed or copied.
final class Vocabulary: @unchecked Sendable {
    static let noRank = UInt32.max

    let tokenCount: Int
    let maxTokenLength: Int
    private let offsets: UnsafePointer<UInt32>
    /// Slots hold rank + 1 (0 = empty).
    private let table: UnsafePointer<UInt32>
    private let tableMask: Int
    private let tableShift: UInt64
    private let blob: UnsafePointer<UInt8>
    /// Rank of each 2-byte token by `b0 << 8 | b1`, or `noRank` (precomputed in the file).
    let pairRanks: UnsafePointer<UInt32>
    /// Rank of each single byte: every byte is a token in both encodings, and BPE starts from them.
    let byteRanks: UnsafeMutablePointer<UInt32>

    /// Wraps a vocabulary image; `image` must stay valid forever and is never written.
    init(image: UnsafeRawBufferPointer) throws {
        guard image.count >= 32, Array(image[0..<8]) == Array("PLBPEV2\0".utf8) else {
            throw VocabularyError.badFormat("bad magic")
        }
        func u32(_ at: Int) -> Int { Int(UInt32(littleEndian: image.loadUnaligned(fromByteOffset: at, as: UInt32.self))) }
        let count = u32(8), bits = u32(12), blobBytes = u32(16)
        let tableSize = 1 << bits
        let tableStart = 32 + 4 * (count + 1)
        let pairsStart = tableStart + 4 * tableSize
        let blobStart = pairsStart + 4 * 65536
        guard bits > 0, bits < 32, blobStart + blobBytes == image.count, image.baseAddress != nil else {
            throw VocabularyError.badFormat("inconsistent sizes")
        }
        let base = image.baseAddress!
        tokenCount = count
        maxTokenLength = u32(20)
        offsets = (base + 32).assumingMemoryBound(to: UInt32.self)
        table = (base + tableStart).assumingMemoryBound(to: UInt32.self)
        tableMask = tableSize - 1
        tableShift = UInt64(64 - bits)
        pairRanks = (base + pairsStart).assumingMemoryBound(to: UInt32.self)
        blob = (base + blobStart).assumingMemoryBound(to: UInt8.self)
        byteRanks = .allocate(capacity: 256)
        var one: UInt8 = 0
        for b in 0..<256 {
            one = UInt8(b)
            byteRanks[b] = withUnsafePointer(to: &one) { rank($0, 1) }
            if byteRanks[b] == Vocabulary.noRank { throw VocabularyError.badFormat("byte \(b) is not a token") }
        }
    }

    /// The vocabulary built into the executable.
    convenience init(encoding: Encoding) throws {
        let embedded: PLEmbeddedVocabulary
        switch encoding {
        case .cl100k_base: embedded = promptlint_embedded_cl100k_base()
        case .o200k_base: embedded = promptlint_embedded_o200k_base()
        }
        try self.init(image: UnsafeRawBufferPointer(start: embedded.bytes, count: Int(embedded.count)))
    }

    /// Rank of the token equal to `bytes[0..<count]`, or `noRank`.
    @inline(__always)
    func rank(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> UInt32 {
        rank(bytes, count, hash: VocabHash.hash(bytes, count))
    }

    /// Same, with the hash already computed (the piece cache reuses it).
    @inline(__always)
    func rank(_ bytes: UnsafePointer<UInt8>, _ count: Int, hash: UInt64) -> UInt32 {
        var slot = Int(truncatingIfNeeded: hash >> tableShift)
        while true {
            let entry = UInt32(littleEndian: table[slot])
            if entry == 0 { return Vocabulary.noRank }
            let r = Int(entry - 1)
            let start = Int(offsets[r])
            if Int(offsets[r + 1]) - start == count && bytesEqual(blob + start, bytes, count) {
                return UInt32(r)
            }
            slot = (slot + 1) & tableMask
        }
    }

    /// The bytes of token `rank` (valid for the process lifetime).
    @inline(__always)
    func tokenBytes(_ rank: Int) -> UnsafeBufferPointer<UInt8> {
        let start = Int(offsets[rank])
        return UnsafeBufferPointer(start: blob + start, count: Int(offsets[rank + 1]) - start)
    }
}

/// Equality of two short byte strings. Inline word compares beat a `memcmp` call for the
/// few-byte strings the tokenizer compares millions of times.
@inline(__always)
func bytesEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var i = 0
    while i + 8 <= count {
        if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) {
            return false
        }
        i += 8
    }
    if i + 4 <= count {
        if UnsafeRawPointer(a + i).loadUnaligned(as: UInt32.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt32.self) {
            return false
        }
        i += 4
    }
    while i < count {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}

enum VocabularyError: Error, CustomStringConvertible {
    case badFormat(String)

    var description: String {
        switch self {
        case .badFormat(let why): return "the built-in tokenizer vocabulary is corrupt: \(why)"
        }
    }
}

/// The byte-string hash shared by the vocabulary file's prebuilt table and the piece cache.
///
/// Must stay bit-identical to `vocab_hash` in scripts/gen_vocab.py: the vocabulary's hash table is
/// built by that script and only probed here. Works on 8-byte words because tokens are short
/// (median ~6 bytes), so most hashes are one multiply-xorshift round.
enum VocabHash {
    @inline(__always)
    static func hash(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        var x = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        var i = 0
        while i + 8 <= count {
            let word = UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self)
            x = (x ^ UInt64(littleEndian: word)) &* 0xBF58_476D_1CE4_E5B9
            x ^= x >> 29
            i += 8
        }
        if i < count {
            // The last 1–7 bytes as a zero-padded little-endian word, in at most three loads.
            let rest = count - i
            let tail = UnsafeRawPointer(bytes + i)
            var word: UInt64 = 0
            var at = 0
            if rest & 4 != 0 {
                word = UInt64(UInt32(littleEndian: tail.loadUnaligned(as: UInt32.self)))
                at = 4
            }
            if rest & 2 != 0 {
                word |= UInt64(UInt16(littleEndian: tail.loadUnaligned(fromByteOffset: at, as: UInt16.self))) << (at * 8)
                at += 2
            }
            if rest & 1 != 0 {
                word |= UInt64(tail.load(fromByteOffset: at, as: UInt8.self)) << (at * 8)
            }
            x = (x ^ word) &* 0xBF58_476D_1CE4_E5B9
            x ^= x >> 29
        }
        return x &* 0x94D0_49BB_1331_11EB
    }
}

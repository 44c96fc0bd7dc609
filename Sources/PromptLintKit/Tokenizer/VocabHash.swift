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
            var word: UInt64 = 0
            var shift: UInt64 = 0
            while i < count {
                word |= UInt64(bytes[i]) << shift
                shift += 8
                i += 1
            }
            x = (x ^ word) &* 0xBF58_476D_1CE4_E5B9
            x ^= x >> 29
        }
        return x &* 0x94D0_49BB_1331_11EB
    }
}

/// Remembers the BPE result of pieces already seen in the current input.
///
/// ~96% of pieces in real text repeat an earlier one, and the pieces that reach the cache are the
/// multi-token ones whose merge is the expensive part. Keys are (offset, length) into the input
/// itself, so nothing is copied and no lock is needed; that is also why it lives for one encode
/// call only (`SharedPieceCache` carries results across calls, behind a lock).
struct PieceCache {
    /// Stop growing here: a pathological input must not turn the cache into the memory hog.
    static let maxEntries = 1 << 16

    private var slots: [Int32] = Array(repeating: -1, count: 256)
    private var hashes: [UInt64] = []
    private var keyStarts: [Int32] = []
    private var keyLengths: [Int32] = []
    private var idStarts: [Int32] = []
    private(set) var ids: [UInt32] = []

    /// The cached ids of `text[start..<start+length]` as a range into `ids`, or nil.
    @inline(__always)
    func lookup(_ text: UnsafePointer<UInt8>, _ start: Int, _ length: Int, hash: UInt64) -> Range<Int>? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if hashes[entry] == hash && Int(keyLengths[entry]) == length
                && bytesEqual(text + Int(keyStarts[entry]), text + start, length) {
                let end = entry + 1 < idStarts.count ? Int(idStarts[entry + 1]) : ids.count
                return Int(idStarts[entry])..<end
            }
            slot = (slot + 1) & mask
        }
    }

    /// Records the ids of a piece that `lookup` just missed.
    mutating func insert(_ start: Int, _ length: Int, hash: UInt64, ids newIds: ArraySlice<UInt32>) {
        guard hashes.count < PieceCache.maxEntries, start <= Int(Int32.max) else { return }
        if (hashes.count + 1) * 2 > slots.count { grow() }
        let entry = hashes.count
        hashes.append(hash)
        keyStarts.append(Int32(start))
        keyLengths.append(Int32(length))
        idStarts.append(Int32(ids.count))
        ids.append(contentsOf: newIds)
        place(entry)
    }

    private mutating func place(_ entry: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hashes[entry]) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry)
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for entry in 0..<hashes.count { place(entry) }
    }
}

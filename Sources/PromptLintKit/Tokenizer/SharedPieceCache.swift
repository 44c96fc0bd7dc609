import Foundation

/// Merge results shared by all encode calls of one tokenizer.
///
/// `PieceCache` only lives for one call, so a linter tokenizing thousands of small prompts would
/// re-merge the same multi-token words ("tokenizer", "``` json") in every call. This cache keeps
/// them across calls. It is consulted only after the vocabulary and the per-call cache miss, so
/// its lock is taken for a small fraction of pieces; it owns copies of its keys and is bounded:
/// when full it starts over, which keeps memory flat under any input.
final class SharedPieceCache: @unchecked Sendable {
    /// Sized to hold the distinct multi-token pieces of ~10 MB of mixed text (~50 K) without
    /// starting over; ~5 MB at most.
    static let maxEntries = 1 << 16
    static let maxKeyBytes = 1 << 22

    // All mutable state below is guarded by `lock`.
    private let lock = NSLock()
    private var slots = [Int32](repeating: -1, count: 2 * SharedPieceCache.maxEntries)
    private var hashes: [UInt64] = []
    private var keyStarts: [Int32] = []
    private var keys: [UInt8] = []
    private var idStarts: [Int32] = []
    private var ids: [UInt32] = []

    /// Appends the cached ids of `bytes[0..<length]` to `out` and returns true, or returns false.
    func lookup(_ bytes: UnsafePointer<UInt8>, _ length: Int, hash: UInt64, into out: inout [UInt32]) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = find(bytes, length, hash: hash) else { return false }
        let end = entry + 1 < idStarts.count ? Int(idStarts[entry + 1]) : ids.count
        out.append(contentsOf: ids[Int(idStarts[entry])..<end])
        return true
    }

    func insert(_ bytes: UnsafePointer<UInt8>, _ length: Int, hash: UInt64, ids newIds: [UInt32]) {
        lock.lock()
        defer { lock.unlock() }
        // No duplicate check: two threads may both insert the same piece; `find` then returns the
        // first copy, and the other only wastes a slot until the next reset.
        if hashes.count >= SharedPieceCache.maxEntries || keys.count + length > SharedPieceCache.maxKeyBytes {
            reset()
        }
        let entry = hashes.count
        hashes.append(hash)
        keyStarts.append(Int32(keys.count))
        keys.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
        idStarts.append(Int32(ids.count))
        ids.append(contentsOf: newIds)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry)
    }

    /// Caller holds the lock.
    private func find(_ bytes: UnsafePointer<UInt8>, _ length: Int, hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if hashes[entry] == hash {
                let start = Int(keyStarts[entry])
                let end = entry + 1 < keyStarts.count ? Int(keyStarts[entry + 1]) : keys.count
                if end - start == length {
                    let equal = keys.withUnsafeBufferPointer { bytesEqual($0.baseAddress! + start, bytes, length) }
                    if equal { return entry }
                }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Caller holds the lock.
    private func reset() {
        for i in slots.indices { slots[i] = -1 }
        hashes.removeAll(keepingCapacity: true)
        keyStarts.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        idStarts.removeAll(keepingCapacity: true)
        ids.removeAll(keepingCapacity: true)
    }
}

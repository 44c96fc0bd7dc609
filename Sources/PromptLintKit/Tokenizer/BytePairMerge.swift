/// Byte-pair merging of one pre-tokenizer piece: repeatedly merge the adjacent pair whose
/// concatenation has the lowest rank, leftmost first on ties (tiktoken's rule).
///
/// Two implementations of the same rule: a simple quadratic scan for ordinary pieces (a few
/// bytes, where it is fastest) and a heap over a linked list for long pieces, so that a 1 MB word
/// costs O(n log n) instead of O(n²). Tests check both against each other.
struct BytePairMerger {
    let vocab: Vocabulary
    /// Pieces at least this long use the heap; below it the quadratic scan wins.
    static let heapThreshold = 64

    // Heap-merge scratch space, grown on demand and reused across pieces of one encode call.
    private var pairRanks: [UInt32] = []
    private var ends: [Int32] = []
    private var prevs: [Int32] = []
    private var tokens: [UInt32] = []
    private var heap: [UInt64] = []

    init(vocab: Vocabulary) { self.vocab = vocab }

    /// Rank of `piece[from..<to]`, or `noRank` (also when longer than any token).
    @inline(__always)
    private func spanRank(_ piece: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> UInt32 {
        to - from > vocab.maxTokenLength ? Vocabulary.noRank : vocab.rank(piece + from, to - from)
    }

    /// Rank of the 2 bytes at `piece[at]`, from the vocabulary's direct table.
    @inline(__always)
    private func pairRank(_ piece: UnsafePointer<UInt8>, _ at: Int) -> UInt32 {
        vocab.pairRanks[Int(piece[at]) << 8 | Int(piece[at + 1])]
    }

    /// Appends the ranks of `piece` (at least 2 bytes) to `out`.
    mutating func merge(_ piece: UnsafePointer<UInt8>, _ count: Int, into out: inout [UInt32]) {
        if count < BytePairMerger.heapThreshold {
            mergeByScan(piece, count, into: &out)
        } else {
            mergeByHeap(piece, count, into: &out)
        }
    }

    /// tiktoken's algorithm: part i starts at starts[i]; pairRanks[i] is the rank of parts i and
    /// i+1 merged; tokens[i] is part i's own rank. Each round finds the minimum pair and removes
    /// one boundary. Scratch space is on the stack: pieces here are short.
    func mergeByScan(_ piece: UnsafePointer<UInt8>, _ count: Int, into out: inout [UInt32]) {
        let noRank = Vocabulary.noRank
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: count + 1) { starts in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 2 * (count + 1)) { ranks in
                let pairRanks = UnsafeMutableBufferPointer(rebasing: ranks[0..<(count + 1)])
                let tokens = UnsafeMutableBufferPointer(rebasing: ranks[(count + 1)...])
                for i in 0...count {
                    starts[i] = Int32(i)
                    pairRanks[i] = i + 2 <= count ? pairRank(piece, i) : noRank
                    tokens[i] = i < count ? vocab.byteRanks[Int(piece[i])] : noRank
                }
                var parts = count + 1
                while parts > 2 {
                    var minRank = noRank, minIndex = 0
                    for i in 0..<(parts - 1) where pairRanks[i] < minRank {
                        minRank = pairRanks[i]
                        minIndex = i
                    }
                    if minRank == noRank { break }
                    let i = minIndex
                    // Rank of part j merged with the part after the one being removed.
                    func rankAfterRemoval(_ j: Int) -> UInt32 {
                        j + 3 < parts ? spanRank(piece, Int(starts[j]), Int(starts[j + 3])) : noRank
                    }
                    if i > 0 { pairRanks[i - 1] = rankAfterRemoval(i - 1) }
                    pairRanks[i] = rankAfterRemoval(i)
                    tokens[i] = minRank
                    for j in (i + 1)..<(parts - 1) {
                        starts[j] = starts[j + 1]
                        pairRanks[j] = pairRanks[j + 1]
                        tokens[j] = tokens[j + 1]
                    }
                    parts -= 1
                }
                for i in 0..<(parts - 1) { out.append(tokens[i]) }
            }
        }
    }

    /// Same result in O(n log n): parts are nodes keyed by their start byte (ends[k] is the next
    /// node's start, -1 once merged away); the heap holds (rank << 32 | start) for every live pair,
    /// plus stale entries that are skipped when their recorded rank no longer matches. Because the
    /// heap always holds the current key of every live pair, the first valid entry popped is the
    /// minimum (rank, start), i.e. tiktoken's choice.
    mutating func mergeByHeap(_ piece: UnsafePointer<UInt8>, _ count: Int, into out: inout [UInt32]) {
        let noRank = Vocabulary.noRank
        ends.removeAll(keepingCapacity: true)
        prevs.removeAll(keepingCapacity: true)
        tokens.removeAll(keepingCapacity: true)
        pairRanks.removeAll(keepingCapacity: true)
        heap.removeAll(keepingCapacity: true)
        for k in 0..<count {
            ends.append(Int32(k + 1))
            prevs.append(Int32(k - 1))
            tokens.append(vocab.byteRanks[Int(piece[k])])
            let r = k + 2 <= count ? pairRank(piece, k) : noRank
            pairRanks.append(r)
            if r != noRank { heap.append(UInt64(r) << 32 | UInt64(k)) }
        }
        // Move the scratch array into the heap (no copy-on-write), and back at the end.
        var heap = MinHeap(storage: [])
        swap(&heap.storage, &self.heap)
        heap.heapify()
        while let top = heap.popMin() {
            let rank = UInt32(truncatingIfNeeded: top >> 32)
            let left = Int(truncatingIfNeeded: top & 0xFFFF_FFFF)
            if ends[left] < 0 || pairRanks[left] != rank { continue }
            let right = Int(ends[left])
            let newEnd = Int(ends[right])
            ends[right] = -1
            ends[left] = Int32(newEnd)
            tokens[left] = rank
            if newEnd < count {
                prevs[newEnd] = Int32(left)
                let r = spanRank(piece, left, Int(ends[newEnd]))
                pairRanks[left] = r
                if r != noRank { heap.push(UInt64(r) << 32 | UInt64(left)) }
            } else {
                pairRanks[left] = noRank
            }
            let before = Int(prevs[left])
            if before >= 0 {
                let r = spanRank(piece, before, newEnd)
                pairRanks[before] = r
                if r != noRank { heap.push(UInt64(r) << 32 | UInt64(before)) }
            }
        }
        swap(&heap.storage, &self.heap)
        var k = 0
        while k < count {
            out.append(tokens[k])
            k = Int(ends[k])
        }
    }
}

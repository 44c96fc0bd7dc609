/// A 4-ary min-heap of packed `(rank << 32 | position)` keys for the long-piece merge: the
/// standard library has no priority queue, and packing both fields into one integer makes the
/// tie-break (leftmost position) part of a single comparison. Four children per node halve the
/// depth of a binary heap and sit in one or two cache lines, which matters for 1 MB pieces.
struct MinHeap {
    var storage: [UInt64]

    mutating func heapify() {
        guard storage.count > 1 else { return }
        var i = (storage.count - 2) / 4 + 1
        while i > 0 {
            i -= 1
            siftDown(i)
        }
    }

    mutating func push(_ key: UInt64) {
        storage.append(key)
        storage.withUnsafeMutableBufferPointer { s in
            var i = s.count - 1
            while i > 0 {
                let parent = (i - 1) / 4
                if s[parent] <= key { break }
                s[i] = s[parent]
                i = parent
            }
            s[i] = key
        }
    }

    mutating func popMin() -> UInt64? {
        guard let last = storage.popLast() else { return nil }
        guard !storage.isEmpty else { return last }
        let top = storage[0]
        storage[0] = last
        siftDown(0)
        return top
    }

    private mutating func siftDown(_ start: Int) {
        storage.withUnsafeMutableBufferPointer { s in
            let n = s.count
            let key = s[start]
            var i = start
            while true {
                let first = 4 * i + 1
                if first >= n { break }
                var child = first
                var childKey = s[first]
                var c = first + 1
                let last = min(first + 4, n)
                while c < last {
                    if s[c] < childKey {
                        child = c
                        childKey = s[c]
                    }
                    c += 1
                }
                if key <= childKey { break }
                s[i] = childKey
                i = child
            }
            s[i] = key
        }
    }
}

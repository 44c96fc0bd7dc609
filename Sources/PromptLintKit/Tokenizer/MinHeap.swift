/// A binary min-heap of packed `(rank << 32 | position)` keys for the long-piece merge: the
/// standard library has no priority queue, and packing both fields into one integer makes the
/// tie-break (leftmost position) part of a single comparison.
struct MinHeap {
    var storage: [UInt64]

    mutating func heapify() {
        var i = storage.count / 2
        while i > 0 {
            i -= 1
            siftDown(i)
        }
    }

    mutating func push(_ key: UInt64) {
        storage.append(key)
        var i = storage.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if storage[parent] <= key { break }
            storage[i] = storage[parent]
            i = parent
        }
        storage[i] = key
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
        let n = storage.count
        let key = storage[start]
        var i = start
        while true {
            var child = 2 * i + 1
            if child >= n { break }
            if child + 1 < n && storage[child + 1] < storage[child] { child += 1 }
            if key <= storage[child] { break }
            storage[i] = storage[child]
            i = child
        }
        storage[i] = key
    }
}

/// Where the encoder puts ids. Generic so that `count` shares the encoder without building an
/// array; the compiler specialises the encoder per sink.
protocol TokenSink {
    mutating func append(_ rank: UInt32)
    mutating func append(contentsOf ranks: UnsafeBufferPointer<UInt32>)
}

/// Collects ids in a manually grown buffer: `Array.append` re-checks uniqueness and capacity on
/// every id, which showed up as ~15% of encode time; one copy into an Array at the end is cheaper.
struct ArraySink: TokenSink {
    private var buffer: UnsafeMutablePointer<Int>
    private var capacity: Int
    private var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        buffer = .allocate(capacity: self.capacity)
    }

    @inline(__always) mutating func append(_ rank: UInt32) {
        if count == capacity { grow(count + 1) }
        buffer[count] = Int(rank)
        count += 1
    }

    @inline(__always) mutating func append(contentsOf ranks: UnsafeBufferPointer<UInt32>) {
        if count + ranks.count > capacity { grow(count + ranks.count) }
        for r in ranks {
            buffer[count] = Int(r)
            count += 1
        }
    }

    private mutating func grow(_ needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newBuffer = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
        newBuffer.moveInitialize(from: buffer, count: count)
        buffer.deallocate()
        buffer = newBuffer
        capacity = newCapacity
    }

    /// The ids as an Array; frees the buffer, so the sink must not be used afterwards.
    mutating func finish() -> [Int] {
        let ids = Array(UnsafeBufferPointer(start: buffer, count: count))
        buffer.deallocate()
        return ids
    }
}

struct CountSink: TokenSink {
    var count = 0
    @inline(__always) mutating func append(_ rank: UInt32) { count += 1 }
    @inline(__always) mutating func append(contentsOf ranks: UnsafeBufferPointer<UInt32>) { count += ranks.count }
}

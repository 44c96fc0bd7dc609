/// Where the encoder puts ids. Generic so that `count` shares the encoder without building an
/// array; the compiler specialises the encoder per sink.
protocol TokenSink {
    mutating func append(_ rank: UInt32)
    mutating func append(contentsOf ranks: UnsafeBufferPointer<UInt32>)
}

struct ArraySink: TokenSink {
    var ids: [Int] = []
    @inline(__always) mutating func append(_ rank: UInt32) { ids.append(Int(rank)) }
    @inline(__always) mutating func append(contentsOf ranks: UnsafeBufferPointer<UInt32>) {
        for r in ranks { ids.append(Int(r)) }
    }
}

struct CountSink: TokenSink {
    var count = 0
    @inline(__always) mutating func append(_ rank: UInt32) { count += 1 }
    @inline(__always) mutating func append(contentsOf ranks: UnsafeBufferPointer<UInt32>) { count += ranks.count }
}

/// Sums of usage over a set of rows.
public struct UsageTotals: Sendable, Equatable {
    public var requests: Int64 = 0
    public var inputTokens: Int64 = 0
    public var cachedInputTokens: Int64 = 0
    public var outputTokens: Int64 = 0
    /// What the rows cost: the source's figure where it has one, else the price table's.
    public var costUSD: Double = 0
    /// The two figures apart, kept where both exist.
    public var sourceCostUSD: Double = 0
    public var priceCostUSD: Double = 0

    public init() {}

    public mutating func add(_ other: UsageTotals) {
        requests += other.requests
        inputTokens += other.inputTokens
        cachedInputTokens += other.cachedInputTokens
        outputTokens += other.outputTokens
        costUSD += other.costUSD
        sourceCostUSD += other.sourceCostUSD
        priceCostUSD += other.priceCostUSD
    }
}

/// The cost of one call: the whole prompt is billed at the input price and the output limit at
/// the output price. Using the output *limit* (not a guess of the actual output) gives the
/// worst case a budget must cover, which is what a linter can state without running the model.
public struct CallCost: Sendable, Equatable, Codable {
    public var model: String
    public var promptTokens: Int
    public var outputTokens: Int
    /// USD.
    public var inputCost: Double
    /// USD.
    public var outputCost: Double
    /// True when token counts are approximations (the model's tokenizer is not public).
    public var isEstimate: Bool

    /// USD.
    public var total: Double { inputCost + outputCost }

    public static func perCall(model: ModelInfo, promptTokens: Int, outputTokens: Int) -> CallCost {
        CallCost(
            model: model.name,
            promptTokens: promptTokens,
            outputTokens: outputTokens,
            inputCost: Double(promptTokens) * model.inputPricePerMillion / 1_000_000,
            outputCost: Double(outputTokens) * model.outputPricePerMillion / 1_000_000,
            isEstimate: model.countsAreEstimates
        )
    }
}

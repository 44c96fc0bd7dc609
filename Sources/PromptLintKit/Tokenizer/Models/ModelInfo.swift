/// Price band of a model, for rules that suggest a cheaper model for simple prompts.
public enum ModelTier: String, Sendable, Codable, CaseIterable {
    case economy
    case standard
    case premium
}

/// What promptlint needs to know about a model to count and price a prompt.
public struct ModelInfo: Sendable, Codable, Equatable {
    /// Canonical, lower-case name (e.g. "gpt-4o").
    public var name: String
    /// Other names accepted by `ModelRegistry.lookup` (lower-case).
    public var aliases: [String]
    /// Tokenizer used to count tokens for this model.
    public var encoding: Encoding
    /// Maximum prompt + output tokens.
    public var contextWindow: Int
    /// USD per 1,000,000 input (prompt) tokens.
    public var inputPricePerMillion: Double
    /// USD per 1,000,000 output tokens.
    public var outputPricePerMillion: Double
    public var tier: ModelTier
    /// False when the vendor does not publish its tokenizer (Anthropic Claude, Google Gemini):
    /// counts then come from `o200k_base` and must be presented as estimates.
    public var tokenizerIsPublic: Bool

    public init(
        name: String, aliases: [String] = [], encoding: Encoding, contextWindow: Int,
        inputPricePerMillion: Double, outputPricePerMillion: Double, tier: ModelTier,
        tokenizerIsPublic: Bool = true
    ) {
        self.name = name.lowercased()
        self.aliases = aliases.map { $0.lowercased() }
        self.encoding = encoding
        self.contextWindow = contextWindow
        self.inputPricePerMillion = inputPricePerMillion
        self.outputPricePerMillion = outputPricePerMillion
        self.tier = tier
        self.tokenizerIsPublic = tokenizerIsPublic
    }

    /// Token counts for this model are approximations (see `tokenizerIsPublic`).
    public var countsAreEstimates: Bool { !tokenizerIsPublic }
}

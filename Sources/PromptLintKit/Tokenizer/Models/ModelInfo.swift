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
    /// LiteLLM's provider ("openai", "anthropic", "gemini", "azure", …); "" when unknown.
    public var provider: String
    /// The longest answer the model can give (nil: the table does not say).
    public var maxOutputTokens: Int?
    /// USD per 1,000,000 prompt tokens read from the provider's prompt cache (nil: no cache price).
    public var cacheReadPricePerMillion: Double?
    /// USD per 1,000,000 prompt tokens written to the cache (Anthropic charges 1.25× input for it).
    public var cacheWritePricePerMillion: Double?
    /// Batch API prices (nil: no batch price).
    public var batchInputPricePerMillion: Double?
    public var batchOutputPricePerMillion: Double?
    /// The model thinks before it answers (o-series, gpt-5, Claude with thinking, Gemini 2.5): its
    /// reasoning tokens are billed as output and count against the output cap.
    public var supportsReasoning: Bool
    /// The shortest prompt prefix the provider caches (nil: the model has no prompt caching).
    public var promptCacheMinTokens: Int?
    /// The same provider's economy model to suggest for routine tasks (nil: none known).
    public var economyAlternative: String?

    public init(
        name: String, aliases: [String] = [], encoding: Encoding, contextWindow: Int,
        inputPricePerMillion: Double, outputPricePerMillion: Double, tier: ModelTier,
        tokenizerIsPublic: Bool = true, provider: String = "", maxOutputTokens: Int? = nil,
        cacheReadPricePerMillion: Double? = nil, cacheWritePricePerMillion: Double? = nil,
        batchInputPricePerMillion: Double? = nil, batchOutputPricePerMillion: Double? = nil,
        supportsReasoning: Bool = false, promptCacheMinTokens: Int? = nil, economyAlternative: String? = nil
    ) {
        self.name = name.lowercased()
        self.aliases = aliases.map { $0.lowercased() }
        self.encoding = encoding
        self.contextWindow = contextWindow
        self.inputPricePerMillion = inputPricePerMillion
        self.outputPricePerMillion = outputPricePerMillion
        self.tier = tier
        self.tokenizerIsPublic = tokenizerIsPublic
        self.provider = provider
        self.maxOutputTokens = maxOutputTokens
        self.cacheReadPricePerMillion = cacheReadPricePerMillion
        self.cacheWritePricePerMillion = cacheWritePricePerMillion
        self.batchInputPricePerMillion = batchInputPricePerMillion
        self.batchOutputPricePerMillion = batchOutputPricePerMillion
        self.supportsReasoning = supportsReasoning
        self.promptCacheMinTokens = promptCacheMinTokens
        self.economyAlternative = economyAlternative
    }

    /// Token counts for this model are approximations (see `tokenizerIsPublic`).
    public var countsAreEstimates: Bool { !tokenizerIsPublic }
}

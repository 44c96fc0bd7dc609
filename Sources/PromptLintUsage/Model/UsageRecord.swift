/// One row of recorded usage: a single request (LiteLLM, Langfuse, a generic CSV row) or a
/// provider's aggregate bucket (OpenAI and Anthropic usage and cost reports).
///
/// Token fields follow OpenAI's convention: `inputTokens` counts every input token, cached ones
/// included; `cachedInputTokens` is the part read from the prompt cache and `cacheWriteTokens` the
/// part written to it (Anthropic's cache creation).
public struct UsageRecord: Sendable, Equatable {
    /// The format the row came from (`UsageSource.rawValue`, or "generic:NAME").
    public var source: String
    /// Unique within `source`: the request id, or the bucket start and its group fields.
    /// Importing a row whose (source, key) is already stored replaces it, so re-imports change nothing.
    public var key: String
    /// "openai", "anthropic", "google", …: used for authoritative-source rules.
    public var provider: String?
    /// Unix seconds, UTC.
    public var startTime: Int64
    public var model: String?
    /// OpenAI project id, Anthropic workspace id, or a generic column.
    public var project: String?
    public var apiKey: String?
    public var litellmTeam: String?
    public var user: String?
    /// The prompt template name as the source recorded it.
    public var template: String?
    public var requests: Int64
    public var inputTokens: Int64
    public var cachedInputTokens: Int64
    public var cacheWriteTokens: Int64
    public var outputTokens: Int64
    /// What the source says the usage cost (LiteLLM `spend`, provider cost reports).
    public var sourceCostUSD: Double?
    /// Tokens × the price table; nil when the model has no price.
    public var priceCostUSD: Double?

    public init(source: String, key: String, provider: String? = nil, startTime: Int64, model: String? = nil,
                project: String? = nil, apiKey: String? = nil, litellmTeam: String? = nil, user: String? = nil,
                template: String? = nil, requests: Int64 = 0, inputTokens: Int64 = 0, cachedInputTokens: Int64 = 0,
                cacheWriteTokens: Int64 = 0, outputTokens: Int64 = 0, sourceCostUSD: Double? = nil, priceCostUSD: Double? = nil) {
        self.source = source
        self.key = key
        self.provider = provider
        self.startTime = startTime
        self.model = model
        self.project = project
        self.apiKey = apiKey
        self.litellmTeam = litellmTeam
        self.user = user
        self.template = template
        self.requests = requests
        self.inputTokens = inputTokens
        self.cachedInputTokens = cachedInputTokens
        self.cacheWriteTokens = cacheWriteTokens
        self.outputTokens = outputTokens
        self.sourceCostUSD = sourceCostUSD
        self.priceCostUSD = priceCostUSD
    }

    /// The cost a report counts: the source's own figure when it has one, else the price table's.
    public var costUSD: Double { sourceCostUSD ?? priceCostUSD ?? 0 }
}

import PromptLintKit

/// Prices recorded tokens with the model registry (the price table): uncached input at the input
/// price, cached input at the model's cache-read price (LiteLLM's `cache_read_input_token_cost`;
/// the input price for a model the table gives none, an upper bound), output at the output price.
public struct UsagePricing: Sendable {
    public var registry: ModelRegistry
    /// Model name → model, because a 100,000-row import names the same few models over and over.
    private var cache: [String: ModelInfo?] = [:]

    public init(registry: ModelRegistry = .builtIn) {
        self.registry = registry
    }

    /// USD, or nil when the model is unknown.
    public mutating func cost(model: String?, inputTokens: Int64, cachedInputTokens: Int64, outputTokens: Int64) -> Double? {
        guard let model, !model.isEmpty else { return nil }
        let info: ModelInfo?
        if let cached = cache[model] {
            info = cached
        } else {
            info = registry.lookup(model)
            cache[model] = info
        }
        guard let info else { return nil }
        let uncached = Double(max(0, inputTokens - cachedInputTokens))
        let cached = Double(max(0, cachedInputTokens))
        let cachedPrice = info.cacheReadPricePerMillion ?? info.inputPricePerMillion
        return (uncached * info.inputPricePerMillion + cached * cachedPrice + Double(outputTokens) * info.outputPricePerMillion) / 1_000_000
    }

    /// The provider a model name belongs to, for rows whose source does not say.
    public static func provider(ofModel model: String?) -> String? {
        guard let model = model?.lowercased(), !model.isEmpty else { return nil }
        if let slash = model.firstIndex(of: "/") { return String(model[..<slash]) }
        if model.hasPrefix("gpt") || model.hasPrefix("o1") || model.hasPrefix("o3") || model.hasPrefix("o4")
            || model.hasPrefix("text-embedding") || model.hasPrefix("chatgpt") { return "openai" }
        if model.hasPrefix("claude") { return "anthropic" }
        if model.hasPrefix("gemini") { return "google" }
        return nil
    }
}

extension ModelRegistry {
    /// Date the built-in list prices were last reviewed. They are best-knowledge public list
    /// prices (standard tier, no batch or cache discounts) and drift: projects override them in
    /// configuration via `merging(_:)`.
    public static let pricesAsOf = "2025-11-24"

    /// Defaults for the major OpenAI, Anthropic and Google models.
    public static let builtIn = ModelRegistry(models: openAI + anthropic + google)

    // Context windows are total tokens (prompt + output) as documented by each vendor.
    private static let openAI: [ModelInfo] = [
        ModelInfo(name: "gpt-5", aliases: ["gpt-5-chat-latest"], encoding: .o200k_base, contextWindow: 400_000,
                  inputPricePerMillion: 1.25, outputPricePerMillion: 10.00, tier: .standard),
        ModelInfo(name: "gpt-5-mini", encoding: .o200k_base, contextWindow: 400_000,
                  inputPricePerMillion: 0.25, outputPricePerMillion: 2.00, tier: .economy),
        ModelInfo(name: "gpt-5-nano", encoding: .o200k_base, contextWindow: 400_000,
                  inputPricePerMillion: 0.05, outputPricePerMillion: 0.40, tier: .economy),
        ModelInfo(name: "gpt-4.1", encoding: .o200k_base, contextWindow: 1_047_576,
                  inputPricePerMillion: 2.00, outputPricePerMillion: 8.00, tier: .standard),
        ModelInfo(name: "gpt-4.1-mini", encoding: .o200k_base, contextWindow: 1_047_576,
                  inputPricePerMillion: 0.40, outputPricePerMillion: 1.60, tier: .economy),
        ModelInfo(name: "gpt-4.1-nano", encoding: .o200k_base, contextWindow: 1_047_576,
                  inputPricePerMillion: 0.10, outputPricePerMillion: 0.40, tier: .economy),
        ModelInfo(name: "gpt-4o", aliases: ["chatgpt-4o-latest"], encoding: .o200k_base, contextWindow: 128_000,
                  inputPricePerMillion: 2.50, outputPricePerMillion: 10.00, tier: .standard),
        ModelInfo(name: "gpt-4o-mini", encoding: .o200k_base, contextWindow: 128_000,
                  inputPricePerMillion: 0.15, outputPricePerMillion: 0.60, tier: .economy),
        ModelInfo(name: "o1", aliases: ["o1-preview"], encoding: .o200k_base, contextWindow: 200_000,
                  inputPricePerMillion: 15.00, outputPricePerMillion: 60.00, tier: .premium),
        ModelInfo(name: "o1-mini", encoding: .o200k_base, contextWindow: 128_000,
                  inputPricePerMillion: 1.10, outputPricePerMillion: 4.40, tier: .standard),
        ModelInfo(name: "o1-pro", encoding: .o200k_base, contextWindow: 200_000,
                  inputPricePerMillion: 150.00, outputPricePerMillion: 600.00, tier: .premium),
        ModelInfo(name: "o3", encoding: .o200k_base, contextWindow: 200_000,
                  inputPricePerMillion: 2.00, outputPricePerMillion: 8.00, tier: .standard),
        ModelInfo(name: "o3-pro", encoding: .o200k_base, contextWindow: 200_000,
                  inputPricePerMillion: 20.00, outputPricePerMillion: 80.00, tier: .premium),
        ModelInfo(name: "o3-mini", encoding: .o200k_base, contextWindow: 200_000,
                  inputPricePerMillion: 1.10, outputPricePerMillion: 4.40, tier: .standard),
        ModelInfo(name: "o4-mini", encoding: .o200k_base, contextWindow: 200_000,
                  inputPricePerMillion: 1.10, outputPricePerMillion: 4.40, tier: .standard),
        ModelInfo(name: "gpt-4-turbo", aliases: ["gpt-4-turbo-preview", "gpt-4-1106-preview", "gpt-4-0125-preview"],
                  encoding: .cl100k_base, contextWindow: 128_000,
                  inputPricePerMillion: 10.00, outputPricePerMillion: 30.00, tier: .premium),
        ModelInfo(name: "gpt-4", encoding: .cl100k_base, contextWindow: 8_192,
                  inputPricePerMillion: 30.00, outputPricePerMillion: 60.00, tier: .premium),
        ModelInfo(name: "gpt-4-32k", encoding: .cl100k_base, contextWindow: 32_768,
                  inputPricePerMillion: 60.00, outputPricePerMillion: 120.00, tier: .premium),
        ModelInfo(name: "gpt-3.5-turbo", aliases: ["gpt-35-turbo"], encoding: .cl100k_base, contextWindow: 16_385,
                  inputPricePerMillion: 0.50, outputPricePerMillion: 1.50, tier: .economy),
    ]

    // Anthropic does not publish Claude's tokenizer: counted with o200k_base, labelled estimates.
    private static let anthropic: [ModelInfo] = [
        claude("claude-opus-4-5", aliases: ["claude-opus-4.5"], input: 5.00, output: 25.00, tier: .premium),
        claude("claude-opus-4-1", aliases: ["claude-opus-4.1"], input: 15.00, output: 75.00, tier: .premium),
        claude("claude-opus-4", aliases: ["claude-opus-4-0", "claude-4-opus"], input: 15.00, output: 75.00, tier: .premium),
        claude("claude-sonnet-4-5", aliases: ["claude-sonnet-4.5"], input: 3.00, output: 15.00, tier: .standard),
        claude("claude-sonnet-4", aliases: ["claude-sonnet-4-0", "claude-4-sonnet"], input: 3.00, output: 15.00, tier: .standard),
        claude("claude-3-7-sonnet", aliases: ["claude-3.7-sonnet"], input: 3.00, output: 15.00, tier: .standard),
        claude("claude-3-5-sonnet", aliases: ["claude-3.5-sonnet"], input: 3.00, output: 15.00, tier: .standard),
        claude("claude-haiku-4-5", aliases: ["claude-haiku-4.5", "claude-4-5-haiku"], input: 1.00, output: 5.00, tier: .economy),
        claude("claude-3-5-haiku", aliases: ["claude-3.5-haiku"], input: 0.80, output: 4.00, tier: .economy),
        claude("claude-3-opus", input: 15.00, output: 75.00, tier: .premium),
        claude("claude-3-haiku", input: 0.25, output: 1.25, tier: .economy),
    ]

    // Google does not publish Gemini's tokenizer either. Prices are for prompts up to 200k tokens
    // (2.5 Pro) / 128k (1.5 Pro); longer prompts cost more.
    private static let google: [ModelInfo] = [
        gemini("gemini-2.5-pro", context: 1_048_576, input: 1.25, output: 10.00, tier: .standard),
        gemini("gemini-2.5-flash", context: 1_048_576, input: 0.30, output: 2.50, tier: .economy),
        gemini("gemini-2.5-flash-lite", context: 1_048_576, input: 0.10, output: 0.40, tier: .economy),
        gemini("gemini-2.0-flash", context: 1_048_576, input: 0.10, output: 0.40, tier: .economy),
        gemini("gemini-2.0-flash-lite", context: 1_048_576, input: 0.075, output: 0.30, tier: .economy),
        gemini("gemini-1.5-pro", context: 2_097_152, input: 1.25, output: 5.00, tier: .standard),
        gemini("gemini-1.5-flash", context: 1_048_576, input: 0.075, output: 0.30, tier: .economy),
    ]

    private static func claude(_ name: String, aliases: [String] = [], input: Double, output: Double,
                               tier: ModelTier) -> ModelInfo {
        ModelInfo(name: name, aliases: aliases + ["\(name)-latest"], encoding: .o200k_base, contextWindow: 200_000,
                  inputPricePerMillion: input, outputPricePerMillion: output, tier: tier, tokenizerIsPublic: false)
    }

    private static func gemini(_ name: String, context: Int, input: Double, output: Double,
                               tier: ModelTier) -> ModelInfo {
        ModelInfo(name: name, aliases: ["\(name)-latest"], encoding: .o200k_base, contextWindow: context,
                  inputPricePerMillion: input, outputPricePerMillion: output, tier: tier, tokenizerIsPublic: false)
    }
}

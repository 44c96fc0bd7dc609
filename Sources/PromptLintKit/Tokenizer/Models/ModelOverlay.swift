/// What promptlint knows about a model that LiteLLM's price table does not say: which tokenizer
/// counts it (and whether that tokenizer is public), its price tier, the economy model to suggest
/// instead, the prompt-cache minimum when the table has none, and the names people write that are
/// not the table's keys. Every fact here can be overridden in `.promptlint.yml` `models:`.
enum ModelOverlay {
    /// Names people write → the table's key ("claude-opus-4.5" is how Anthropic's docs spell it).
    static let aliases: [String: String] = [
        "claude-opus-4.5": "claude-opus-4-5", "claude-opus-4.1": "claude-opus-4-1", "claude-sonnet-4.5": "claude-sonnet-4-5",
        "claude-haiku-4.5": "claude-haiku-4-5", "claude-4-5-haiku": "claude-haiku-4-5", "claude-4-opus": "claude-opus-4",
        "claude-4-sonnet": "claude-sonnet-4", "claude-opus-4-0": "claude-opus-4", "claude-sonnet-4-0": "claude-sonnet-4",
        "claude-3.7-sonnet": "claude-3-7-sonnet", "claude-3.5-sonnet": "claude-3-5-sonnet", "claude-3.5-haiku": "claude-3-5-haiku",
        "gpt-35-turbo": "gpt-3.5-turbo",
    ]

    /// Name prefixes (after any "provider/" path) of OpenAI models: their tokenizers are public.
    /// The older families use cl100k_base, the rest o200k_base.
    static let cl100kFamilies = ["gpt-4-", "gpt-4", "gpt-3.5", "gpt-35", "text-embedding-", "davinci", "babbage"]
    static let o200kFamilies = ["gpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "gpt-oss", "o1", "o3", "o4", "chatgpt-4o", "codex-mini"]

    /// Family prefix → the same provider's economy model, first match wins (most specific first).
    static let economyAlternatives: [(prefix: String, model: String)] = [
        ("gpt-4o-mini", ""), ("gpt-4.1-mini", ""), ("gpt-4.1-nano", ""), ("gpt-5-mini", ""), ("gpt-5-nano", ""),
        ("gpt-4o", "gpt-4o-mini"), ("gpt-4.1", "gpt-4.1-mini"), ("gpt-5", "gpt-5-mini"), ("gpt-4", "gpt-4.1-mini"),
        ("o1", "gpt-5-mini"), ("o3", "gpt-5-mini"), ("o4", "gpt-5-mini"),
        ("claude-haiku", ""), ("claude-3-haiku", ""), ("claude-3-5-haiku", ""), ("claude", "claude-haiku-4-5"),
        ("gemini-2.5-flash-lite", ""), ("gemini-2.0-flash-lite", ""), ("gemini", "gemini-2.5-flash-lite"),
    ]

    /// The tier from the output price (USD per 1M tokens), which is where the bill is: up to $5
    /// economy (gpt-4o-mini, gpt-5-mini, Haiku 4.5, Gemini Flash), up to $20 standard (gpt-4o,
    /// gpt-5, o3, Sonnet, Gemini Pro), above premium (Opus, o1, gpt-4).
    static func tier(outputPricePerMillion price: Double) -> ModelTier {
        price <= 5 ? .economy : price <= 20 ? .standard : .premium
    }

    /// The name without a provider path ("azure/eu/gpt-4o" → "gpt-4o", "anthropic.claude-…" → "claude-…").
    static func baseName(_ name: String) -> String {
        var base = name[...]
        if let slash = base.lastIndex(of: "/") { base = base[base.index(after: slash)...] }
        for prefix in ["us.anthropic.", "eu.anthropic.", "apac.anthropic.", "anthropic."] where base.hasPrefix(prefix) {
            base = base.dropFirst(prefix.count)
            break
        }
        return String(base)
    }

    static func isOpenAIFamily(_ base: String, provider: String) -> Bool {
        (cl100kFamilies + o200kFamilies).contains { base.hasPrefix($0) } && !provider.contains("bedrock") && !provider.contains("together")
    }

    /// The tokenizer that counts `base`'s prompts, and whether it is the model's own.
    static func encoding(base: String, provider: String) -> (Encoding, isPublic: Bool) {
        guard isOpenAIFamily(base, provider: provider) else { return (.o200k_base, false) }
        if o200kFamilies.contains(where: { base.hasPrefix($0) }) { return (.o200k_base, true) }
        return (.cl100k_base, true)
    }

    /// The shortest cached prefix when the table does not give one: OpenAI caches from 1,024 tokens;
    /// Anthropic from 1,024 (Sonnet, Opus 4/4.1), 2,048 (Haiku 3.x) or 4,096 (Opus 4.5, Haiku 4.5);
    /// Gemini 2.5+ from 1,024 (Flash) or 4,096 (Pro).
    static func promptCacheMinimum(base: String, provider: String) -> Int {
        if base.hasPrefix("claude") {
            if base.contains("haiku-4") || base.contains("opus-4-5") || base.contains("opus-4.5") { return 4096 }
            if base.contains("haiku") { return 2048 }
            return 1024
        }
        if base.hasPrefix("gemini") { return base.contains("pro") ? 4096 : 1024 }
        return 1024
    }

    /// A table row with the overlay's facts: the `ModelInfo` everything else uses.
    static func model(_ entry: PriceTable.Entry) -> ModelInfo {
        let base = baseName(entry.name)
        let (encoding, isPublic) = encoding(base: base, provider: entry.provider)
        let economy = economyAlternatives.first { base.hasPrefix($0.prefix) }.flatMap { $0.model.isEmpty ? nil : $0.model }
        return ModelInfo(
            name: entry.name, encoding: encoding,
            contextWindow: entry.maxInputTokens ?? 128_000,
            inputPricePerMillion: entry.inputPerMillion, outputPricePerMillion: entry.outputPerMillion,
            tier: tier(outputPricePerMillion: entry.outputPerMillion), tokenizerIsPublic: isPublic,
            provider: entry.provider, maxOutputTokens: entry.maxOutputTokens,
            cacheReadPricePerMillion: entry.cacheReadPerMillion, cacheWritePricePerMillion: entry.cacheWritePerMillion,
            batchInputPricePerMillion: entry.batchInputPerMillion, batchOutputPricePerMillion: entry.batchOutputPerMillion,
            supportsReasoning: entry.supportsReasoning,
            promptCacheMinTokens: entry.supportsPromptCaching || entry.cacheReadPerMillion != nil
                ? entry.promptCacheMinTokens ?? promptCacheMinimum(base: base, provider: entry.provider) : nil,
            economyAlternative: economy == entry.name ? nil : economy)
    }
}

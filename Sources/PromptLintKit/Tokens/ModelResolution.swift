/// Which model (and so which tokenizer and prices) a template or file is counted with.
public struct ModelResolution: Sendable {
    /// The name as written (or the default).
    public var requested: String
    /// The registry entry, when known.
    public var info: ModelInfo?

    public var encoding: Encoding { info?.encoding ?? .o200k_base }
    /// Counts are estimates when the model's tokenizer is not public, or the model is unknown.
    public var isEstimate: Bool { info.map { !$0.tokenizerIsPublic } ?? true }

    public init(_ name: String, registry: ModelRegistry) {
        requested = name
        info = registry.lookup(name)
    }

    /// The label shown next to counts: "o200k_base", or "o200k_base, estimate: …".
    public var countLabel: String {
        guard let info else { return "\(encoding.rawValue), estimate: unknown model '\(requested)', no prices" }
        return info.tokenizerIsPublic ? encoding.rawValue : "\(encoding.rawValue), estimate: \(info.name)'s tokenizer is not public"
    }
}

extension ModelRegistry {
    /// The registry a command prices with: the price table (`pricesFile` from `--prices`, else
    /// `prices:` in `.promptlint.yml`, else the bundled snapshot), with `models:` applied on top.
    public static func configured(_ config: ProjectConfig, pricesFile: String? = nil) throws(SourceError) -> ModelRegistry {
        var registry = ModelRegistry.builtIn
        if let path = pricesFile ?? config.pricesPath {
            registry = registry.withPrices(try PriceTable.load(litellmFile: path))
        }
        guard let node = config.models, !node.isNullScalar else { return registry }
        return registry.merging(try ModelOverrides.parse(node, path: config.path ?? ProjectConfig.fileName, base: registry))
    }
}

/// `models:` in `.promptlint.yml`: add models or override built-in prices.
///
/// ```yaml
/// models:
///   - name: gpt-4o-mini            # override a built-in price
///     input_price: 0.15            # USD per 1M input tokens
///     output_price: 0.60
///   - name: acme-llm               # a model of your own
///     encoding: cl100k_base
///     context_window: 32000
///     input_price: 1.0
///     output_price: 2.0
///     tier: standard
///     aliases: [acme]
///     estimate: true               # its tokenizer is not public
/// ```
enum ModelOverrides {
    static let keys = ["name", "aliases", "encoding", "context_window", "input_price", "output_price", "cache_read_price",
                       "max_output_tokens", "reasoning", "tier", "estimate"]

    static func parse(_ node: YAMLNode, path: String, base registry: ModelRegistry = .builtIn) throws(SourceError) -> [ModelInfo] {
        func fail(_ node: YAMLNode, _ message: String) -> SourceError { SourceError(path: path, location: node.start, message: message) }
        guard let items = node.sequence else { throw fail(node, "'models' must be a list of {name, input_price, output_price, ...}") }
        var models: [ModelInfo] = []
        for item in items {
            guard let pairs = item.mapping else { throw fail(item, "each entry of 'models' must be a mapping") }
            for pair in pairs where !keys.contains(pair.key.string ?? "") {
                let key = pair.key.string ?? ""
                throw fail(pair.key, "unknown key '\(key)' in a model\(ClosestMatch.suggestion(for: key, in: keys)) (allowed: \(keys.joined(separator: ", ")))")
            }
            guard let name = item["name"]?.string else { throw fail(item, "a model needs a 'name'") }
            let base = registry.lookup(name)
            func number(_ key: String) throws(SourceError) -> Double? {
                guard let value = item[key] else { return nil }
                guard let text = value.string, let number = Double(text), number >= 0 else { throw fail(value, "'\(key)' must be a non-negative number") }
                return number
            }
            var encoding = base?.encoding
            if let value = item["encoding"] {
                guard let text = value.string, let parsed = Encoding(rawValue: text) else {
                    throw fail(value, "'encoding' must be one of: \(Encoding.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                encoding = parsed
            }
            var tier = base?.tier
            if let value = item["tier"] {
                guard let text = value.string, let parsed = ModelTier(rawValue: text) else {
                    throw fail(value, "'tier' must be one of: \(ModelTier.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                tier = parsed
            }
            guard let input = try number("input_price") ?? base?.inputPricePerMillion,
                  let output = try number("output_price") ?? base?.outputPricePerMillion else {
                throw fail(item, "model '\(name)' is not built in: give input_price and output_price (USD per 1M tokens)")
            }
            let context = try number("context_window").map(Int.init) ?? base?.contextWindow ?? 128_000
            let aliases = item["aliases"]?.sequence?.compactMap(\.string) ?? base?.aliases ?? []
            let estimate = item["estimate"]?.string.map { $0 == "true" } ?? base.map { !$0.tokenizerIsPublic } ?? false
            var model = base ?? ModelInfo(name: name, encoding: .o200k_base, contextWindow: context,
                                          inputPricePerMillion: input, outputPricePerMillion: output, tier: .standard)
            model.name = model.name.lowercased()
            model.aliases = aliases.map { $0.lowercased() }
            model.encoding = encoding ?? .o200k_base
            model.contextWindow = context
            model.inputPricePerMillion = input
            model.outputPricePerMillion = output
            model.tier = tier ?? ModelOverlay.tier(outputPricePerMillion: output)
            model.tokenizerIsPublic = !estimate
            if let cacheRead = try number("cache_read_price") { model.cacheReadPricePerMillion = cacheRead }
            if let cap = try number("max_output_tokens") { model.maxOutputTokens = Int(cap) }
            if let reasoning = item["reasoning"]?.string { model.supportsReasoning = ["true", "yes", "on"].contains(reasoning.lowercased()) }
            models.append(model)
        }
        return models
    }
}

import Foundation

/// Model name → tokenizer, context window, prices and limits: the one place promptlint prices from.
///
/// Two layers: a LiteLLM price table (`prices`: the bundled snapshot, or a newer copy from
/// `prices:` / `--prices`), read through `ModelOverlay` for the facts the table lacks, and the
/// project's own `models:` entries (`overrides`), which win.
///
/// Lookup is forgiving because prompt files name models the way each vendor's API does:
/// case-insensitive, a provider path ("openai/", "models/", "anthropic.") tried with and without,
/// and dated or suffixed variants ("gpt-4o-2024-08-06", "claude-3-5-haiku@20241022") resolve to the
/// longest known name they extend.
///
/// ```swift
/// let registry = ModelRegistry.builtIn
/// let model = registry.lookup("gpt-4o")!          // ModelInfo: prices per 1M tokens, encoding, tier
/// registry.closestNames(to: "gpt4o")              // ["gpt-4o", …] for "did you mean"
/// ```
public struct ModelRegistry: Sendable {
    /// The price table the models come from.
    public let prices: PriceTable
    /// The project's `models:` entries, in order (later entries win name/alias clashes).
    public let overrides: [ModelInfo]
    /// Lower-case name or alias → index in `overrides`.
    private let overrideIndex: [String: Int]
    /// "Did you mean" answers: every template naming the same unknown model asks the same question,
    /// and each answer scans the whole table (it was a quarter of `lint`'s CPU time on 1,000 templates).
    private let suggestions = SuggestionCache()

    /// The bundled LiteLLM snapshot, no overrides.
    public static let builtIn = ModelRegistry(prices: .builtIn)

    /// The snapshot's date: every figure priced from the built-in table says it.
    public static var pricesAsOf: String { PriceTable.snapshotDate }

    public init(prices: PriceTable = .builtIn, overrides: [ModelInfo] = []) {
        self.prices = prices
        self.overrides = overrides
        var index: [String: Int] = [:]
        // Aliases first, then names: a canonical name always wins over someone else's alias.
        for (i, model) in overrides.enumerated() { for alias in model.aliases { index[alias.lowercased()] = i } }
        for (i, model) in overrides.enumerated() { index[model.name.lowercased()] = i }
        overrideIndex = index
    }

    /// The day the registry's prices were taken.
    public var pricesDate: String { prices.date }

    /// The model for `name`, or nil when nothing matches.
    public func lookup(_ name: String) -> ModelInfo? {
        let key = name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !key.isEmpty else { return nil }
        if let model = exact(key) { return model }
        // Longest known name followed by a variant separator.
        var end = key.endIndex
        while let cut = key[..<end].lastIndex(where: { ModelRegistry.variantSeparators.contains($0) }) {
            if let model = exact(String(key[..<cut])) { return model }
            end = cut
        }
        return nil
    }

    /// `key` as written, through the aliases, and without a provider prefix.
    private func exact(_ key: String) -> ModelInfo? {
        if let i = overrideIndex[key] { return overrides[i] }
        let aliased = ModelOverlay.aliases[key] ?? key
        if let entry = prices.entry(named: aliased) { return ModelOverlay.model(entry) }
        for prefix in ModelRegistry.providerPrefixes where key.hasPrefix(prefix) {
            let bare = String(key.dropFirst(prefix.count))
            if let i = overrideIndex[bare] { return overrides[i] }
            if let entry = prices.entry(named: ModelOverlay.aliases[bare] ?? bare) { return ModelOverlay.model(entry) }
        }
        if !aliased.contains("/"), let entry = prices.entry(baseName: aliased) { return ModelOverlay.model(entry) }
        return nil
    }

    /// A registry with `overrides` added (replacing earlier overrides of the same name).
    public func merging(_ more: [ModelInfo]) -> ModelRegistry {
        var merged = overrides
        for model in more {
            if let i = merged.firstIndex(where: { $0.name.lowercased() == model.name.lowercased() }) { merged[i] = model } else { merged.append(model) }
        }
        return ModelRegistry(prices: prices, overrides: merged)
    }

    /// The same registry over another price table (`--prices FILE`), keeping the overrides.
    public func withPrices(_ table: PriceTable) -> ModelRegistry {
        ModelRegistry(prices: table, overrides: overrides)
    }

    /// Every model: the overrides, then the table's rows that no override replaces.
    public var allModels: [ModelInfo] {
        let overridden = Set(overrides.map { $0.name.lowercased() })
        return overrides + prices.entries.filter { !overridden.contains($0.name) }.map(ModelOverlay.model)
    }

    /// Up to `limit` known names nearest to `name` (by edit distance on the name without a provider
    /// path, then shortest first), for "did you mean" on an unknown model.
    public func closestNames(to name: String, limit: Int = 3) -> [String] {
        let key = "\(limit) \(name)"
        if let known = suggestions.answer(for: key) { return known }
        let answer = computeClosestNames(to: name, limit: limit)
        suggestions.record(answer, for: key)
        return answer
    }

    private func computeClosestNames(to name: String, limit: Int) -> [String] {
        let wanted = Array(ModelOverlay.baseName(name.lowercased()).unicodeScalars)
        guard !wanted.isEmpty else { return [] }
        // Names without a provider path are what people write; the rest only add noise. (Byte
        // tests: String.contains(String) goes through Foundation's locale-aware search.)
        let plain = prices.names.filter { candidate in
            let bytes = candidate.utf8
            return !bytes.contains(UInt8(ascii: "/")) && !bytes.contains(UInt8(ascii: ".")) || candidate.hasPrefix("gpt-") || candidate.hasPrefix("gemini-")
        }
        let candidates = Set(overrides.map(\.name) + plain)
        let limitDistance = max(2, wanted.count / 3)
        let scored = candidates.compactMap { candidate -> (String, Int)? in
            // The distance is at least the difference in length: skip what cannot be near.
            guard abs(candidate.unicodeScalars.count - wanted.count) <= limitDistance else { return nil }
            let distance = ClosestMatch.editDistance(wanted, Array(candidate.unicodeScalars))
            return distance <= limitDistance ? (candidate, distance) : nil
        }
        return scored.sorted { ($0.1, $0.0.count, $0.0) < ($1.1, $1.0.count, $1.0) }.prefix(limit).map(\.0)
    }

    // "googleai/" and "vertexai/" are Genkit's (dotprompt) spellings.
    static let providerPrefixes = ["openai/", "anthropic/", "google/", "googleai/", "vertexai/", "gemini/", "models/", "anthropic.", "azure/", "vertex_ai/"]
    /// "." is deliberately absent: "gpt-4.1" must not fall back to "gpt-4".
    static let variantSeparators: Set<Character> = ["-", "@", ":"]
}

/// Answers of `ModelRegistry.closestNames`, shared by the threads that lint in parallel.
final class SuggestionCache: @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [String: [String]] = [:]

    func answer(for key: String) -> [String]? { lock.withLock { answers[key] } }
    func record(_ answer: [String], for key: String) { lock.withLock { answers[key] = answer } }
}

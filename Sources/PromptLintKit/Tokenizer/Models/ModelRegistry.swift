import Foundation

/// Model name → tokenizer, context window and prices.
///
/// Lookup is forgiving because prompt files name models the way each vendor's API does:
/// case-insensitive, provider prefixes ("openai/", "models/", "anthropic.") ignored, and dated or
/// suffixed variants ("gpt-4o-2024-08-06", "claude-3-5-haiku@20241022") resolve to the longest
/// known name they extend.
public struct ModelRegistry: Sendable {
    /// The models, in lookup priority order (later entries win name/alias clashes).
    public var models: [ModelInfo] {
        didSet { index = ModelRegistry.makeIndex(models) }
    }
    /// Lower-case name or alias → index in `models`.
    private var index: [String: Int]

    public init(models: [ModelInfo]) {
        self.models = models
        index = ModelRegistry.makeIndex(models)
    }

    /// Aliases first, then names, later models over earlier ones: a canonical name always wins
    /// over someone else's alias, and an override wins over a built-in.
    private static func makeIndex(_ models: [ModelInfo]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, model) in models.enumerated() {
            for alias in model.aliases { index[alias.lowercased()] = i }
        }
        for (i, model) in models.enumerated() { index[model.name.lowercased()] = i }
        return index
    }

    /// The model for `name`, or nil when nothing matches.
    public func lookup(_ name: String) -> ModelInfo? {
        var key = name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        for prefix in ModelRegistry.providerPrefixes where key.hasPrefix(prefix) {
            key.removeFirst(prefix.count)
            break
        }
        if let i = index[key] { return models[i] }
        // Longest known name followed by a variant separator.
        var end = key.endIndex
        while let cut = key[..<end].lastIndex(where: { ModelRegistry.variantSeparators.contains($0) }) {
            if let i = index[String(key[..<cut])] { return models[i] }
            end = cut
        }
        return nil
    }

    /// A registry where `overrides` replace the models of the same name and add the others.
    public func merging(_ overrides: [ModelInfo]) -> ModelRegistry {
        var merged = models
        for override in overrides {
            if let i = merged.firstIndex(where: { $0.name.lowercased() == override.name.lowercased() }) {
                merged[i] = override
            } else {
                merged.append(override)
            }
        }
        return ModelRegistry(models: merged)
    }

    static let providerPrefixes = ["openai/", "anthropic/", "google/", "gemini/", "models/", "anthropic.", "azure/"]
    /// "." is deliberately absent: "gpt-4.1" must not fall back to "gpt-4".
    static let variantSeparators: Set<Character> = ["-", "@", ":"]
}

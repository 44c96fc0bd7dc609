import Foundation
import PromptLintKit

/// The usage side of `.promptlint.yml`:
///
///     usage:
///       store: .promptlint/usage.sqlite         # the default
///       template_tag_prefix: "prompt:"          # LiteLLM request tag naming the template
///       template_metadata_key: promptlint_template
///       authoritative: {openai: litellm}        # provider (or project:ID) → the one source that counts
///       csv_formats: [...]                      # see GenericCSVMapping
///     teams: {...}                              # see TeamMap
///     budgets: [...]                            # see Budget
public struct UsageConfig: Sendable {
    public static let defaultStore = ".promptlint/usage.sqlite"
    static let allowedKeys = ["store", "template_tag_prefix", "template_metadata_key", "authoritative", "csv_formats"]

    /// The store path, resolved against the config's folder.
    public var storePath: String
    public var templateTagPrefix = "prompt:"
    public var templateMetadataKey = "promptlint_template"
    public var authoritative = AuthoritativeSources()
    public var csvFormats: [GenericCSVMapping] = []
    public var teams = TeamMap()
    public var budgets: [Budget] = []

    public init(storePath: String = UsageConfig.defaultStore) {
        self.storePath = storePath
    }

    public init(_ config: ProjectConfig) throws(SourceError) {
        let reading = YAMLReading(path: config.path ?? ProjectConfig.fileName)
        var store = Self.defaultStore
        if let usage = config.usage {
            for (key, value) in try reading.pairs(usage, "usage", allowed: Self.allowedKeys) {
                switch key {
                case "store": store = try reading.string(value, "usage.store")
                case "template_tag_prefix": templateTagPrefix = try reading.string(value, "usage.template_tag_prefix")
                case "template_metadata_key": templateMetadataKey = try reading.string(value, "usage.template_metadata_key")
                case "authoritative": authoritative = try AuthoritativeSources(node: value, reading: reading)
                default: csvFormats = try GenericCSVMapping.list(value, reading: reading)
                }
            }
        }
        storePath = store.hasPrefix("/") || config.baseDirectory == "." ? store : (config.baseDirectory as NSString).appendingPathComponent(store)
        teams = try TeamMap(node: config.teams, reading: reading)
        budgets = try Budget.list(config.budgets, reading: reading)
    }
}

/// Sources that record the same calls (LiteLLM in front of OpenAI) must not add up: for a provider
/// or a project named here, only rows of the named source count. By default every source counts.
public struct AuthoritativeSources: Sendable, Equatable {
    /// Provider → source, and "project:ID" → source.
    public var rules: [String: String] = [:]

    public init(rules: [String: String] = [:]) { self.rules = rules }

    init(node: YAMLNode, reading: YAMLReading) throws(SourceError) {
        let known = UsageSource.allCases.map(\.rawValue)
        for (key, value) in try reading.pairs(node, "usage.authoritative") {
            let source = try reading.string(value, "usage.authoritative.\(key)")
            guard known.contains(source) || source.hasPrefix("generic:") else {
                throw reading.fail(value, "unknown source '\(source)'\(ClosestMatch.suggestion(for: source, in: known)) (sources: \(known.joined(separator: ", ")), generic:NAME)")
            }
            rules[key] = source
        }
    }

    /// Whether a row of `source` for this provider and project counts.
    public func counts(source: String, provider: String?, project: String?) -> Bool {
        if let project, let owner = rules["project:" + project] { return owner == source }
        if let provider, let owner = rules[provider] { return owner == source }
        return true
    }
}

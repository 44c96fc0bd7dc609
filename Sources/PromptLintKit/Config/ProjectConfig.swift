import Foundation

/// `.promptlint.yml`: the library path, file selection, default model, and the linter's settings.
/// Unknown keys are errors with the closest valid key, like every other file promptlint reads.
public struct ProjectConfig: Sendable {
    public static let fileName = ".promptlint.yml"
    public static let allowedKeys = ["library", "model", "include", "exclude", "fail_on", "disabled_rules", "opt_in_rules",
                                     "rules", "custom_rules", "models", "token_budget", "prices", "default_calls_per_month",
                                     "usage", "teams", "budgets", "prompt_fences"]

    /// Where the config was read from (nil: built-in defaults).
    public var path: String?
    /// The library folder, relative to the config file's folder (or the working directory).
    public var library: String = "prompts"
    public var defaultModel: String?
    public var include: [Glob] = []
    public var exclude: [Glob] = []
    public var failOn: String?
    public var disabledRules: [String] = []
    public var optInRules: [String] = []
    /// Raw per-rule settings and team rules, interpreted (and validated) by the linter.
    public var rules: YAMLNode?
    public var customRules: YAMLNode?
    public var models: YAMLNode?
    public var tokenBudget: Int?
    /// `prices:`: a newer copy of LiteLLM's model_prices_and_context_window.json, relative to the config.
    public var prices: String?
    /// `default_calls_per_month:`: the volume of templates that declare none.
    public var defaultCallsPerMonth: Int?
    /// `prompt_fences: auto|never`: whether a fence that holds the prompt of a prompt document is
    /// linted as prose (`PromptFence`).
    public var promptFences = true
    /// Usage import and report settings, team mapping and budgets, read by PromptLintUsage.
    public var usage: YAMLNode?
    public var teams: YAMLNode?
    public var budgets: YAMLNode?
    public var root: YAMLNode?

    public init() {}

    /// The folder paths in the config are relative to.
    public var baseDirectory: String {
        path.map { ($0 as NSString).deletingLastPathComponent }.flatMap { $0.isEmpty ? nil : $0 } ?? "."
    }

    /// The library folder resolved against the config's folder.
    public var libraryPath: String {
        if library.hasPrefix("/") || baseDirectory == "." { return library }
        return (baseDirectory as NSString).appendingPathComponent(library)
    }

    /// `prices:` resolved against the config's folder.
    public var pricesPath: String? {
        guard let prices else { return nil }
        if prices.hasPrefix("/") || baseDirectory == "." { return prices }
        return (baseDirectory as NSString).appendingPathComponent(prices)
    }

    public static func load(path: String) throws(SourceError) -> ProjectConfig {
        let file = try SourceFile.read(path: path)
        return try parse(file)
    }

    public static func parse(_ file: SourceFile) throws(SourceError) -> ProjectConfig {
        var config = ProjectConfig()
        config.path = file.path
        let documents = try YAMLParser().parse(file)
        guard let root = documents.first?.root, !root.isNullScalar else { return config }
        guard let pairs = root.mapping else {
            throw SourceError(path: file.path, location: root.start, message: "the config must be a mapping, found \(root.typeDescription)")
        }
        config.root = root
        func fail(_ node: YAMLNode, _ message: String) -> SourceError {
            SourceError(path: file.path, location: node.start, message: message)
        }
        func stringList(_ node: YAMLNode, _ key: String) throws(SourceError) -> [String] {
            if let scalar = node.scalar, !node.isNullScalar { return [scalar.value] }
            if node.isNullScalar { return [] }
            guard let items = node.sequence else { throw fail(node, "'\(key)' must be a list of strings, found \(node.typeDescription)") }
            var values: [String] = []
            for item in items {
                guard let value = item.string else { throw fail(item, "'\(key)' items must be strings, found \(item.typeDescription)") }
                values.append(value)
            }
            return values
        }
        for pair in pairs {
            guard let key = pair.key.string else { throw fail(pair.key, "config keys must be strings") }
            let value = pair.value
            switch key {
            case "library":
                guard let path = value.string, !value.isNullScalar else { throw fail(value, "'library' must be a folder path") }
                config.library = path
            case "model":
                guard let model = value.string else { throw fail(value, "'model' must be a model name") }
                config.defaultModel = model
            case "include": config.include = try stringList(value, key).map(Glob.init)
            case "exclude": config.exclude = try stringList(value, key).map(Glob.init)
            case "prompt_fences":
                guard let mode = value.string, mode == "auto" || mode == "never" else {
                    throw fail(value, "'prompt_fences' must be auto or never")
                }
                config.promptFences = mode == "auto"
            case "fail_on":
                guard let level = value.string, ["error", "warning", "info", "never"].contains(level) else {
                    throw fail(value, "'fail_on' must be one of: error, warning, info, never")
                }
                config.failOn = level
            case "disabled_rules": config.disabledRules = try stringList(value, key)
            case "opt_in_rules": config.optInRules = try stringList(value, key)
            case "rules": config.rules = value
            case "custom_rules": config.customRules = value
            case "models": config.models = value
            case "usage": config.usage = value
            case "teams": config.teams = value
            case "budgets": config.budgets = value
            case "token_budget":
                guard let budget = value.string.flatMap(Int.init), budget > 0 else { throw fail(value, "'token_budget' must be a positive integer") }
                config.tokenBudget = budget
            case "prices":
                guard let path = value.string, !value.isNullScalar else { throw fail(value, "'prices' must be the path of a LiteLLM model_prices_and_context_window.json") }
                config.prices = path
            case "default_calls_per_month":
                guard let calls = value.string.flatMap(Int.init), calls >= 0 else { throw fail(value, "'default_calls_per_month' must be a non-negative integer") }
                config.defaultCallsPerMonth = calls
            default:
                throw fail(pair.key, "unknown key '\(key)' in \(fileName)\(ClosestMatch.suggestion(for: key, in: allowedKeys)) (allowed: \(allowedKeys.joined(separator: ", ")))")
            }
        }
        return config
    }
}

/// The rules of a lint run, resolved from `.promptlint.yml`: which rules run, at what severity,
/// with which options, plus the team's own rules. Every mistake in the config is a located error.
public struct LintConfiguration: Sendable {
    public struct ActiveRule: Sendable {
        public var rule: any Rule
        public var severity: Severity
    }

    public var active: [ActiveRule]
    public var settings: LintSettings
    /// Every rule known to this run (built-in and custom), for `rules`, `explain` and SARIF.
    public var definitions: [RuleDefinition]

    /// The default configuration: every non-opt-in built-in rule at its default severity.
    public static func defaults(registry: [RuleDefinition] = RuleRegistry.builtIn) -> LintConfiguration {
        let active = registry.filter { !$0.description.isOptIn }.map {
            ActiveRule(rule: $0.make(RuleOptions()), severity: $0.description.defaultSeverity)
        }
        return LintConfiguration(active: active, settings: LintSettings(), definitions: registry)
    }

    /// Resolves a project config; `errors` are located in the config file.
    public static func resolve(_ config: ProjectConfig, registry: [RuleDefinition] = RuleRegistry.builtIn) throws(SourceError) -> LintConfiguration {
        var definitions = registry
        let path = config.path ?? ProjectConfig.fileName
        func fail(_ node: YAMLNode?, _ message: String) -> SourceError {
            SourceError(path: path, location: node?.start, message: message)
        }
        if let custom = config.customRules {
            definitions += try CustomRuleParser.parse(custom, path: path, existing: registry)
        }
        func find(_ name: String) -> RuleDefinition? {
            definitions.first { $0.description.code.caseInsensitiveCompare(name) == .orderedSame || $0.description.identifier == name }
        }
        let names = definitions.flatMap { [$0.description.code, $0.description.identifier] }
        func node(named name: String, in key: String) -> YAMLNode? {
            config.root?[key]?.sequence?.first { $0.string == name } ?? config.root?[key]
        }
        var severities: [String: Severity] = [:]
        var options: [String: RuleOptions] = [:]
        for name in config.disabledRules {
            guard let definition = find(name) else {
                throw fail(node(named: name, in: "disabled_rules"), "unknown rule '\(name)' in disabled_rules\(ClosestMatch.suggestion(for: name, in: names))")
            }
            severities[definition.description.code] = .off
        }
        for name in config.optInRules {
            guard let definition = find(name) else {
                throw fail(node(named: name, in: "opt_in_rules"), "unknown rule '\(name)' in opt_in_rules\(ClosestMatch.suggestion(for: name, in: names))")
            }
            severities[definition.description.code] = severities[definition.description.code] ?? definition.description.defaultSeverity
        }
        if let rules = config.rules, !rules.isNullScalar {
            guard let pairs = rules.mapping else { throw fail(rules, "'rules' must be a mapping of rule code to settings") }
            for pair in pairs {
                let name = pair.key.string ?? ""
                guard let definition = find(name) else {
                    throw fail(pair.key, "unknown rule '\(name)'\(ClosestMatch.suggestion(for: name, in: names)) (see `promptlint rules`)")
                }
                let code = definition.description.code
                if let level = pair.value.string {
                    // Shorthand: `PL102: off` / `PL102: error`.
                    guard let severity = Severity(rawValue: level) else {
                        throw fail(pair.value, "invalid severity '\(level)' for \(code) (allowed: off, info, warning, error)")
                    }
                    severities[code] = severity
                    continue
                }
                guard let settings = pair.value.mapping else {
                    throw fail(pair.value, "settings of \(code) must be a severity or a mapping {severity, options...}")
                }
                var values: [String: RuleOptions.Value] = [:]
                for setting in settings {
                    let key = setting.key.string ?? ""
                    if key == "severity" {
                        guard let level = setting.value.string, let severity = Severity(rawValue: level) else {
                            throw fail(setting.value, "invalid severity for \(code) (allowed: off, info, warning, error)")
                        }
                        severities[code] = severity
                        continue
                    }
                    guard let spec = definition.description.options.first(where: { $0.name == key }) else {
                        let allowed = ["severity"] + definition.description.options.map(\.name)
                        throw fail(setting.key, "unknown option '\(key)' for \(code)\(ClosestMatch.suggestion(for: key, in: allowed)) (allowed: \(allowed.joined(separator: ", ")))")
                    }
                    values[key] = try optionValue(setting.value, spec: spec, code: code, fail: fail)
                }
                options[code] = RuleOptions(values)
            }
        }
        if let budget = config.tokenBudget, let definition = find("token_budget") {
            var existing = options[definition.description.code]?.values ?? [:]
            if existing["budget"] == nil { existing["budget"] = .scalar(String(budget)) }
            options[definition.description.code] = RuleOptions(existing)
        }
        var active: [ActiveRule] = []
        for definition in definitions {
            let code = definition.description.code
            let severity = severities[code] ?? (definition.description.isOptIn ? .off : definition.description.defaultSeverity)
            guard severity != .off else { continue }
            active.append(ActiveRule(rule: definition.make(options[code] ?? RuleOptions()), severity: severity))
        }
        let registry = try ModelRegistry.configured(config)
        var settings = LintSettings(defaultModel: config.defaultModel ?? "gpt-4o-mini", registry: registry)
        settings.defaultCallsPerMonth = config.defaultCallsPerMonth
        settings.promptFences = config.promptFences
        return LintConfiguration(active: active, settings: settings, definitions: definitions)
    }

    static func optionValue(_ node: YAMLNode, spec: RuleOptionSpec, code: String,
                            fail: (YAMLNode?, String) -> SourceError) throws(SourceError) -> RuleOptions.Value {
        switch spec.kind {
        case .stringList:
            if let items = node.sequence {
                var values: [String] = []
                for item in items {
                    guard let value = item.string else { throw fail(item, "option '\(spec.name)' of \(code) must be a list of strings") }
                    values.append(value)
                }
                return .list(values)
            }
            if let value = node.string { return .list([value]) }
            throw fail(node, "option '\(spec.name)' of \(code) must be a list of strings, found \(node.typeDescription)")
        case .integer:
            guard let text = node.string, Int(text) != nil else { throw fail(node, "option '\(spec.name)' of \(code) must be an integer, found \(node.typeDescription)") }
            return .scalar(text)
        case .number:
            guard let text = node.string, Double(text) != nil else { throw fail(node, "option '\(spec.name)' of \(code) must be a number, found \(node.typeDescription)") }
            return .scalar(text)
        case .boolean:
            guard let text = node.string, ["true", "false", "yes", "no"].contains(text.lowercased()) else {
                throw fail(node, "option '\(spec.name)' of \(code) must be true or false")
            }
            return .scalar(text)
        case .string:
            if let pairs = node.mapping {
                var map: [String: String] = [:]
                for pair in pairs { map[pair.key.string ?? ""] = pair.value.string ?? "" }
                return .map(map)
            }
            guard let text = node.string else { throw fail(node, "option '\(spec.name)' of \(code) must be a string, found \(node.typeDescription)") }
            return .scalar(text)
        }
    }

    public func definition(for name: String) -> RuleDefinition? {
        definitions.first { $0.description.code.caseInsensitiveCompare(name) == .orderedSame || $0.description.identifier == name }
    }
}

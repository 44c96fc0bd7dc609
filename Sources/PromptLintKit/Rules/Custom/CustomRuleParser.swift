/// Reads the team's own rules from `custom_rules` in `.promptlint.yml`, in the style of Vale's
/// substitution and existence rules:
///
/// ```yaml
/// custom_rules:
///   house-style:
///     message: "Use '{replacement}' instead of '{match}'"
///     severity: warning
///     replace: {"utilize": "use", "leverage": "use"}
///   no-jargon:
///     message: "Avoid '{match}': say what you mean"
///     tokens: [synergy, paradigm shift]
/// ```
enum CustomRuleParser {
    static let keys = ["message", "severity", "replace", "tokens", "description", "ignore_case"]

    static func parse(_ node: YAMLNode, path: String, existing: [RuleDefinition]) throws(SourceError) -> [RuleDefinition] {
        func fail(_ node: YAMLNode, _ message: String) -> SourceError {
            SourceError(path: path, location: node.start, message: message)
        }
        if node.isNullScalar { return [] }
        guard let pairs = node.mapping else { throw fail(node, "'custom_rules' must be a mapping of rule name to its settings") }
        var definitions: [RuleDefinition] = []
        let taken = Set(existing.flatMap { [$0.description.code, $0.description.identifier] })
        for pair in pairs {
            guard let name = pair.key.string, !name.isEmpty else { throw fail(pair.key, "custom rule names must be strings") }
            if taken.contains(name) { throw fail(pair.key, "custom rule '\(name)' has the name of a built-in rule") }
            guard let settings = pair.value.mapping else {
                throw fail(pair.value, "custom rule '\(name)' must be a mapping with 'message' and 'replace' or 'tokens'")
            }
            for setting in settings where !keys.contains(setting.key.string ?? "") {
                let key = setting.key.string ?? ""
                throw fail(setting.key, "unknown key '\(key)' in custom rule '\(name)'\(ClosestMatch.suggestion(for: key, in: keys)) (allowed: \(keys.joined(separator: ", ")))")
            }
            var severity = Severity.warning
            if let level = pair.value["severity"] {
                guard let value = level.string, let parsed = Severity(rawValue: value) else {
                    throw fail(level, "invalid severity in custom rule '\(name)' (allowed: off, info, warning, error)")
                }
                severity = parsed
            }
            let ignoreCase = pair.value["ignore_case"]?.string.map { $0 != "false" } ?? true
            var substitutions: [(String, String)] = []
            if let replace = pair.value["replace"] {
                guard let entries = replace.mapping else { throw fail(replace, "'replace' of custom rule '\(name)' must be a mapping of phrase to replacement") }
                for entry in entries {
                    guard let from = entry.key.string, !from.isEmpty, let to = entry.value.string else {
                        throw fail(entry.key, "'replace' entries of custom rule '\(name)' must map a phrase to a replacement")
                    }
                    substitutions.append((from, to))
                }
            }
            var tokens: [String] = []
            if let list = pair.value["tokens"] {
                guard let items = list.sequence else { throw fail(list, "'tokens' of custom rule '\(name)' must be a list of phrases") }
                for item in items {
                    guard let token = item.string, !token.isEmpty else { throw fail(item, "'tokens' items of custom rule '\(name)' must be phrases") }
                    tokens.append(token)
                }
            }
            if substitutions.isEmpty == tokens.isEmpty {
                throw fail(pair.key, "custom rule '\(name)' needs exactly one of 'replace' (substitution) or 'tokens' (existence)")
            }
            let defaultMessage = substitutions.isEmpty ? "'{match}' is not allowed" : "Use '{replacement}' instead of '{match}'"
            let message = pair.value["message"]?.string ?? defaultMessage
            let description = RuleDescription(
                code: name, identifier: name, family: .custom,
                summary: pair.value["description"]?.string ?? (substitutions.isEmpty ? "Team rule: phrases to avoid." : "Team rule: preferred wording."),
                explanation: "A team rule from `custom_rules` in `.promptlint.yml`.",
                defaultSeverity: severity, fixApplicability: substitutions.isEmpty ? nil : .safe,
                triggeringExamples: [], nonTriggeringExamples: [])
            let rule = CustomPhraseRule(description: description, message: message, substitutions: substitutions, tokens: tokens, ignoreCase: ignoreCase)
            definitions.append(RuleDefinition(description) { _ in rule })
        }
        return definitions
    }
}

/// Reads promptlint's own YAML template format and validates its schema with located errors.
struct YAMLTemplateReader: TemplateReader {
    static let allowedKeys = ["name", "description", "tags", "model", "max_output_tokens", "variables", "messages",
                              "template", "temperature", "lint", "config",
                              "calls_per_month", "expected_output_tokens", "model_reason", "team"]
    static let variableKeys = ["description", "required", "default", "enum", "typical_tokens"]
    static let messageKeys = ["role", "content", "name"]
    static let lintKeys = ["disable", "token_budget"]

    let file: SourceFile
    var issues: [LoadIssue] = []

    init(file: SourceFile) { self.file = file }

    mutating func error(_ node: YAMLNode, _ message: String) {
        issues.append(.error(file, node.range.lowerBound, message))
    }

    /// Reads every document of the file; `defaultName` names a single-template file.
    mutating func read(defaultName: String) -> [PromptTemplate] {
        let documents: [YAMLDocument]
        do {
            documents = try YAMLParser().parse(file)
        } catch {
            issues.append(LoadIssue(severity: .error, error: error))
            return []
        }
        let contentful = documents.filter { !($0.root.scalar?.value.isEmpty ?? false) }
        var templates: [PromptTemplate] = []
        for (index, document) in contentful.enumerated() {
            let name: String? = contentful.count == 1 ? defaultName : nil
            if let template = readTemplate(document.root, defaultName: name, documentIndex: index, range: document.range) {
                templates.append(template)
            }
        }
        return templates
    }

    mutating func readTemplate(_ root: YAMLNode, defaultName: String?, documentIndex: Int, range: Range<Int>) -> PromptTemplate? {
        guard let pairs = root.mapping else {
            error(root, "a template must be a mapping with keys such as 'name', 'model' and 'messages', found \(root.typeDescription)")
            return nil
        }
        let errorCount = issues.count
        for pair in pairs {
            guard let key = pair.key.string else {
                error(pair.key, "template keys must be strings")
                continue
            }
            if !Self.allowedKeys.contains(key) {
                error(pair.key, "unknown key '\(key)'\(ClosestMatch.suggestion(for: key, in: Self.allowedKeys)) (allowed: \(Self.allowedKeys.joined(separator: ", ")))")
            }
        }
        let name = string(root, "name") ?? defaultName
        if name == nil {
            error(root, "document \(documentIndex + 1) needs a 'name': a file with several templates must name each one")
        }
        let tags = stringList(root, "tags")
        var maxOutputTokens = positiveInteger(root, "max_output_tokens")
        var outputLimitParameter = maxOutputTokens.flatMap { value in root.pair("max_output_tokens").map { ModelParameter(key: "max_output_tokens", value: value, range: $0.key.range) } }
        var thinkingBudget: ModelParameter?
        // Langfuse and promptfoo keep model parameters under `config` (`config.max_tokens`).
        if let config = root["config"], !config.isNullScalar {
            if config.mapping == nil {
                error(config, "'config' must be a mapping of model parameters, found \(config.typeDescription)")
            } else if maxOutputTokens == nil {
                for key in ["max_tokens", "max_output_tokens", "maxOutputTokens", "max_completion_tokens"] where config[key] != nil {
                    maxOutputTokens = positiveInteger(config, key)
                    outputLimitParameter = maxOutputTokens.flatMap { value in config.pair(key).map { ModelParameter(key: key, value: value, range: $0.key.range) } }
                    break
                }
            }
            if config.mapping != nil {
                for (parent, key) in [("thinking", "budget_tokens"), (nil, "thinking_budget"), ("thinkingConfig", "thinkingBudget")] {
                    let holder: YAMLNode? = parent.map { config[$0] } ?? config
                    guard let holder, holder.mapping != nil, let pair = holder.pair(key) else { continue }
                    if let value = nonNegativeInteger(holder, key) { thinkingBudget = ModelParameter(key: key, value: value, range: pair.key.range) }
                }
            }
        }
        let temperature = number(root, "temperature")
        let variables = readVariables(root["variables"])
        var lintDisabled: Set<String> = []
        var lintOptions: [String: String] = [:]
        if let lint = root["lint"] {
            if let lintPairs = lint.mapping {
                for pair in lintPairs {
                    let key = pair.key.string ?? ""
                    if !Self.lintKeys.contains(key) {
                        error(pair.key, "unknown key '\(key)' in 'lint'\(ClosestMatch.suggestion(for: key, in: Self.lintKeys)) (allowed: \(Self.lintKeys.joined(separator: ", ")))")
                    } else if key == "disable" {
                        lintDisabled = Set(stringList(lint, "disable"))
                    } else if let value = pair.value.string {
                        lintOptions[key] = value
                    }
                }
            } else if !lint.isNullScalar {
                error(lint, "'lint' must be a mapping such as {disable: [PL102]}, found \(lint.typeDescription)")
            }
        }

        var messages: [PromptMessage] = []
        var isCompletion = false
        let messagesNode = root["messages"]
        let templateNode = root["template"]
        switch (messagesNode, templateNode) {
        case (nil, nil):
            error(root, "a template needs 'messages' (chat form) or 'template' (one string)")
        case (let m?, let t?):
            let second = m.range.lowerBound > t.range.lowerBound ? root.pair("messages")!.key : root.pair("template")!.key
            error(second, "'messages' and 'template' are exclusive: use one of them")
        case (let m?, nil):
            messages = readMessages(m)
        case (nil, let t?):
            isCompletion = true
            if let scalar = t.scalar, !t.isNullScalar {
                messages = [PromptMessage(role: .user, text: scalar.value, source: .scalar(scalar))]
            } else {
                error(t, "'template' must be a string, found \(t.typeDescription)")
            }
        }
        let callsPerMonth = nonNegativeInteger(root, "calls_per_month")
        let expectedOutputTokens = positiveInteger(root, "expected_output_tokens")
        let modelReason = string(root, "model_reason")
        let team = string(root, "team")
        guard issues.count == errorCount, let name else { return nil }
        var template = PromptTemplate(name: name, file: file, format: .yaml, description: string(root, "description"), tags: tags,
                              model: string(root, "model"), maxOutputTokens: maxOutputTokens, temperature: temperature,
                              variables: variables, messages: messages, isCompletion: isCompletion,
                              disabledRules: lintDisabled, lintOptions: lintOptions, root: root, range: range)
        template.outputLimitParameter = outputLimitParameter
        template.thinkingBudget = thinkingBudget
        template.callsPerMonth = callsPerMonth
        template.expectedOutputTokens = expectedOutputTokens
        template.modelReason = modelReason
        template.team = team
        return template
    }

    mutating func readVariables(_ node: YAMLNode?) -> [VariableDeclaration] {
        guard let node, !node.isNullScalar else { return [] }
        guard let pairs = node.mapping else {
            error(node, "'variables' must be a mapping of variable name to {description, required, default, enum}, found \(node.typeDescription)")
            return []
        }
        var result: [VariableDeclaration] = []
        for pair in pairs {
            guard let name = pair.key.string, isValidVariableName(name) else {
                error(pair.key, "invalid variable name '\(pair.key.string ?? "")': use letters, digits, '_' and '-'")
                continue
            }
            var declaration = VariableDeclaration(name: name, location: pair.key.start, range: pair.key.range)
            let spec = pair.value
            if let specPairs = spec.mapping {
                for specPair in specPairs {
                    let key = specPair.key.string ?? ""
                    if !Self.variableKeys.contains(key) {
                        error(specPair.key, "unknown key '\(key)' in variable '\(name)'\(ClosestMatch.suggestion(for: key, in: Self.variableKeys)) (allowed: \(Self.variableKeys.joined(separator: ", ")))")
                    }
                }
                declaration.description = string(spec, "description")
                declaration.isRequired = boolean(spec, "required") ?? false
                if let value = spec["default"] {
                    if let scalar = value.scalar { declaration.defaultValue = scalar.value } else {
                        error(value, "'default' of variable '\(name)' must be a scalar, found \(value.typeDescription)")
                    }
                }
                if spec["enum"] != nil { declaration.allowedValues = stringList(spec, "enum") }
                declaration.typicalTokens = nonNegativeInteger(spec, "typical_tokens")
                if let allowed = declaration.allowedValues, let value = declaration.defaultValue, !allowed.contains(value),
                   let defaultNode = spec["default"] {
                    error(defaultNode, "default '\(value)' of variable '\(name)' is not one of its enum values: \(allowed.joined(separator: ", "))")
                }
            } else if let scalar = spec.scalar, !spec.isNullScalar {
                // Shorthand: `ticket: Raw ticket text` is a description.
                declaration.description = scalar.value
            } else if !spec.isNullScalar {
                error(spec, "variable '\(name)' must be a mapping {description, required, default, enum}, found \(spec.typeDescription)")
            }
            result.append(declaration)
        }
        return result
    }

    mutating func readMessages(_ node: YAMLNode) -> [PromptMessage] {
        guard let items = node.sequence else {
            error(node, "'messages' must be a list of {role, content}, found \(node.typeDescription)")
            return []
        }
        if items.isEmpty { error(node, "'messages' is empty: add at least one {role, content}") }
        var messages: [PromptMessage] = []
        for item in items {
            guard let pairs = item.mapping else {
                error(item, "a message must be a mapping {role, content}, found \(item.typeDescription)")
                continue
            }
            for pair in pairs where !Self.messageKeys.contains(pair.key.string ?? "") {
                let key = pair.key.string ?? ""
                error(pair.key, "unknown key '\(key)' in message\(ClosestMatch.suggestion(for: key, in: Self.messageKeys)) (allowed: \(Self.messageKeys.joined(separator: ", ")))")
            }
            let roles = MessageRole.allCases.map(\.rawValue)
            guard let roleNode = item["role"] else {
                error(item, "message has no 'role' (one of: \(roles.joined(separator: ", ")))")
                continue
            }
            guard let roleName = roleNode.string, let role = MessageRole(rawValue: roleName) else {
                error(roleNode, "invalid role '\(roleNode.string ?? roleNode.typeDescription)'\(ClosestMatch.suggestion(for: roleNode.string ?? "", in: roles)) (allowed: \(roles.joined(separator: ", ")))")
                continue
            }
            guard let content = item["content"] else {
                error(item, "message has no 'content'")
                continue
            }
            guard let scalar = content.scalar, !content.isNullScalar else {
                error(content, content.isNullScalar ? "'content' is empty" : "'content' must be a string, found \(content.typeDescription)")
                continue
            }
            messages.append(PromptMessage(role: role, text: scalar.value, source: .scalar(scalar)))
        }
        return messages
    }

    // MARK: Typed accessors with located errors

    func isValidVariableName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0 == "-" }
    }

    mutating func string(_ parent: YAMLNode, _ key: String) -> String? {
        guard let node = parent[key], !node.isNullScalar else { return nil }
        guard let scalar = node.scalar else {
            error(node, "'\(key)' must be a string, found \(node.typeDescription)")
            return nil
        }
        return scalar.value
    }

    mutating func stringList(_ parent: YAMLNode, _ key: String) -> [String] {
        guard let node = parent[key], !node.isNullScalar else { return [] }
        if let scalar = node.scalar { return [scalar.value] }
        guard let items = node.sequence else {
            error(node, "'\(key)' must be a list of strings, found \(node.typeDescription)")
            return []
        }
        var result: [String] = []
        for item in items {
            if let value = item.string { result.append(value) } else { error(item, "'\(key)' items must be strings, found \(item.typeDescription)") }
        }
        return result
    }

    mutating func positiveInteger(_ parent: YAMLNode, _ key: String) -> Int? {
        guard let node = parent[key], !node.isNullScalar else { return nil }
        guard let scalar = node.scalar, scalar.isPlainUntagged, let value = Int(scalar.value), value > 0 else {
            error(node, "'\(key)' must be a positive integer, found \(node.scalar.map { "'\($0.value)'" } ?? node.typeDescription)")
            return nil
        }
        return value
    }

    mutating func nonNegativeInteger(_ parent: YAMLNode, _ key: String) -> Int? {
        guard let node = parent[key], !node.isNullScalar else { return nil }
        guard let scalar = node.scalar, scalar.isPlainUntagged, let value = Int(scalar.value.replacingOccurrences(of: "_", with: "")), value >= 0 else {
            error(node, "'\(key)' must be a non-negative integer, found \(node.scalar.map { "'\($0.value)'" } ?? node.typeDescription)")
            return nil
        }
        return value
    }

    mutating func number(_ parent: YAMLNode, _ key: String) -> Double? {
        guard let node = parent[key], !node.isNullScalar else { return nil }
        guard let scalar = node.scalar, scalar.isPlainUntagged, let value = Double(scalar.value) else {
            error(node, "'\(key)' must be a number, found \(node.typeDescription)")
            return nil
        }
        return value
    }

    mutating func boolean(_ parent: YAMLNode, _ key: String) -> Bool? {
        guard let node = parent[key], !node.isNullScalar else { return nil }
        guard let scalar = node.scalar, scalar.isPlainUntagged else {
            error(node, "'\(key)' must be true or false, found \(node.typeDescription)")
            return nil
        }
        switch scalar.value.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error(node, "'\(key)' must be true or false, found '\(scalar.value)'")
            return nil
        }
    }
}

extension YAMLNode {
    /// `key:` with nothing, `~` or `null`.
    var isNullScalar: Bool {
        guard let scalar, scalar.isPlainUntagged else { return false }
        return scalar.value.isEmpty || scalar.value == "~" || scalar.value.lowercased() == "null"
    }
}

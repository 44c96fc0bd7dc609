/// A rendered chat request.
public struct RenderedPrompt: Sendable {
    public struct Message: Sendable, Equatable {
        public var role: MessageRole
        public var content: String
    }

    public var name: String
    public var model: String?
    public var maxOutputTokens: Int?
    public var temperature: Double?
    public var messages: [Message]
    /// The request key of the output cap: `max_completion_tokens` for OpenAI reasoning models
    /// (they reject `max_tokens`), else `max_tokens` (see `OutputParameters.requestKey`).
    public var outputLimitKey = "max_tokens"

    /// Messages joined with role headers.
    public var text: String {
        messages.map { "### \($0.role.rawValue)\n\($0.content.hasSuffix("\n") ? String($0.content.dropLast()) : $0.content)" }.joined(separator: "\n\n") + "\n"
    }

    /// An OpenAI-style request body, ready for `curl -d @-`.
    public var requestBody: JSONValue {
        var pairs: [(String, JSONValue)] = []
        if let model { pairs.append(("model", .string(model))) }
        if let maxOutputTokens { pairs.append((outputLimitKey, .int(maxOutputTokens))) }
        if let temperature { pairs.append(("temperature", .double(temperature))) }
        pairs.append(("messages", .array(messages.map { .object([("role", .string($0.role.rawValue)), ("content", .string($0.content))]) })))
        return .object(pairs)
    }
}

/// A rendering failure: all problems at once, so the user fixes them in one go.
public struct RenderError: Error, Sendable, CustomStringConvertible {
    public var template: String
    public var problems: [String]
    public var description: String { problems.map { "\(template): \($0)" }.joined(separator: "\n") }
}

/// Strict Mustache rendering: every variable the text reads must be declared and given (or have a
/// default), every given variable must be declared, enum values are enforced, and values are
/// inserted verbatim (a prompt is not HTML).
public struct TemplateRenderer: Sendable {
    public let library: PromptLibrary

    public init(library: PromptLibrary) { self.library = library }

    public func render(_ template: PromptTemplate, values: [String: TemplateValue]) throws(RenderError) -> RenderedPrompt {
        var problems: [String] = []
        let declared = Set(template.variables.map(\.name))

        // Provided but not declared.
        for name in values.keys.sorted() where !declared.contains(name) {
            let hint = ClosestMatch.suggestion(for: name, in: declared.sorted())
            problems.append("unknown variable '\(name)'\(hint) (declared: \(declared.isEmpty ? "none" : declared.sorted().joined(separator: ", ")))")
        }
        // Used but not declared (also through partials).
        var partialProblems: [String] = []
        var memo: [String: Usage] = [:]
        let usage = collectUsage(template, chain: [template.name], memo: &memo, problems: &partialProblems)
        problems.append(contentsOf: partialProblems)
        for name in usage.required.sorted() where !declared.contains(name) {
            problems.append("variable '\(name)' is used in the template but not declared under 'variables'")
        }
        // Missing values.
        var context: [String: TemplateValue] = [:]
        var missing: [String] = []
        for variable in template.variables {
            if let value = values[variable.name] {
                context[variable.name] = value
            } else if let value = variable.defaultValue {
                context[variable.name] = .string(value)
            } else if variable.isRequired || usage.readAsValue.contains(variable.name) {
                missing.append(variable.name)
            }
        }
        if !missing.isEmpty {
            problems.append("missing value for \(missing.count == 1 ? "variable" : "variables") \(missing.map { "'\($0)'" }.joined(separator: ", ")) (give --var NAME=VALUE or --vars FILE)")
        }
        // Enum checks.
        for variable in template.variables {
            guard let allowed = variable.allowedValues, let value = context[variable.name] else { continue }
            if !allowed.contains(value.text) {
                problems.append("value '\(value.text)' of variable '\(variable.name)' is not allowed (allowed: \(allowed.joined(separator: ", ")))")
            }
        }
        guard problems.isEmpty else { throw RenderError(template: template.name, problems: problems) }

        var partialTexts: [String: String] = [:]
        for partial in usage.partials {
            guard let partialTemplate = library.template(named: partial) else { continue }
            partialTexts[partial] = partialTemplate.messages.map(\.text).joined(separator: "\n")
        }
        let renderer = MustacheRenderer(partials: partialTexts)
        var messages: [RenderedPrompt.Message] = []
        for message in template.messages {
            do {
                messages.append(.init(role: message.role, content: try renderer.render(message.text, template: template.name, values: context)))
            } catch {
                problems.append("\(place(of: error, in: template, message: message)): \(error.message)")
            }
        }
        guard problems.isEmpty else { throw RenderError(template: template.name, problems: problems) }
        return RenderedPrompt(name: template.name, model: template.model, maxOutputTokens: template.maxOutputTokens,
                              temperature: template.temperature, messages: messages)
    }

    /// `file:line:col` of a render failure, in the message or in the partial it happened in.
    func place(of failure: MustacheRenderer.Failure, in template: PromptTemplate, message: PromptMessage) -> String {
        if failure.source == MustacheRenderer.topLevel {
            let location = message.source.location(ofTextOffset: failure.range.lowerBound)
            return "\(template.file.path):\(location.line):\(location.column)"
        }
        guard let partial = library.template(named: failure.source) else { return template.file.path }
        // The partial's text is its messages joined by a line break.
        var offset = failure.range.lowerBound
        for part in partial.messages {
            let length = part.text.utf8.count
            if offset <= length {
                let location = part.source.location(ofTextOffset: offset)
                return "\(partial.file.path):\(location.line):\(location.column)"
            }
            offset -= length + 1
        }
        return partial.file.path
    }

    struct Usage {
        /// Names read outside sections (must be template variables).
        var required: Set<String> = []
        /// Names inserted as `{{name}}` outside sections: must have a value (a silent blank is an error).
        var readAsValue: Set<String> = []
        var partials: [String] = []
    }

    /// Variables used by a template and the partials it includes (recursively: each partial once,
    /// cycles and chains deeper than the renderer allows reported with the include chain).
    func collectUsage(_ template: PromptTemplate, chain: [String], memo: inout [String: Usage], problems: inout [String]) -> Usage {
        if let known = memo[template.name] { return known }
        var usage = Usage()
        defer { memo[template.name] = usage }
        for message in template.messages {
            let scan = MustacheScan(message.text)
            for error in scan.errors {
                let location = message.source.location(ofTextOffset: error.range.lowerBound)
                problems.append("\(template.file.path):\(location.line):\(location.column): \(error.message)")
            }
            for tag in scan.requiredNames {
                usage.required.insert(tag.rootName)
                if tag.kind == .variable || tag.kind == .unescaped { usage.readAsValue.insert(tag.rootName) }
            }
            for tag in scan.partials {
                let name = tag.name
                let location = message.source.location(ofTextOffset: tag.range.lowerBound)
                guard let partial = library.template(named: name) else {
                    problems.append("\(template.file.path):\(location.line):\(location.column): unknown partial '\(name)'\(ClosestMatch.suggestion(for: name, in: library.templates.map(\.name)))")
                    continue
                }
                if chain.contains(name) {
                    problems.append("\(template.file.path):\(location.line):\(location.column): partial '\(name)' includes itself (\((chain + [name]).joined(separator: " → ")))")
                    continue
                }
                guard chain.count <= MustacheRenderer.maxPartialDepth else {
                    problems.append("\(template.file.path):\(location.line):\(location.column): partials nested deeper than \(MustacheRenderer.maxPartialDepth) levels (\((chain + [name]).joined(separator: " → ")))")
                    continue
                }
                if !usage.partials.contains(name) { usage.partials.append(name) }
                let inner = collectUsage(partial, chain: chain + [name], memo: &memo, problems: &problems)
                usage.required.formUnion(inner.required)
                usage.readAsValue.formUnion(inner.readAsValue)
                for nested in inner.partials where !usage.partials.contains(nested) { usage.partials.append(nested) }
            }
        }
        return usage
    }
}

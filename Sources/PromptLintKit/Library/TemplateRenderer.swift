import Mustache

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
        let usage = collectUsage(template, visiting: [template.name], problems: &partialProblems)
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

        var mustacheLibrary = MustacheLibrary()
        for partial in usage.partials {
            guard let partialTemplate = library.template(named: partial) else { continue }
            let text = partialTemplate.messages.map { Self.mustacheSource(for: $0.text, format: partialTemplate.format) }.joined(separator: "\n")
            do {
                try mustacheLibrary.register(Self.textPragma + text, named: partial)
            } catch {
                problems.append("partial '\(partial)': \(error)")
            }
        }
        let mustacheContext = context.mapValues(\.mustacheContext)
        var messages: [RenderedPrompt.Message] = []
        for message in template.messages {
            do {
                let compiled = try MustacheTemplate(string: Self.textPragma + Self.mustacheSource(for: message.text, format: template.format))
                messages.append(.init(role: message.role, content: compiled.render(mustacheContext, library: mustacheLibrary)))
            } catch {
                problems.append("\(message.role.rawValue) message: invalid Mustache: \(error)")
            }
        }
        guard problems.isEmpty else { throw RenderError(template: template.name, problems: problems) }
        return RenderedPrompt(name: template.name, model: template.model, maxOutputTokens: template.maxOutputTokens,
                              temperature: template.temperature, messages: messages)
    }

    /// Mustache escapes HTML by default; prompts must come out verbatim.
    static let textPragma = "{{%CONTENT_TYPE: TEXT}}"

    struct Usage {
        /// Names read outside sections (must be template variables).
        var required: Set<String> = []
        /// Names inserted as `{{name}}` outside sections: must have a value (a silent blank is an error).
        var readAsValue: Set<String> = []
        var partials: [String] = []
    }

    /// Variables used by a template and the partials it includes (recursively, cycles guarded).
    func collectUsage(_ template: PromptTemplate, visiting: Set<String>, problems: inout [String]) -> Usage {
        var usage = Usage()
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
                guard let partial = library.template(named: name) else {
                    let location = message.source.location(ofTextOffset: tag.range.lowerBound)
                    problems.append("\(template.file.path):\(location.line):\(location.column): unknown partial '\(name)'\(ClosestMatch.suggestion(for: name, in: library.templates.map(\.name)))")
                    continue
                }
                if visiting.contains(name) {
                    problems.append("partial '\(name)' includes itself (cycle: \(visiting.sorted().joined(separator: " → ")))")
                    continue
                }
                if !usage.partials.contains(name) { usage.partials.append(name) }
                let inner = collectUsage(partial, visiting: visiting.union([name]), problems: &problems)
                usage.required.formUnion(inner.required)
                usage.readAsValue.formUnion(inner.readAsValue)
                for nested in inner.partials where !usage.partials.contains(nested) { usage.partials.append(nested) }
            }
        }
        return usage
    }

    /// dotprompt bodies use Handlebars block helpers; translate the common ones to Mustache
    /// (`#if x` → `#x`, `#unless x` → `^x`, `#each xs` → `#xs`, `else`, `this` → `.`).
    static func mustacheSource(for text: String, format: TemplateFormat) -> String {
        guard format == .dotprompt else { return text }
        let scan = MustacheScan(text)
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var cursor = 0
        var open: [MustacheTag] = []
        for tag in scan.tags {
            var replacement: String?
            switch tag.kind {
            case .section where tag.helper != nil:
                open.append(tag)
                replacement = (tag.helper == "unless" ? "{{^" : "{{#") + tag.name + "}}"
            case .section, .invertedSection:
                open.append(tag)
            case .close:
                if let section = open.popLast() {
                    replacement = "{{/" + section.name + "}}"
                }
            case .elseBranch:
                if let section = open.last {
                    let inverted = section.helper == "unless" ? "{{#" : "{{^"
                    replacement = "{{/" + section.name + "}}" + inverted + section.name + "}}"
                }
            case .variable where tag.name == "this" || tag.name.hasPrefix("this."):
                replacement = "{{" + (tag.name == "this" ? "." : String(tag.name.dropFirst(5))) + "}}"
            case .helper:
                replacement = ""
            default:
                break
            }
            if let replacement {
                out.append(contentsOf: bytes[cursor..<tag.range.lowerBound])
                out.append(contentsOf: replacement.utf8)
                cursor = tag.range.upperBound
            }
        }
        out.append(contentsOf: bytes[cursor...])
        return String(decoding: out, as: UTF8.self)
    }
}

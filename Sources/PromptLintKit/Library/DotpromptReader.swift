/// Reads Google dotprompt files (`.prompt`): YAML front matter (`model`, `config`, `input.schema`
/// in Picoschema), then a Handlebars body whose `{{role "system"}}` tags start messages.
struct DotpromptReader: FrontMatterReader {
    static let knownKeys: Set<String> = ["name", "variant", "version", "description", "model", "config", "input", "output",
                                         "tools", "metadata", "ext", "raw", "default"]

    let file: SourceFile
    var issues: [LoadIssue] = []

    static let formatName = "dotprompt"

    init(file: SourceFile) { self.file = file }

    mutating func read(_ front: FrontMatter, defaultName: String) -> [PromptTemplate] {
        let root = front.root
        if let tools = root.pair("tools") {
            issues.append(.warning(file, tools.key.range.lowerBound, "dotprompt 'tools' are not sent by promptlint render; the prompt text is rendered without them"))
        }
        let maxOutputTokens = root.positiveInteger(at: ["config", "maxOutputTokens"]) ?? root.positiveInteger(at: ["config", "max_tokens"])
        let temperature = root.value(at: ["config", "temperature"])?.string.flatMap(Double.init)

        var variables: [VariableDeclaration] = []
        let defaults = root.value(at: ["input", "default"])
        if let schema = root.value(at: ["input", "schema"])?.mapping {
            for pair in schema {
                guard var name = pair.key.string else { continue }
                // Picoschema: `name?: type, description`, `items(array): ...`.
                var optional = false
                if let paren = name.firstIndex(of: "(") { name = String(name[..<paren]) }
                if name.hasSuffix("?") { optional = true; name.removeLast() }
                var description: String?
                if let text = pair.value.string, let comma = text.firstIndex(of: ",") {
                    description = String(text[text.index(after: comma)...]).trimmingWhitespace()
                }
                let defaultValue = defaults?[name]?.string
                variables.append(VariableDeclaration(name: name, description: description, isRequired: !optional && defaultValue == nil,
                                                     defaultValue: defaultValue, location: pair.key.start, range: pair.key.range))
            }
        } else if let schema = root.value(at: ["input", "schema"]) {
            issues.append(.warning(file, schema.range.lowerBound, "only Picoschema object schemas are read; input variables are not declared"))
        }

        let messages = splitRoleTags(body: front.body)
        if messages.isEmpty {
            issues.append(.error(file, front.body.lowerBound, "the dotprompt body is empty"))
            return []
        }
        // dotprompt partials are files named `_name.prompt`, included as `{{> name}}`.
        var name = root["name"]?.string ?? Self.partialAwareName(defaultName)
        if let variant = root["variant"]?.string { name += ".\(variant)" }
        return [PromptTemplate(name: name, file: file, format: .dotprompt, description: root["description"]?.string,
                               tags: (root.value(at: ["metadata", "tags"])?.sequence ?? []).compactMap(\.string),
                               model: root["model"]?.string, maxOutputTokens: maxOutputTokens, temperature: temperature,
                               variables: variables, messages: messages, root: root)]
    }

    static func partialAwareName(_ name: String) -> String {
        var components = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if let last = components.last, last.hasPrefix("_"), last.count > 1 {
            components[components.count - 1] = String(last.dropFirst())
        }
        return components.joined(separator: "/")
    }

    /// Splits the body at `{{role "…"}}` tags; text before the first one is a user message.
    mutating func splitRoleTags(body: Range<Int>) -> [PromptMessage] {
        let text = file.string(body)
        let scan = MustacheScan(text)
        var cuts: [(role: MessageRole, tagRange: Range<Int>)] = []
        for tag in scan.tags where tag.kind == .helper && tag.helper == "role" {
            let inner = file.string(body.lowerBound + tag.nameRange.lowerBound..<body.lowerBound + tag.nameRange.upperBound)
            let argument = inner.dropFirst(4).trimmingCharacters(in: "\"' ")
            if let role = MessageRole(rawValue: argument) ?? (argument == "model" ? .assistant : nil) {
                cuts.append((role, tag.range))
            } else {
                issues.append(.error(file, body.lowerBound + tag.range.lowerBound, "unknown role '\(argument)' (allowed: system, user, model)"))
            }
        }
        for tag in scan.tags where tag.kind == .helper && ["media", "history", "section"].contains(tag.helper ?? "") {
            issues.append(.warning(file, body.lowerBound + tag.range.lowerBound, "dotprompt helper '{{\(tag.helper!)}}' is not rendered by promptlint; it is left out"))
        }
        var sections: [(MessageRole, Range<Int>)] = []
        var start = 0
        var role = MessageRole.user
        for cut in cuts {
            sections.append((role, start..<cut.tagRange.lowerBound))
            role = cut.role
            start = cut.tagRange.upperBound
        }
        sections.append((role, start..<Array(text.utf8).count))
        var messages: [PromptMessage] = []
        for (role, local) in sections {
            let range = FrontMatter.trimmed(body.lowerBound + local.lowerBound..<body.lowerBound + local.upperBound, in: file.bytes)
            // A section holding only a Handlebars comment is not a message.
            let content = file.string(range)
            let withoutComments = MustacheScan(content).tags.filter { $0.kind == .comment }.reduce(content.utf8.count) { $0 - $1.range.count }
            if range.isEmpty || withoutComments <= 0 || content.trimmingWhitespace().isEmpty { continue }
            messages.append(PromptMessage(role: role, text: content, source: .span(file, range)))
        }
        return messages
    }
}

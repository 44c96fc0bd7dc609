/// Reads Microsoft Prompty files (`.prompty`): YAML front matter, then a body whose `system:`,
/// `user:` and `assistant:` lines start messages.
struct PromptyReader: FrontMatterReader {
    static let knownKeys: Set<String> = ["name", "description", "authors", "tags", "version", "model", "inputs", "sample",
                                         "outputs", "template", "metadata", "base", "id"]

    let file: SourceFile
    var issues: [LoadIssue] = []

    static let formatName = "Prompty"

    init(file: SourceFile) { self.file = file }

    mutating func read(_ front: FrontMatter, defaultName: String) -> [PromptTemplate] {
        let root = front.root
        if let engine = root.value(at: ["template"]).flatMap({ $0.string ?? $0["format"]?.string }), engine.lowercased() != "mustache" {
            issues.append(.warning(file, root.pair("template")?.key.range.lowerBound,
                                   "template format '\(engine)': promptlint renders Mustache only; Jinja2 control blocks are not evaluated"))
        }
        let model = root["model"]
        var modelName: String?
        if let name = model?.string {
            modelName = name
        } else if let model {
            modelName = model.value(at: ["id"])?.string ?? model.value(at: ["configuration", "name"])?.string
                ?? model.value(at: ["configuration", "azure_deployment"])?.string ?? model.value(at: ["configuration", "model"])?.string
        }
        let maxOutputTokens = model?.positiveInteger(at: ["options", "maxOutputTokens"]) ?? model?.positiveInteger(at: ["parameters", "max_tokens"])
            ?? model?.positiveInteger(at: ["options", "max_tokens"]) ?? model?.positiveInteger(at: ["parameters", "max_completion_tokens"])
        let temperature = (model?.value(at: ["options", "temperature"]) ?? model?.value(at: ["parameters", "temperature"]))?.string.flatMap(Double.init)

        var variables: [VariableDeclaration] = []
        if let inputs = root["inputs"] {
            if let pairs = inputs.mapping {
                for pair in pairs {
                    guard let name = pair.key.string else { continue }
                    var declaration = VariableDeclaration(name: name, location: pair.key.start, range: pair.key.range)
                    if pair.value.mapping != nil {
                        declaration.description = pair.value["description"]?.string
                        declaration.defaultValue = pair.value["default"]?.string
                        if let required = pair.value["required"]?.string {
                            declaration.isRequired = required == "true"
                        } else {
                            declaration.isRequired = declaration.defaultValue == nil
                        }
                        if let values = pair.value["enum"]?.sequence { declaration.allowedValues = values.compactMap(\.string) }
                    } else {
                        // Older files give a sample value directly: `question: What is X?`.
                        declaration.isRequired = true
                    }
                    variables.append(declaration)
                }
            } else if let items = inputs.sequence {
                // The newer spec's list form: `- name: question`.
                for item in items {
                    guard let name = item["name"]?.string else { continue }
                    let defaultValue = item["default"]?.string
                    variables.append(VariableDeclaration(name: name, description: item["description"]?.string,
                                                         isRequired: item["required"]?.string == "true" || defaultValue == nil,
                                                         defaultValue: defaultValue, location: item.start, range: item.range))
                }
            }
        }

        let messages = Self.splitRoleLines(file, body: front.body, defaultRole: .system)
        if messages.isEmpty {
            issues.append(.error(file, front.body.lowerBound, "the Prompty body is empty: add 'system:' and 'user:' sections"))
            return []
        }
        let tags = (root["tags"]?.sequence ?? []).compactMap(\.string)
        return [PromptTemplate(name: defaultName, file: file, format: .prompty, description: root["description"]?.string, tags: tags,
                               model: modelName, maxOutputTokens: maxOutputTokens, temperature: temperature,
                               variables: variables, messages: messages, root: root)]
    }

    /// Splits a body at lines that are exactly a role name followed by ':'.
    static func splitRoleLines(_ file: SourceFile, body: Range<Int>, defaultRole: MessageRole) -> [PromptMessage] {
        let bytes = file.bytes
        var sections: [(MessageRole, Int)] = []   // role, content start
        var boundaries: [Int] = []                 // start of each role line
        var line = file.lineIndex(ofByte: body.lowerBound)
        var role = defaultRole
        var contentStart = body.lowerBound
        while line < file.lineStarts.count {
            let start = max(file.lineStarts[line], body.lowerBound)
            let end = line + 1 < file.lineStarts.count ? file.lineStarts[line + 1] : bytes.count
            let text = String(decoding: bytes[start..<end], as: UTF8.self).trimmingWhitespace().lowercased()
            if text.hasSuffix(":"), let found = MessageRole(rawValue: String(text.dropLast()).trimmingWhitespace()) {
                if start > contentStart || !sections.isEmpty || start > body.lowerBound {
                    sections.append((role, contentStart))
                    boundaries.append(start)
                }
                role = found
                contentStart = end
            }
            line += 1
        }
        sections.append((role, contentStart))
        boundaries.append(bytes.count)
        var messages: [PromptMessage] = []
        for (index, (role, start)) in sections.enumerated() {
            let range = FrontMatter.trimmed(start..<max(start, boundaries[index]), in: bytes)
            if range.isEmpty { continue }
            messages.append(PromptMessage(role: role, text: file.string(range), source: .span(file, range)))
        }
        return messages
    }
}

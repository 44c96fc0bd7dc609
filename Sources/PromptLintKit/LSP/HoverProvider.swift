/// `textDocument/hover`: on a finding, its rule's `explain` text; on a `{{variable}}`, its
/// declaration; on a `{{> partial}}`, the template it includes.
enum HoverProvider {
    static func hover(_ params: JSONValue, session: LSPSession) -> JSONValue {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, let analysis = session.analysis(uri: uri),
              let position = LSPPosition(json: params["position"]) else { return .null }
        let offset = analysis.file.byteOffset(of: position)
        var sections: [String] = []
        var range: Range<Int>?
        let findings = analysis.diagnostics.filter { $0.range.contains(offset) || ($0.range.isEmpty && $0.range.lowerBound == offset) }
        var explained: Set<String> = []
        for diagnostic in findings {
            range = range ?? diagnostic.range
            var text = "**\(diagnostic.code)** \(diagnostic.message)"
            if explained.insert(diagnostic.code).inserted, let rule = session.configuration.definition(for: diagnostic.code)?.description {
                text += "\n\n" + RuleDocumentation.render(rule)
            }
            sections.append(text)
        }
        if let located = TemplateTagLocator(analysis: analysis).tag(at: offset) {
            if let text = describe(located, session: session) {
                sections.insert(text, at: 0)
                range = located.nameRange
            }
        }
        guard !sections.isEmpty else { return .null }
        var fields: [(String, JSONValue)] = [("contents", .object([("kind", .string("markdown")), ("value", .string(sections.joined(separator: "\n\n---\n\n")))]))]
        if let range { fields.append(("range", analysis.file.lspRange(ofBytes: range).json)) }
        return .object(fields)
    }

    static func describe(_ located: TemplateTagLocator.Located, session: LSPSession) -> String? {
        let tag = located.tag
        switch tag.kind {
        case .variable, .unescaped, .section, .invertedSection:
            guard let declaration = located.template.variables.first(where: { $0.name == tag.rootName }) else {
                return "`\(tag.rootName)`: not declared in `\(located.template.name)`'s variables"
            }
            return declarationText(declaration, template: located.template)
        case .partial:
            guard let target = session.partialTemplate(named: tag.name) else { return "partial `\(tag.name)`: no template of that name in the library" }
            var text = "partial **\(target.name)** (\(target.file.path):\(target.location.line))"
            if let description = target.description { text += "\n\n" + description }
            return text
        default:
            return nil
        }
    }

    static func declarationText(_ declaration: VariableDeclaration, template: PromptTemplate) -> String {
        var text = "variable **\(declaration.name)**"
        text += declaration.isRequired ? " (required)" : " (optional)"
        if let line = declaration.location?.line { text += ", declared in \(template.file.path):\(line)" }
        if let description = declaration.description { text += "\n\n" + description }
        if let value = declaration.defaultValue { text += "\n\ndefault: `\(value)`" }
        if let values = declaration.allowedValues { text += "\n\none of: " + values.map { "`\($0)`" }.joined(separator: ", ") }
        return text
    }
}

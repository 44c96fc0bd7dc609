/// `textDocument/definition`: from `{{> partial}}` to the included template, and from a
/// `{{variable}}` to its declaration under `variables:`.
enum DefinitionProvider {
    static func definition(_ params: JSONValue, session: LSPSession) -> JSONValue {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, let analysis = session.analysis(uri: uri),
              let position = LSPPosition(json: params["position"]),
              let located = TemplateTagLocator(analysis: analysis).tag(at: analysis.file.byteOffset(of: position)) else { return .null }
        switch located.tag.kind {
        case .partial:
            guard let target = session.partialTemplate(named: located.tag.name) else { return .null }
            let start = target.file.lspPosition(ofByte: target.range.lowerBound)
            return location(path: target.file.path, range: LSPRange(start: start, end: start), session: session)
        case .variable, .unescaped, .section, .invertedSection:
            guard let declaration = located.template.variables.first(where: { $0.name == located.tag.rootName }),
                  let range = declaration.range ?? declaration.location.map({ $0.offset..<$0.offset }) else { return .null }
            return location(path: analysis.file.path, range: analysis.file.lspRange(ofBytes: range), session: session)
        default:
            return .null
        }
    }

    static func location(path: String, range: LSPRange, session: LSPSession) -> JSONValue {
        .object([("uri", .string(session.uris.uri(for: path))), ("range", range.json)])
    }
}

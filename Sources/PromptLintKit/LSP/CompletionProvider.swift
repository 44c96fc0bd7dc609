/// `textDocument/completion`: inside `{{ … }}` the template's variable names, after `{{>` the
/// library's template names (partials). Reads the raw line before the cursor: names are plain
/// words, written the same in every scalar style.
enum CompletionProvider {
    enum Context: Equatable {
        case variable(prefix: Range<Int>)
        case partial(prefix: Range<Int>)
    }

    /// What the text before `offset` on its line asks for, if it is an open `{{` tag.
    static func context(in file: SourceFile, at offset: Int) -> Context? {
        let bytes = file.bytes
        let lineStart = file.lineStarts[file.lineIndex(ofByte: offset)]
        var index = offset
        // The name typed so far: letters, digits, '_', '.', '/', '-'.
        while index > lineStart, isNameByte(bytes[index - 1]) { index -= 1 }
        let prefix = index..<offset
        while index > lineStart, bytes[index - 1] == UInt8(ascii: " ") { index -= 1 }
        // A sigil after the braces: '>' for a partial; section, close and unescaped tags name variables.
        var sigil: UInt8?
        if index > lineStart, Array(">#^/&".utf8).contains(bytes[index - 1]) {
            sigil = bytes[index - 1]
            index -= 1
            while index > lineStart, bytes[index - 1] == UInt8(ascii: " ") { index -= 1 }
        }
        // '{{' (also the end of '{{{').
        guard index >= lineStart + 2, bytes[index - 1] == UInt8(ascii: "{"), bytes[index - 2] == UInt8(ascii: "{") else { return nil }
        return sigil == UInt8(ascii: ">") ? .partial(prefix: prefix) : .variable(prefix: prefix)
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    static func completion(_ params: JSONValue, session: LSPSession) -> JSONValue {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, let analysis = session.analysis(uri: uri),
              let position = LSPPosition(json: params["position"]) else { return .null }
        let file = analysis.file
        let offset = file.byteOffset(of: position)
        guard let context = context(in: file, at: offset) else { return .object([("isIncomplete", .bool(false)), ("items", .array([]))]) }
        var items: [JSONValue] = []
        switch context {
        case .variable(let prefix):
            guard let template = analysis.template(at: offset) else { break }
            for variable in template.variables {
                var detail = variable.isRequired ? "required" : "optional"
                if let value = variable.defaultValue { detail += ", default \(value)" }
                items.append(item(variable.name, kind: 6, detail: detail, documentation: variable.description, replacing: prefix, in: file))
            }
        case .partial(let prefix):
            let own = Set(analysis.templates.map(\.name))
            for template in session.editorLibrary() where !own.contains(template.name) {
                items.append(item(template.name, kind: 9, detail: template.file.path, documentation: template.description, replacing: prefix, in: file))
            }
        }
        return .object([("isIncomplete", .bool(false)), ("items", .array(items))])
    }

    static func item(_ name: String, kind: Int, detail: String, documentation: String?, replacing prefix: Range<Int>, in file: SourceFile) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("label", .string(name)), ("kind", .int(kind)), ("detail", .string(detail)),
            ("textEdit", .object([("range", file.lspRange(ofBytes: prefix).json), ("newText", .string(name))])),
        ]
        if let documentation { fields.append(("documentation", .string(documentation))) }
        return .object(fields)
    }
}

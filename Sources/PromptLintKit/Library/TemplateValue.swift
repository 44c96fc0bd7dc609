import Foundation

/// A value given for a template variable: text, or lists and mappings for Mustache sections.
public indirect enum TemplateValue: Sendable, Equatable {
    case string(String)
    case bool(Bool)
    case list([TemplateValue])
    case map([String: TemplateValue])

    /// The text form, for enum checks and messages.
    public var text: String {
        switch self {
        case .string(let value): return value
        case .bool(let value): return value ? "true" : "false"
        case .list(let items): return items.map(\.text).joined(separator: ", ")
        case .map: return "{…}"
        }
    }

    init(yaml node: YAMLNode) {
        switch node.kind {
        case .scalar(let scalar):
            if scalar.isPlainUntagged, ["true", "false"].contains(scalar.value) { self = .bool(scalar.value == "true") } else {
                self = .string(scalar.value)
            }
        case .sequence(let items): self = .list(items.map(TemplateValue.init(yaml:)))
        case .mapping(let pairs):
            var map: [String: TemplateValue] = [:]
            for pair in pairs { map[pair.key.string ?? ""] = TemplateValue(yaml: pair.value) }
            self = .map(map)
        }
    }

    init(json: JSONValue) {
        switch json {
        case .null: self = .string("")
        case .bool(let value): self = .bool(value)
        case .int(let value): self = .string(String(value))
        case .double(let value): self = .string(String(value))
        case .string(let value): self = .string(value)
        case .array(let items): self = .list(items.map(TemplateValue.init(json:)))
        case .object(let pairs): self = .map(Dictionary(pairs.map { ($0.0, TemplateValue(json: $0.1)) }, uniquingKeysWith: { $1 }))
        }
    }

    /// Reads a `--vars` file: a YAML or JSON mapping of variable name to value.
    public static func readVariablesFile(_ file: SourceFile) throws(SourceError) -> [String: TemplateValue] {
        try file.validateText()
        if (file.path as NSString).pathExtension.lowercased() == "json" {
            do {
                guard case .object(let pairs) = try JSONValue.parse(file.text) else {
                    throw SourceError(path: file.path, location: nil, message: "a variables file must hold a JSON object")
                }
                return Dictionary(pairs.map { ($0.0, TemplateValue(json: $0.1)) }, uniquingKeysWith: { $1 })
            } catch let error as SourceError {
                throw error
            } catch {
                throw SourceError(path: file.path, location: nil, message: "invalid JSON: \(error.localizedDescription)")
            }
        }
        // YAML is a superset of JSON, so '-' (stdin) and unknown extensions are read as YAML.
        let documents = try YAMLParser().parse(file)
        guard let root = documents.first?.root else { return [:] }
        if root.isNullScalar { return [:] }
        guard let pairs = root.mapping else {
            throw SourceError(path: file.path, location: root.start, message: "a variables file must be a mapping of variable name to value, found \(root.typeDescription)")
        }
        var values: [String: TemplateValue] = [:]
        for pair in pairs {
            guard let key = pair.key.string else { continue }
            values[key] = TemplateValue(yaml: pair.value)
        }
        return values
    }
}

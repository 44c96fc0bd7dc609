/// The file formats a template can come from. A value chosen once, where a file enters
/// (from its extension, or by the caller: standard input is plain text), then passed along.
public enum TemplateFormat: String, Sendable, Codable, CaseIterable {
    case yaml, prompty, dotprompt, plainText = "text"

    /// The file extensions of each format (lowercase, no dot): the one list.
    public var extensions: [String] {
        switch self {
        case .yaml: return ["yml", "yaml"]
        case .prompty: return ["prompty"]
        case .dotprompt: return ["prompt"]
        case .plainText: return ["txt", "md", "markdown", "text"]
        }
    }

    /// The format of files with this extension (any case, no dot); nil for other files.
    public init?(pathExtension: String) {
        let lowered = pathExtension.lowercased()
        guard let format = Self.allCases.first(where: { $0.extensions.contains(lowered) }) else { return nil }
        self = format
    }

    /// The format of a file by its name's extension; nil when it is not a prompt file.
    public init?(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        self.init(pathExtension: String(name[name.index(after: dot)...]))
    }

    /// Template files belong to the library by their extension; plain prompt files (.txt, .md)
    /// only when an include glob names them.
    public var isTemplateFile: Bool { self != .plainText }

    /// "`.yml`, `.yaml`, …, `.txt` or `.md`": the extensions for messages.
    public static var extensionList: String {
        let all = allCases.flatMap(\.extensions).filter { $0 != "markdown" && $0 != "text" }.map { "." + $0 }
        return all.dropLast().joined(separator: ", ") + " or " + all.last!
    }

    /// The reader that parses files of this format.
    var reader: any TemplateReader.Type {
        switch self {
        case .yaml: return YAMLTemplateReader.self
        case .prompty: return PromptyReader.self
        case .dotprompt: return DotpromptReader.self
        case .plainText: return PlainTextReader.self
        }
    }
}

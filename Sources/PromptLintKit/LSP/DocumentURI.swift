import Foundation

/// Document URIs to the paths promptlint reports (relative to the workspace root when inside it,
/// like the CLI's), and back.
public struct DocumentURI: Sendable {
    /// The workspace root as an absolute path (the server's working directory).
    public var root: String

    public init(root: String) {
        self.root = (root as NSString).standardizingPath
    }

    /// The path for a URI: relative to the root when inside it. Non-file URIs (an unsaved buffer)
    /// get a name from the URI with the extension of their language, so the right reader is used.
    public func path(for uri: String, languageId: String? = nil) -> String {
        guard let url = URL(string: uri), url.isFileURL else {
            let name = uri.split(whereSeparator: { $0 == "/" || $0 == ":" }).last.map(String.init) ?? "untitled"
            if !(name as NSString).pathExtension.isEmpty { return name }
            switch languageId {
            case "yaml": return name + ".yml"
            case "markdown": return name + ".md"
            case "prompty": return name + ".prompty"
            default: return name + ".txt"
            }
        }
        let absolute = (url.path as NSString).standardizingPath
        if absolute.hasPrefix(root + "/") { return String(absolute.dropFirst(root.count + 1)) }
        return absolute
    }

    /// The file URI of a path as promptlint reports it.
    public func uri(for path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : (root as NSString).appendingPathComponent(path)
        return URL(fileURLWithPath: absolute).absoluteString
    }
}

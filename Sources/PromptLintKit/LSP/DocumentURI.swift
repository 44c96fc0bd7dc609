import Foundation

/// Document URIs to the paths promptlint reports (relative to the workspace root when inside it,
/// like the CLI's), and back.
public struct DocumentURI: Sendable {
    /// The workspace root as an absolute path (the server's working directory).
    public var root: String

    public init(root: String) {
        self.root = (root as NSString).standardizingPath
    }

    /// The path for a URI: relative to the root when inside it. A non-file URI (an unsaved
    /// buffer) is named by its last component.
    public func path(for uri: String) -> String {
        guard let url = URL(string: uri), url.isFileURL else {
            return uri.split(whereSeparator: { $0 == "/" || $0 == ":" }).last.map(String.init) ?? "untitled"
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

/// A problem found while loading a template file: an error makes the template unusable, a warning
/// says what part of a foreign format promptlint does not support.
public struct LoadIssue: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public var severity: Severity
    public var error: SourceError
    /// For a duplicated template name, the file that defined the name first.
    public var firstDefinition: String?

    public var isDuplicateName: Bool { firstDefinition != nil }

    public init(severity: Severity, error: SourceError, firstDefinition: String? = nil) {
        self.severity = severity
        self.error = error
        self.firstDefinition = firstDefinition
    }

    public static func error(_ file: SourceFile, _ offset: Int?, _ message: String) -> LoadIssue {
        LoadIssue(severity: .error, error: SourceError(path: file.path, location: offset.map(file.location(ofByte:)), message: message))
    }

    public static func warning(_ file: SourceFile, _ offset: Int?, _ message: String) -> LoadIssue {
        LoadIssue(severity: .warning, error: SourceError(path: file.path, location: offset.map(file.location(ofByte:)), message: message))
    }

    public var description: String {
        severity == .warning ? "\(error.path)\(error.location.map { ":\($0.line):\($0.column)" } ?? ""): warning: \(error.message)" : error.description
    }
}

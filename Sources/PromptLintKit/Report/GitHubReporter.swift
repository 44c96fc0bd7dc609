/// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
public struct GitHubReporter: Reporter {
    public static let identifier = "github"

    public init(_ options: ReporterOptions = ReporterOptions()) {}

    public func render(_ report: LintReport) -> String {
        report.diagnostics.map { diagnostic in
            let level = diagnostic.severity == .error ? "error" : diagnostic.severity == .warning ? "warning" : "notice"
            var properties = "file=\(Self.escapeProperty(diagnostic.path)),line=\(diagnostic.start.line),col=\(diagnostic.start.column)"
            properties += ",endLine=\(diagnostic.end.line),endColumn=\(diagnostic.end.column)"
            properties += ",title=\(Self.escapeProperty("promptlint \(diagnostic.code) (\(diagnostic.rule))"))"
            return "::\(level) \(properties)::\(Self.escapeData(diagnostic.message))"
        }.joined(separator: "\n") + (report.diagnostics.isEmpty ? "" : "\n")
    }

    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

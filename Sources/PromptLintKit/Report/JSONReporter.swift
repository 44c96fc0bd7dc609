/// An array of findings for scripts and editors. Lines and columns are 1-based; columns count
/// characters (Unicode scalars).
public struct JSONReporter: Reporter {
    public static let identifier = "json"

    public init(_ options: ReporterOptions = ReporterOptions()) {}

    public static func value(_ diagnostic: Diagnostic) -> JSONValue {
        var fix: JSONValue = .null
        if let value = diagnostic.fix {
            fix = .object([
                ("applicability", .string(value.applicability.rawValue)),
                ("message", .string(value.title)),
                ("edits", .array(value.edits.map { edit in
                    .object([("start", .int(edit.range.lowerBound)), ("end", .int(edit.range.upperBound)), ("content", .string(edit.replacement))])
                })),
            ])
        }
        var pairs: [(String, JSONValue)] = [
            ("file", .string(diagnostic.path)),
            ("line", .int(diagnostic.start.line)),
            ("column", .int(diagnostic.start.column)),
            ("end_line", .int(diagnostic.end.line)),
            ("end_column", .int(diagnostic.end.column)),
            ("code", .string(diagnostic.code)),
            ("rule", .string(diagnostic.rule)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("message", .string(diagnostic.message)),
            ("template", diagnostic.template.map(JSONValue.string) ?? .null),
            ("fix", fix),
        ]
        if let saved = diagnostic.tokensSaved { pairs.append(("tokens_saved", .int(saved))) }
        if !diagnostic.related.isEmpty {
            pairs.append(("related", .array(diagnostic.related.map {
                .object([("file", .string($0.path)), ("line", .int($0.start.line)), ("column", .int($0.start.column)), ("message", .string($0.message))])
            })))
        }
        return .object(pairs)
    }

    public func render(_ report: LintReport) -> String {
        JSONValue.array(report.diagnostics.map(Self.value)).serialized() + "\n"
    }
}

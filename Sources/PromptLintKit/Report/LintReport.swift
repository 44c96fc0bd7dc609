/// The result of a lint run handed to reporters.
public struct LintReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// Files whose content reporters may quote (for source lines and carets).
    public var files: [String: SourceFile]
    public var filesChecked: Int
    public var rules: [RuleDescription]
    /// Tokens the safe fixes would save, when measured.
    public var tokensSavedBySafeFixes: Int?
    /// Paths named on the command line that do not exist (the run fails; nothing "passed").
    public var pathsNotFound = 0

    public init(diagnostics: [Diagnostic], files: [String: SourceFile], filesChecked: Int, rules: [RuleDescription], tokensSavedBySafeFixes: Int? = nil) {
        self.diagnostics = diagnostics
        self.files = files
        self.filesChecked = filesChecked
        self.rules = rules
        self.tokensSavedBySafeFixes = tokensSavedBySafeFixes
    }

    public func count(_ severity: Severity) -> Int { diagnostics.filter { $0.severity == severity }.count }
    public var fixableCount: Int { diagnostics.filter { $0.fix?.applicability == .safe }.count }
    public var unsafeFixableCount: Int { diagnostics.filter { $0.fix?.applicability == .unsafe }.count }
}

/// Diagnostics for files that could not be loaded (syntax and schema errors), so every output
/// format reports them with the findings.
public enum LoadDiagnostics {
    public static let invalidFileCode = "PL001"
    public static let unsupportedFeatureCode = "PL002"

    public static func diagnostic(for issue: LoadIssue, file: SourceFile?) -> Diagnostic {
        let location = issue.error.location ?? SourceLocation(offset: 0, line: 1, column: 1)
        var end = location
        if let file, location.offset < file.bytes.count {
            // Underline the rest of the word at the error position.
            var offset = location.offset
            while offset < file.bytes.count, ![0x20, 0x0A, 0x0D, 0x09, 0x3A, 0x2C].contains(file.bytes[offset]) { offset += 1 }
            end = file.location(ofByte: max(offset, location.offset + 1))
        }
        let isError = issue.severity == .error
        return Diagnostic(code: isError ? invalidFileCode : unsupportedFeatureCode, rule: isError ? "invalid_file" : "unsupported_feature",
                          severity: isError ? .error : .info, message: issue.error.message, path: issue.error.path,
                          range: location.offset..<end.offset, start: location, end: end)
    }
}

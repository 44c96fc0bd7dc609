/// Writes a lint report in one output format. Each format is a small type with an identifier
/// (the `--format` value); `Reporters.all` lists them, and the CLI builds its `--format`
/// choices and help from that list.
public protocol Reporter: Sendable {
    /// The `--format` value, e.g. `sarif`.
    static var identifier: String { get }
    init(_ options: ReporterOptions)
    func render(_ report: LintReport) -> String
}

/// What a reporter may use besides the report.
public struct ReporterOptions: Sendable {
    /// ANSI colour (a terminal).
    public var color: Bool
    /// Quote the source line under each finding.
    public var showSource: Bool
    /// The tool's version, for formats that record it.
    public var version: String
    /// The closing summary line of the text format ("Found 3 problems…"); `--quiet` turns it off.
    public var summary: Bool

    public init(color: Bool = false, showSource: Bool = true, version: String = PromptLintKit.version, summary: Bool = true) {
        self.color = color
        self.showSource = showSource
        self.version = version
        self.summary = summary
    }
}

/// Every output format of `lint`, in the order help lists them (the first is the default).
public enum Reporters {
    public static let all: [any Reporter.Type] = [TextReporter.self, JSONReporter.self, SARIFReporter.self, GitHubReporter.self]

    public static var identifiers: [String] { all.map { $0.identifier } }

    public static func named(_ identifier: String) -> (any Reporter.Type)? {
        all.first { $0.identifier == identifier }
    }

    /// "text, json, sarif or github", for help and errors.
    public static var choices: String {
        identifiers.dropLast().joined(separator: ", ") + " or " + identifiers.last!
    }
}

/// Turns a rule example into files, lints them with that rule alone, and reports where the
/// markers said findings must be. Used by the generic example test and by `explain`.
public enum RuleExampleHarness {
    public struct Expectation: Sendable, Equatable {
        public var path: String
        public var range: Range<Int>
    }

    public struct Materialized: Sendable {
        public var files: [SourceFile]
        public var expected: [Expectation]
    }

    static let open = "«"
    static let close = "»"

    /// The YAML template a `.message` example is wrapped in (the message is the last line's block).
    public static func wrapMessage(_ text: String) -> String {
        let chomp = text.hasSuffix("\n") ? "" : "-"
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        let indented = body.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "      " + $0 }.joined(separator: "\n")
        return "model: gpt-4o-mini\nmax_output_tokens: 300\nmessages:\n  - role: user\n    content: |\(chomp)\n\(indented)\n"
    }

    /// Files of an example (markers removed) and the marked spans. `prefix` is prepended to every
    /// YAML file (e.g. a comment with emoji, to shake out offset bugs).
    public static func materialize(_ example: RuleExample, prefix: String = "", disable: String? = nil) -> Materialized {
        var sources: [(String, String)] = []
        switch example.kind {
        case .message: sources = [("prompts/example.yml", wrapMessage(example.text))]
        case .template: sources = [("prompts/example.yml", example.text)]
        case .plainText: sources = [("prompt.txt", example.text)]
        case .library:
            var current: String?
            var buffer = ""
            for line in example.text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("=== "), line.hasSuffix(" ===") {
                    if let current { sources.append((current, buffer)) }
                    current = String(line.dropFirst(4).dropLast(4))
                    buffer = ""
                } else {
                    buffer += line + "\n"
                }
            }
            if let current { sources.append((current, buffer)) }
        }
        var files: [SourceFile] = []
        var expected: [Expectation] = []
        for (path, raw) in sources {
            var text = path.hasSuffix(".txt") ? raw : prefix + raw
            if let disable, !path.hasSuffix(".txt") {
                text += text.hasSuffix("\n") ? "" : "\n"
                text += "lint: {disable: [\(disable)]}\n"
            }
            var bytes: [UInt8] = []
            var opened: Int?
            var index = text.startIndex
            while index < text.endIndex {
                if text[index...].hasPrefix(open) {
                    opened = bytes.count
                    index = text.index(index, offsetBy: 1)
                } else if text[index...].hasPrefix(close) {
                    expected.append(Expectation(path: path, range: (opened ?? bytes.count)..<bytes.count))
                    opened = nil
                    index = text.index(index, offsetBy: 1)
                } else {
                    bytes.append(contentsOf: String(text[index]).utf8)
                    index = text.index(after: index)
                }
            }
            files.append(SourceFile(path: path, bytes: bytes))
        }
        return Materialized(files: files, expected: expected)
    }

    /// An engine running only `definition` (with the example's options) over these files' templates.
    public static func engine(for files: [SourceFile], definition: RuleDefinition, options: [String: String]) -> LintEngine {
        engine(templates: files.flatMap { load($0).templates }, definition: definition, options: options, severity: nil)
    }

    static func engine(templates: [PromptTemplate], definition: RuleDefinition, options: [String: String], severity: Severity?) -> LintEngine {
        let rule = definition.make(RuleOptions(optionValues(options)))
        let configuration = LintConfiguration(active: [.init(rule: rule, severity: severity ?? definition.description.defaultSeverity)],
                                              settings: LintSettings(library: templates), definitions: [definition])
        return LintEngine(configuration: configuration)
    }

    static func load(_ file: SourceFile) -> PromptLibrary.FileResult {
        let name = file.path.hasPrefix("prompts/") ? String(file.path.dropFirst(8)).split(separator: ".").first.map(String.init) ?? file.path : "prompt"
        return PromptLibrary.parse(file, defaultName: name)
    }

    static func optionValues(_ options: [String: String]) -> [String: RuleOptions.Value] {
        var values: [String: RuleOptions.Value] = [:]
        for (key, value) in options {
            values[key] = value.hasPrefix("[") ? .list(value.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: " ") }) : .scalar(value)
        }
        return values
    }

    /// Loads the files as a library and lints it with one rule (options from the example).
    public static func lint(_ files: [SourceFile], definition: RuleDefinition, options: [String: String], severity: Severity? = nil) -> (diagnostics: [Diagnostic], loadIssues: [LoadIssue]) {
        var templates: [PromptTemplate] = []
        var issues: [LoadIssue] = []
        for file in files {
            let result = load(file)
            templates += result.templates
            issues += result.issues
        }
        return (engine(templates: templates, definition: definition, options: options, severity: severity).lint(templates), issues)
    }
}

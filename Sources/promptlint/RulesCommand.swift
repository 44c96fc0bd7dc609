import ArgumentParser
import PromptLintKit

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule with its code, default severity and fix.")

    @OptionGroup var options: LibraryOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let workspace = try options.workspace()
        let configuration: LintConfiguration
        do { configuration = try LintConfiguration.resolve(workspace.config) } catch { throw CommandError(error) }
        let active = Dictionary(configuration.active.map { ($0.rule.code, $0.severity) }, uniquingKeysWith: { a, _ in a })
        let out = Terminal.standardOutput
        switch format {
        case .json:
            out.write(JSONValue.array(configuration.definitions.map { definition in
                let rule = definition.description
                return .object([
                    ("code", .string(rule.code)), ("rule", .string(rule.identifier)), ("family", .string(rule.family.rawValue)),
                    ("summary", .string(rule.summary)), ("default_severity", .string(rule.defaultSeverity.rawValue)),
                    ("severity", .string((active[rule.code] ?? .off).rawValue)), ("opt_in", .bool(rule.isOptIn)),
                    ("fix", rule.fixApplicability.map { .string($0.rawValue) } ?? .null),
                ])
            }).serialized() + "\n")
        case .text:
            // Columns as wide as their widest entry, so every line lines up; nothing trails a line.
            let rules = configuration.definitions.map(\.description)
            let codeWidth = rules.map(\.code.count).max() ?? 0
            let nameWidth = rules.map(\.identifier.count).max() ?? 0
            let severityWidth = Severity.allCases.map(\.rawValue.count).max() ?? 0
            func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
            var family: RuleFamily?
            for rule in rules {
                if rule.family != family {
                    family = rule.family
                    out.write(out.bold(rule.family.rawValue) + "\n")
                }
                let severity = (active[rule.code] ?? .off).rawValue
                let fix = rule.fixApplicability.map { " " + out.green($0.tag) } ?? ""
                let line = "  \(out.cyan(pad(rule.code, codeWidth)))  \(pad(rule.identifier, nameWidth))  \(pad(severity, severityWidth))  \(rule.summary)"
                out.write(line.trimmingTrailingWhitespace() + fix + "\n")
            }
        }
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain a rule: why it matters, options, examples.")

    @OptionGroup var options: LibraryOptions

    @Argument(help: "A rule code (PL201) or identifier (wordy_phrase).")
    var rule: String

    func run() throws {
        let workspace = try options.workspace()
        let configuration: LintConfiguration
        do { configuration = try LintConfiguration.resolve(workspace.config) } catch { throw CommandError(error) }
        guard let definition = configuration.definition(for: rule) else {
            let names = configuration.definitions.flatMap { [$0.description.code, $0.description.identifier] }
            throw CommandError("unknown rule '\(rule)'\(ClosestMatch.suggestion(for: rule, in: names)) (see `promptlint rules`)")
        }
        Terminal.standardOutput.write(RuleDocumentation.render(definition.description))
    }
}

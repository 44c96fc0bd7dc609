import ArgumentParser
import Foundation
import PromptLintKit

enum LintFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github
}

enum FailLevel: String, ExpressibleByArgument, CaseIterable {
    case error, warning, info, never
    var severity: Severity? {
        switch self {
        case .error: return .error
        case .warning: return .warning
        case .info: return .info
        case .never: return nil
        }
    }
}

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Lint the library, or the given files and folders ('-' reads a plain prompt from stdin).",
        discussion: "Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage, config or parse errors."
    )

    @OptionGroup var options: LibraryOptions

    @Argument(help: "Files or folders to lint (default: the whole library). Plain .txt/.md files are linted as one user message.")
    var paths: [String] = []

    @Option(help: "Output format: text, json, sarif or github.")
    var format: LintFormat = .text

    @Flag(help: "Apply safe fixes in place.")
    var fix = false

    @Flag(help: "With --fix, also apply unsafe fixes.")
    var unsafeFixes = false

    @Option(help: "Lowest severity that makes the exit status 1: error, warning, info or never (default: 'fail_on' in the config, else error).")
    var failOn: FailLevel?

    @Flag(help: "Print the number of findings per rule.")
    var statistics = false

    @Option(help: "Hide findings recorded in this baseline file.")
    var baseline: String?

    @Option(help: "Record the current findings in this baseline file and exit 0.")
    var writeBaseline: String?

    @Flag(help: "Do not print source lines under findings.")
    var noSource = false

    func run() throws {
        let workspace = try options.workspace()
        let runner: LintRunner
        do { runner = try LintRunner(workspace: workspace) } catch { throw CommandError(error) }
        var request = LintRunner.Options()
        request.paths = paths
        request.fix = fix
        request.unsafeFixes = unsafeFixes
        request.baselinePath = baseline
        // Standard input is read only when '-' is given: never wait on an open pipe.
        request.standardInput = { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        let outcome = runner.run(request)
        let err = Terminal.standardError
        for note in outcome.notes { err.write("promptlint: \(note)\n") }

        if let writeBaseline {
            let baseline = Baseline(diagnostics: outcome.report.diagnostics, files: outcome.report.files)
            do {
                try Data(baseline.serialized().utf8).write(to: URL(fileURLWithPath: writeBaseline))
            } catch {
                throw CommandError("\(writeBaseline): cannot write the baseline: \(error.localizedDescription)")
            }
            err.write("promptlint: recorded \(outcome.report.diagnostics.count) finding(s) in \(writeBaseline)\n")
            throw ExitCode(outcome.hadLoadErrors ? 2 : 0)
        }

        let out = Terminal.standardOutput
        switch format {
        case .text:
            let reporter = TextReporter(color: out.useColor, showSource: !noSource)
            out.write(reporter.render(outcome.report))
            if statistics { out.write(reporter.statistics(outcome.report)) }
        case .json:
            out.write(JSONReporter.render(outcome.report))
        case .sarif:
            out.write(SARIFReporter.render(outcome.report, version: PromptLintKit.version))
        case .github:
            out.write(GitHubReporter.render(outcome.report))
            if statistics { err.write(TextReporter(color: false).statistics(outcome.report)) }
        }
        let configured = workspace.config.failOn.flatMap(FailLevel.init(rawValue:))
        let status = LintRunner.exitStatus(outcome, failOn: (failOn ?? configured ?? .error).severity)
        if status != 0 { throw ExitCode(status) }
    }
}

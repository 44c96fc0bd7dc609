import ArgumentParser
import Foundation
import PromptLintKit

/// A `--format` value: one of `Reporters.all`, by identifier.
struct LintFormat: ExpressibleByArgument {
    let reporter: any Reporter.Type

    init(_ reporter: any Reporter.Type) { self.reporter = reporter }

    init?(argument: String) {
        guard let reporter = Reporters.named(argument) else { return nil }
        self.reporter = reporter
    }

    static var allValueStrings: [String] { Reporters.identifiers }
    var defaultValueDescription: String { reporter.identifier }
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

    @Option(help: "Output format: \(Reporters.choices).")
    var format = LintFormat(Reporters.all[0])

    @Flag(help: "Apply safe fixes in place.")
    var fix = false

    @Flag(help: "With --fix, also apply unsafe fixes.")
    var unsafeFixes = false

    @Option(help: "Lowest severity that makes the exit status 1: error, warning, info or never (default: 'fail_on' in the config, else error).")
    var failOn: FailLevel?

    @Flag(help: "Print only the number of findings per rule (text or json), not the findings.")
    var statistics = false

    @Flag(name: .shortAndLong, help: "Print the findings and nothing else: no summary line, no notes (errors are still printed).")
    var quiet = false

    @Flag(help: "Exit 0 even when there are findings (errors in the input still exit 2).")
    var exitZero = false

    @Option(help: "Hide findings recorded in this baseline file.")
    var baseline: String?

    @Option(help: "Record the current findings in this baseline file and exit 0.")
    var writeBaseline: String?

    @Flag(help: "Do not print source lines under findings.")
    var noSource = false

    @Flag(help: "Skip named files that are not part of the library (outside it, or left out by include/exclude in .promptlint.yml), as pre-commit needs.")
    var forceExclude = false

    func validate() throws {
        if statistics, format.reporter != TextReporter.self, format.reporter != JSONReporter.self {
            throw ValidationError("--statistics prints text or json, not \(format.reporter.identifier)")
        }
        if exitZero, failOn != nil { throw ValidationError("--exit-zero and --fail-on contradict each other: give one") }
    }

    func run() throws {
        let workspace = try options.workspace(near: paths)
        let runner: LintRunner
        do { runner = try LintRunner(workspace: workspace) } catch { throw CommandError(error) }
        var request = LintRunner.Options()
        request.paths = paths
        request.fix = fix
        request.unsafeFixes = unsafeFixes
        request.baselinePath = baseline
        request.forceExclude = forceExclude
        // Standard input is read only when '-' is given: never wait on an open pipe.
        request.standardInput = { () throws(SourceError) in try SourceFile.readStandardInput() }
        let outcome: LintRunner.Outcome
        do { outcome = try runner.run(request) } catch { throw CommandError(error) }
        let err = Terminal.standardError
        for note in outcome.notes where !quiet { err.write("promptlint: \(note)\n") }
        if !quiet, let hidden = outcome.hiddenByBaseline, let baseline {
            err.write("promptlint: \(hidden) finding\(hidden == 1 ? "" : "s") hidden by the baseline \(baseline)\n")
        }

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
        if statistics {
            let counts = LintStatistics(outcome.report)
            out.write(format.reporter == JSONReporter.self ? counts.json() : counts.text())
        } else {
            let reporter = format.reporter.init(ReporterOptions(color: out.useColor, showSource: !noSource, version: PromptLintKit.version, summary: !quiet))
            out.write(reporter.render(outcome.report))
        }
        let configured = workspace.config.failOn.flatMap(FailLevel.init(rawValue:))
        let level: FailLevel = exitZero ? .never : failOn ?? configured ?? .error
        let status = LintRunner.exitStatus(outcome, failOn: level.severity)
        if status != 0 { throw ExitCode(status) }
    }
}

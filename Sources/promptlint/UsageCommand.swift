import ArgumentParser
import Foundation
import PromptLintKit
import PromptLintUsage

struct UsageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "usage",
        abstract: "Import what providers and proxies recorded, and report spend per template, team, project, model or day.",
        subcommands: [UsageImportCommand.self, UsageReportCommand.self]
    )
}

/// Options every usage command shares: the workspace and the store.
struct UsageOptions: ParsableArguments {
    @OptionGroup var library: LibraryOptions

    @Option(help: "The usage store (default: 'usage.store' in the config, or .promptlint/usage.sqlite).")
    var store: String?

    func load() throws -> (Workspace, UsageConfig, UsageStore) {
        let workspace = try library.workspace()
        do {
            let config = try UsageConfig(workspace.config)
            let store = try UsageStore(path: self.store ?? config.storePath)
            return (workspace, config, store)
        } catch {
            throw CommandError(error)
        }
    }

    /// The library's template names, or nil when there is no library to match against.
    func templateNames(_ workspace: Workspace) throws -> Set<String>? {
        guard FileManager.default.fileExists(atPath: workspace.libraryPath) else { return nil }
        return Set(try library.loadLibrary(workspace, tolerant: true).templates.map(\.name))
    }

    func pricing(_ workspace: Workspace) throws -> UsagePricing {
        do { return UsagePricing(registry: try ModelRegistry.configured(workspace.config)) } catch { throw CommandError(error) }
    }
}

struct UsageImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import usage exports (format detected from the content), or sync LiteLLM's Postgres spend logs.",
        discussion: """
        Files: OpenAI usage (completions) and costs pages, Anthropic usage and cost reports (JSON), \
        LiteLLM_SpendLogs (CSV), Langfuse observations (JSON or CSV), and CSV files described in \
        'usage.csv_formats'. All files are imported in one transaction: a bad file or row imports nothing. \
        Importing the same rows again changes nothing.
        """
    )

    @OptionGroup var options: UsageOptions

    @Argument(help: "Export files.")
    var files: [String] = []

    @Option(help: "With --postgres: the source to read (only 'litellm').")
    var source: String?

    @Option(help: ArgumentHelp("Read \"LiteLLM_SpendLogs\" from this database, from where the last sync stopped.", valueName: "URL"))
    var postgres: String?

    func validate() throws {
        if files.isEmpty && postgres == nil { throw ValidationError("give export files, or --source litellm --postgres URL") }
        if let source, source != "litellm" { throw ValidationError("--source: only 'litellm' can be read from Postgres") }
    }

    func run() throws {
        let (workspace, config, store) = try options.load()
        let known = try options.templateNames(workspace)
        let pricing = try options.pricing(workspace)
        var unknown: [(name: String, rows: Int)] = []
        do {
            if !files.isEmpty {
                var importer = UsageImporter(config: config, pricing: pricing)
                let summary = try importer.importFiles(files, into: store, knownTemplates: known)
                for file in summary.files { print("\(file.path): \(file.rows) rows (\(file.source))") }
                print(Self.describe(summary.result))
                unknown += summary.unknownTemplates
            }
            if let postgres {
                let result = try PostgresSpendLogs(url: postgres).sync(into: store, config: config, pricing: pricing, knownTemplates: known)
                print("LiteLLM_SpendLogs: \(result.rowsRead) rows read\(result.lastStartTime.map { " (through startTime \($0))" } ?? "")")
                print(Self.describe(result.result))
                unknown += result.unknownTemplates
            }
        } catch let error as SourceError {
            throw CommandError(error)
        }
        if !unknown.isEmpty {
            Terminal.standardError.write("Template names not in the library (kept as recorded):\n")
            for entry in unknown { Terminal.standardError.write("  \(entry.name): \(entry.rows) rows\n") }
        }
    }

    static func describe(_ result: UsageStore.ImportResult) -> String {
        "stored: \(result.added) new, \(result.updated) updated, \(result.unchanged) unchanged"
    }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}

extension UTCDay: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

struct UsageReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Spend per template, team, project, model or day.",
        discussion: "Dates are UTC days and both ends are included."
    )

    @OptionGroup var options: UsageOptions

    @Option(help: "Group by: template, team, project, model or day.")
    var by: UsageReport.Dimension = .template

    @Option(help: ArgumentHelp("First day (YYYY-MM-DD).", valueName: "DAY"))
    var since: UTCDay?

    @Option(help: ArgumentHelp("Last day (YYYY-MM-DD).", valueName: "DAY"))
    var until: UTCDay?

    @Option(help: ArgumentHelp("'previous': compare with the same number of days before --since (default range: this month to date).", valueName: "previous"))
    var compare: String?

    @Option(help: "Output format: text, json or csv.")
    var format: ReportFormat = .text

    func validate() throws {
        if let compare, compare != "previous" { throw ValidationError("--compare takes 'previous'") }
        if let since, let until, until < since { throw ValidationError("--until is before --since") }
        if compare != nil, format == .csv { throw ValidationError("--compare prints text or json") }
    }

    func run() throws {
        let (workspace, config, store) = try options.load()
        do {
            if compare != nil {
                let today = UTCDay.today()
                let to = until ?? today
                let from = since ?? Budget.Period.month.bounds(containing: to).first
                var files: [String: String] = [:]
                if by == .template, FileManager.default.fileExists(atPath: workspace.libraryPath) {
                    for template in try options.library.loadLibrary(workspace, tolerant: true).templates { files[template.name] = template.file.path }
                }
                let comparison = try UsageComparison.compare(store: store, by: by, from: from, to: to, config: config, templateFiles: files)
                print(format == .json ? comparison.json() : comparison.text(), terminator: "")
                return
            }
            let report = try store.report(by: by, since: since, until: until, config: config)
            switch format {
            case .json: print(UsageReportFormatter.json(report), terminator: "")
            case .csv: print(UsageReportFormatter.csv(report), terminator: "")
            case .text:
                var unknown: [String] = []
                if by == .template, let known = try options.templateNames(workspace) {
                    unknown = report.rows.map(\.key).filter { $0 != UsageReport.noKey && !known.contains($0) }.sorted()
                }
                print(UsageReportFormatter.text(report, unknownTemplates: unknown), terminator: "")
            }
        } catch let error as SourceError {
            throw CommandError(error)
        }
    }
}

extension UsageReport.Dimension: ExpressibleByArgument {}

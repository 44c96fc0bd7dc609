import ArgumentParser
import Foundation
import PromptLintKit

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the library, its cost and its spend as static HTML pages.",
        discussion: """
        report --html DIR writes DIR/index.html (overview and catalogue) and one page per template under DIR/t/. \
        The pages are self-contained (no network, no external files) and work offline.
        """
    )

    @OptionGroup var options: LibraryOptions

    @Option(name: .customLong("html"), help: "The folder to write the pages into.")
    var folder: String

    @Option(help: "Calls per month assumed for every template (prices cost per month and savings).")
    var callsPerMonth: Int?

    @Flag(help: "Do not read the git history of the template files.")
    var noHistory = false

    func run() throws {
        let workspace = try options.workspace()
        let configuration: LintConfiguration
        do { configuration = try LintConfiguration.resolve(workspace.config) } catch { throw CommandError(error) }
        if let callsPerMonth, callsPerMonth < 0 { throw CommandError("--calls-per-month must be 0 or more") }
        let library = try options.loadLibrary(workspace, tolerant: true)
        let builder = SiteBuilder(configuration: configuration, callsPerMonth: callsPerMonth, includeHistory: !noHistory)
        let title = (URL(fileURLWithPath: workspace.libraryPath).standardizedFileURL.path as NSString).lastPathComponent
        let model = builder.build(library: library, title: "Prompt library: \(title)", generatedAt: Self.now())
        let count: Int
        do { count = try SiteWriter.write(model, to: folder) } catch { throw CommandError(error) }
        Terminal.standardError.write("promptlint: wrote \(count) page\(count == 1 ? "" : "s") to \(folder)/ (open \(folder)/index.html)\n")
        if !library.errors.isEmpty { throw ExitCode(2) }
    }

    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}

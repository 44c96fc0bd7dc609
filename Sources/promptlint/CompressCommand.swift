import ArgumentParser
import Foundation
import PromptLintKit

struct CompressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compress",
        abstract: "Suggest (or --write) a shorter variant of templates or text files, with exact token and cost savings.",
        discussion: """
        Applies every safe fix that the exact tokenizer confirms saves tokens, to a fixed point. Placeholders, \
        code, URLs, numbers, negations and the last length limit are never changed. Dry run by default: \
        prints a diff per message and a savings table; --write edits the files in place (atomically, \
        comments and formatting outside the edited text untouched).
        """
    )

    @OptionGroup var options: LibraryOptions

    @Argument(help: "Template names, template files, text files, or - for stdin.")
    var targets: [String] = []

    @Flag(help: "Compress every template of the library.")
    var all = false

    @Flag(help: "Write the compressed text back to the files.")
    var write = false

    @Flag(name: .customLong("unsafe"), help: "Also apply unsafe fixes (intensifiers, meta preamble, near-duplicate instructions).")
    var applyUnsafe = false

    @Option(name: [.short, .long], help: "Price the savings on this model instead of the template's (repeat for more rows).")
    var model: [String] = []

    @Option(help: "Calls per month, for the monthly saving.")
    var callsPerMonth: Int?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let workspace = try options.workspace()
        var configuration: LintConfiguration
        do { configuration = try LintConfiguration.resolve(workspace.config) } catch { throw CommandError(error) }
        guard all || !targets.isEmpty else { throw CommandError("compress: name templates or files, or use --all") }
        let library = try options.loadLibrary(workspace, tolerant: true, optional: true)
        configuration.settings.library = LintSettings.index(library.templates)
        configuration.settings.measureAllFixes = true
        let compressor = Compressor(engine: LintEngine(configuration: configuration), applyUnsafe: applyUnsafe)

        // (file, its format, default name) to compress; a file's format is its extension's.
        var files: [(SourceFile, TemplateFormat?, String)] = []
        var seen: Set<String> = []
        func add(_ file: SourceFile, _ name: String, format: TemplateFormat? = nil) {
            if seen.insert(file.path).inserted { files.append((file, format, name)) }
        }
        if all { for template in library.templates { add(template.file, PromptLibrary.defaultName(for: template.file.path, libraryRoot: workspace.libraryPath)) } }
        for target in targets {
            if target == "-" {
                add(try readInput("-"), "stdin", format: .plainText)
            } else if let template = library.template(named: target) {
                add(template.file, PromptLibrary.defaultName(for: template.file.path, libraryRoot: workspace.libraryPath))
            } else if FileManager.default.fileExists(atPath: target) {
                add(try readInput(target), PromptLibrary.defaultName(for: target, libraryRoot: workspace.libraryPath))
            } else {
                throw CommandError("no template or file named '\(target)'\(ClosestMatch.suggestion(for: target, in: library.templates.map(\.name)))")
            }
        }

        let registry = configuration.settings.registry
        var reports: [CompressionReport] = []
        var results: [(Compressor.Result, [CompressionReport])] = []
        for (file, format, name) in files {
            let result = compressor.compress(file, format: format, defaultName: name)
            var fileReports: [CompressionReport] = []
            for (index, template) in result.before.enumerated() {
                let resolution = ModelResolution(model.first ?? template.model ?? configuration.settings.defaultModel, registry: registry)
                if let report = CompressionReport.make(result, templateIndex: index, model: resolution) { fileReports.append(report) }
            }
            reports += fileReports
            results.append((result, fileReports))
        }

        var writeErrors = false
        if write {
            for (result, _) in results where result.changed && result.path != "<stdin>" {
                do {
                    try AtomicFileWriter.write(result.compressed, to: result.path, expecting: result.original)
                    Terminal.standardError.write("promptlint: wrote \(result.path) (\(result.applied.count) edit\(result.applied.count == 1 ? "" : "s"))\n")
                } catch {
                    Terminal.standardError.write(error.description + "\n")
                    writeErrors = true
                }
            }
        }

        let out = Terminal.standardOutput
        switch format {
        case .json:
            out.write(JSONValue.array(reports.map(\.json)).serialized() + "\n")
        case .text:
            for (result, fileReports) in results {
                for report in fileReports { out.write(render(report, result: result, registry: registry, terminal: out)) }
            }
            if reports.count > 1 {
                let before = reports.reduce(0) { $0 + $1.tokensBefore }
                let after = reports.reduce(0) { $0 + $1.tokensAfter }
                let changed = reports.filter { $0.saved > 0 }.count
                out.write(out.bold("Total") + ": \(reports.count) templates, \(changed) changed, \(before) → \(after) tokens (−\(before - after), \(percent(before - after, before)))\n")
            }
            if !write, reports.contains(where: { $0.saved > 0 }) {
                out.write(out.dim("Dry run: nothing written. Use --write to apply.") + "\n")
            }
        }
        if writeErrors { throw ExitCode(2) }
    }

    func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "0%" : String(format: "%.1f%%", Double(part) * 100 / Double(whole))
    }

    func render(_ report: CompressionReport, result: Compressor.Result, registry: ModelRegistry, terminal out: Terminal) -> String {
        var text = out.bold(report.name) + "  " + out.dim(report.file) + "\n"
        for message in report.messages where message.before != message.after {
            text += UnifiedDiff.render(message.before, message.after, oldLabel: "\(message.role) (original)", newLabel: "\(message.role) (compressed)", color: out.useColor)
        }
        if report.saved == 0 { text += "  no change: nothing to compress that saves tokens\n" }
        for edit in report.applied {
            let saved = edit.tokensSaved.map { " (−\($0) token\($0 == 1 ? "" : "s"))" } ?? ""
            text += "  " + out.green("applied") + " [\(edit.code)] \(edit.title)\(saved)\n"
        }
        for suggestion in report.suggestions {
            let hint = suggestion.fix?.applicability == .unsafe && !applyUnsafe ? " (use --unsafe to apply)" : ""
            text += "  " + out.yellow("suggestion") + " [\(suggestion.code)] \(suggestion.start.line):\(suggestion.start.column) \(suggestion.fix?.title ?? suggestion.message)\(hint)\n"
        }
        text += "  " + "".padding(toLength: 12, withPad: " ", startingAt: 0) + "  before   after   saved   (\(report.model.countLabel))\n"
        func row(_ label: String, _ before: Int, _ after: Int) -> String {
            "  " + label.padding(toLength: 12, withPad: " ", startingAt: 0) + String(format: "%8d%8d%8d   %@\n", before, after, before - after, percent(before - after, before))
        }
        for message in report.messages { text += row(message.role, message.tokensBefore, message.tokensAfter) }
        text += out.bold(row("total", report.tokensBefore, report.tokensAfter))
        for extra in model.dropFirst() {
            let resolution = ModelResolution(extra, registry: registry)
            let tokenizer = Tokenizer.shared(resolution.encoding)
            let before = report.messages.reduce(0) { $0 + tokenizer.count($1.before) }
            let after = report.messages.reduce(0) { $0 + tokenizer.count($1.after) }
            text += row(resolution.info?.name ?? extra, before, after)
        }
        if let perCall = report.savedPerCall, report.saved > 0 {
            let estimate = report.model.isEstimate ? " (estimate)" : ""
            var line = "  saves\(estimate) \(Money.format(perCall)) per call, \(Money.format(perCall * 1000)) per 1,000 calls"
            if let calls = callsPerMonth { line += ", \(Money.format(perCall * Double(calls))) per month at \(calls) calls" }
            text += line + " on \(report.model.info?.name ?? report.model.requested) (input price as of \(registry.pricesDate))\n"
        }
        return text + "\n"
    }
}

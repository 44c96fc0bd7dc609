import ArgumentParser
import PromptLintKit

struct CostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cost",
        abstract: "What each template costs per call and per month, and the total.",
        discussion: """
        Input tokens are the exact count of a typical call (variables' typical_tokens or defaults, chat \
        framing included); output is expected_output_tokens, else max_output_tokens (an upper bound); \
        volume is calls_per_month, else default_calls_per_month in .promptlint.yml.
        """
    )

    @OptionGroup var options: LibraryOptions
    @OptionGroup var priceOptions: PriceOptions

    @Argument(help: "Templates to price (names or files; default: the whole library).")
    var templates: [String] = []

    @Option(name: .shortAndLong, help: "Price on this model instead of each template's own (what if).")
    var model: String?

    @Option(help: "Group by: template, model, tag or team.")
    var by: Grouping = .template

    @Option(help: "Output format: text, json or csv.")
    var format: Format = .text

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }
    enum Grouping: String, ExpressibleByArgument, CaseIterable { case template, model, tag, team }

    func run() throws {
        let workspace = try options.workspace()
        let registry = try priceOptions.registry(workspace)
        let library = try options.loadLibrary(workspace, tolerant: true)
        if let model, registry.lookup(model) == nil {
            throw CommandError("unknown model '\(model)'\(Self.didYouMean(model, registry: registry))")
        }
        var selected: [PromptTemplate] = []
        if templates.isEmpty {
            selected = library.templates
        } else {
            for reference in templates {
                do { selected.append(try workspace.resolveTemplate(reference, in: library)) } catch { throw CommandError(error) }
            }
        }
        let estimator = CostEstimator(registry: registry, defaultModel: workspace.config.defaultModel ?? "gpt-4o-mini",
                                      defaultCallsPerMonth: workspace.config.defaultCallsPerMonth,
                                      library: LintSettings.index(library.templates))
        let report = CostReport(costs: selected.map { estimator.estimate($0, model: model) },
                                grouping: CostReport.Grouping(rawValue: by.rawValue) ?? .template, registry: registry)
        let out = Terminal.standardOutput
        switch format {
        case .text: out.write(report.text)
        case .json: out.write(report.json.serialized() + "\n")
        case .csv: out.write(report.csv)
        }
        if !library.errors.isEmpty { throw ExitCode(2) }
    }

    static func didYouMean(_ model: String, registry: ModelRegistry) -> String {
        let names = registry.closestNames(to: model)
        return names.isEmpty ? "" : "; did you mean \(names.map { "'\($0)'" }.joined(separator: ", "))?"
    }
}

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

    @Flag(help: "This month's cost and what each lever would save: wording fixes, caching order, model tier.")
    var savings = false

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
        let costs = selected.map { template -> TemplateCost in
            var priced = template
            if let model { priced.model = model }  // a what-if prices the levers on that model too
            var cost = estimator.estimate(priced)
            cost.savings = CostLevers.savings(priced, estimator: estimator)
            return cost
        }
        let report = CostReport(costs: costs, grouping: CostReport.Grouping(rawValue: by.rawValue) ?? .template, registry: registry)
        let out = Terminal.standardOutput
        if savings {
            let wording = try wordingSavings(selected, workspace: workspace, library: library, registry: registry, estimator: estimator)
            let summary = SavingsSummary(report: report, wording: wording)
            switch format {
            case .text: out.write(summary.text)
            case .json, .csv: out.write(summary.json.serialized() + "\n")
            }
            if !library.errors.isEmpty { throw ExitCode(2) }
            return
        }
        switch format {
        case .text: out.write(report.text)
        case .json: out.write(report.json.serialized() + "\n")
        case .csv: out.write(report.csv)
        }
        if !library.errors.isEmpty { throw ExitCode(2) }
    }

    /// USD per month the safe wording fixes save (`compress`'s arithmetic: input tokens saved × input price × volume).
    func wordingSavings(_ templates: [PromptTemplate], workspace: Workspace, library: PromptLibrary, registry: ModelRegistry,
                        estimator: CostEstimator) throws -> Double {
        var configuration: LintConfiguration
        do { configuration = try LintConfiguration.resolve(workspace.config) } catch { throw CommandError(error) }
        configuration.settings.registry = registry
        configuration.settings.library = LintSettings.index(library.templates)
        let compressor = Compressor(engine: LintEngine(configuration: configuration), applyUnsafe: false)
        let wanted = Set(templates.map(\.name))
        var total = 0.0
        var seen: Set<String> = []
        for template in templates where seen.insert(template.file.path).inserted {
            let result = compressor.compress(template.file, format: template.format,
                                             defaultName: PromptLibrary.defaultName(for: template.file.path, libraryRoot: workspace.libraryPath))
            for (index, before) in result.before.enumerated() where wanted.contains(before.name) {
                var priced = before
                if let model { priced.model = model }
                let cost = estimator.estimate(priced)
                guard let info = cost.modelInfo,
                      let report = CompressionReport.make(result, templateIndex: index, model: ModelResolution(info.name, registry: registry)) else { continue }
                total += Double(report.saved) * info.inputPricePerMillion / 1_000_000 * Double(cost.callsPerMonth)
            }
        }
        return total
    }

    static func didYouMean(_ model: String, registry: ModelRegistry) -> String {
        let names = registry.closestNames(to: model)
        return names.isEmpty ? "" : "; did you mean \(names.map { "'\($0)'" }.joined(separator: ", "))?"
    }
}

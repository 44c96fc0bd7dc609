import ArgumentParser
import Foundation
import PromptLintKit

struct TokensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Exact token counts and cost of a template or a text file, per message and total.",
        discussion: """
        A template's static text is counted (tags included) unless --var/--vars render it. A plain file \
        ('-' for stdin) is counted exactly as it is, with no chat framing. Counts for models whose \
        tokenizer is not public (Anthropic, Google) use o200k_base and are labelled estimates.
        """
    )

    @OptionGroup var options: LibraryOptions

    @Argument(help: "A template name, a template file, a text file, or - for stdin.")
    var target: String

    @Option(name: [.short, .long], help: "Count for this model (default: the template's model, or 'model' in the config).")
    var model: String?

    @Option(name: .customLong("var"), help: ArgumentHelp("Render with NAME=VALUE or NAME=@FILE before counting.", valueName: "NAME=VALUE"))
    var variables: [String] = []

    @Option(name: .customLong("vars"), help: ArgumentHelp("Render with a YAML or JSON variables file before counting.", valueName: "FILE"))
    var variablesFile: String?

    @Flag(help: "Compare the same text across models (tokens and cost).")
    var compare = false

    @Option(name: .customLong("compare-model"), help: "Models for --compare (repeatable; default: a cross-vendor set).")
    var compareModels: [String] = []

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    static let defaultComparison = ["gpt-4o-mini", "gpt-4o", "gpt-4.1", "gpt-4", "o4-mini", "claude-sonnet-4", "gemini-2.5-flash"]

    func run() throws {
        let workspace = try options.workspace()
        let registry: ModelRegistry
        do { registry = try ModelRegistry.configured(workspace.config) } catch { throw CommandError(error) }
        let defaultModel = workspace.config.defaultModel ?? "gpt-4o-mini"

        // What to count: messages of a template, or a plain text.
        var messages: [(label: String, text: String)]?
        var plain: String?
        var name = target
        var templateModel: String?
        var outputLimit: Int?
        if target == "-" || TemplateFormat(path: target) == .plainText {
            plain = try readInput(target).text
            name = target == "-" ? "<stdin>" : target
        } else {
            let library = try options.loadLibrary(workspace, tolerant: true, optional: true)
            let template: PromptTemplate
            do { template = try workspace.resolveTemplate(target, in: library) } catch { throw CommandError(error) }
            name = template.name
            templateModel = template.model
            outputLimit = template.maxOutputTokens
            if variables.isEmpty && variablesFile == nil {
                messages = template.messages.map { ($0.role.rawValue, $0.text) }
            } else {
                let render = RenderCommand.parseValues(variables: variables, variablesFile: variablesFile)
                let values = try render()
                do {
                    let rendered = try TemplateRenderer(library: library).render(template, values: values)
                    messages = rendered.messages.map { ($0.role.rawValue, $0.content) }
                } catch {
                    throw CommandError(error.description)
                }
            }
        }
        func report(for modelName: String) -> TokenReport {
            let resolution = ModelResolution(modelName, registry: registry)
            if let plain { return TokenReport.text(plain, name: name, model: resolution) }
            return TokenReport.messages(messages ?? [], name: name, model: resolution, outputLimit: outputLimit)
        }
        let out = Terminal.standardOutput
        if compare {
            var models = compareModels.isEmpty ? Self.defaultComparison : compareModels
            if let chosen = model ?? templateModel, !models.contains(chosen) { models.insert(chosen, at: 0) }
            let reports = models.map(report(for:))
            switch format {
            case .json: out.write(JSONValue.array(reports.map(\.json)).serialized() + "\n")
            case .text: out.write(TokenTable.comparison(reports, terminal: out))
            }
            return
        }
        let single = report(for: model ?? templateModel ?? defaultModel)
        switch format {
        case .json: out.write(single.json.serialized() + "\n")
        case .text: out.write(TokenTable.single(single, terminal: out))
        }
    }
}

/// Text tables for `tokens`.
enum TokenTable {
    static func pad(_ text: String, _ width: Int, right: Bool = true) -> String {
        // At least one space, so a value wider than its column never runs into the next one.
        let padding = String(repeating: " ", count: max(text.isEmpty ? 0 : 1, width - text.count))
        return right ? padding + text : text + padding
    }

    static func single(_ report: TokenReport, terminal out: Terminal) -> String {
        var text = out.bold(report.name) + "  " + out.dim("model \(report.model.info?.name ?? report.model.requested) (\(report.model.countLabel))") + "\n"
        text += "  " + pad("", 10, right: false) + pad("tokens", 8) + pad("chars", 8) + pad("chars/token", 13) + pad("tokens/100 chars", 18) + "\n"
        func row(_ label: String, _ tokens: Int, _ characters: Int) -> String {
            let perToken = tokens == 0 ? 0 : Double(characters) / Double(tokens)
            let per100 = characters == 0 ? 0 : Double(tokens) * 100 / Double(characters)
            return "  " + pad(label, 10, right: false) + pad(String(tokens), 8) + pad(String(characters), 8)
                + pad(String(format: "%.2f", perToken), 13) + pad(String(format: "%.1f", per100), 18) + "\n"
        }
        if report.parts.count > 1 || report.parts.first?.label != "text" {
            for part in report.parts { text += row(part.label, part.tokens, part.characters) }
        }
        text += out.bold(row("total", report.tokens, report.characters))
        if let overhead = report.chatOverhead {
            text += "  chat framing: +\(overhead) tokens (3 per message + 3 to prime the reply), billed as input\n"
        }
        if let cost = report.cost {
            let label = cost.isEstimate ? " (estimate)" : ""
            let output = report.outputLimit.map { "\($0) max output tokens" } ?? "no output limit set: output cost not included"
            text += "  cost per call\(label): \(Money.format(cost.inputCost)) input + \(Money.format(cost.outputCost)) output (\(output)) = \(Money.format(cost.total))\n"
            text += "  per 1,000 calls\(label): \(Money.format(cost.total * 1000))  " + out.dim("(list prices as of \(ModelRegistry.pricesAsOf); override in .promptlint.yml 'models')") + "\n"
        } else {
            text += "  cost: unknown model '\(report.model.requested)' (add it under 'models' in .promptlint.yml)\n"
        }
        return text
    }

    static func comparison(_ reports: [TokenReport], terminal out: Terminal) -> String {
        guard let first = reports.first else { return "" }
        var text = out.bold(first.name) + "\n"
        text += "  " + pad("model", 22, right: false) + pad("encoding", 12, right: false) + pad("tokens", 8) + pad("tok/100ch", 11)
            + pad("per call", 12) + pad("per 1k calls", 14) + "\n"
        for report in reports {
            let cost = report.cost
            let estimate = report.model.isEstimate ? " *" : ""
            text += "  " + pad((report.model.info?.name ?? report.model.requested) + estimate, 22, right: false)
                + pad(report.model.encoding.rawValue, 12, right: false) + pad(String(report.tokens + (report.chatOverhead ?? 0)), 8)
                + pad(String(format: "%.1f", report.tokensPer100Characters), 11)
                + pad(cost.map { Money.format($0.total) } ?? "-", 12) + pad(cost.map { Money.format($0.total * 1000) } ?? "-", 14) + "\n"
        }
        text += out.dim("  tokens include chat framing; cost = prompt × input price + output limit × output price; list prices as of \(ModelRegistry.pricesAsOf)") + "\n"
        if reports.contains(where: { $0.model.isEstimate }) {
            text += out.dim("  * estimate: the model's tokenizer is not public; counted with o200k_base") + "\n"
        }
        return text
    }
}

import ArgumentParser
import PromptLintKit

struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List the models promptlint prices: prices, cache prices, tier, encoding, limits.",
        discussion: "Prices are USD per 1M tokens, from LiteLLM's table (the bundled snapshot, 'prices' in .promptlint.yml or --prices) with 'models' overrides."
    )

    @OptionGroup var options: LibraryOptions
    @OptionGroup var priceOptions: PriceOptions

    @Argument(help: "Only models whose name contains one of these words.")
    var filter: [String] = []

    @Option(help: "Only models of this provider (LiteLLM's litellm_provider: openai, anthropic, gemini, azure, …).")
    var provider: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let workspace = try options.workspace()
        let registry = try priceOptions.registry(workspace)
        let wanted = filter.map { $0.lowercased() }
        let models = registry.allModels.filter { model in
            (wanted.isEmpty || wanted.contains { model.name.contains($0) }) && (provider.map { model.provider == $0.lowercased() } ?? true)
        }
        let out = Terminal.standardOutput
        switch format {
        case .json:
            out.write(JSONValue.object([
                ("prices", .object([("source", .string(registry.prices.source)), ("date", .string(registry.pricesDate)),
                                    ("unit", .string("USD per 1M tokens"))])),
                ("models", .array(models.map(Self.json))),
            ]).serialized() + "\n")
        case .text:
            var rows = [["model", "provider", "input", "output", "cache read", "cache write", "tier", "encoding", "context", "max out"]]
            func price(_ value: Double?) -> String { value.map { "\($0)" } ?? "-" }
            for model in models {
                rows.append([model.name, model.provider, price(model.inputPricePerMillion), price(model.outputPricePerMillion),
                             price(model.cacheReadPricePerMillion), price(model.cacheWritePricePerMillion), model.tier.rawValue,
                             model.encoding.rawValue + (model.tokenizerIsPublic ? "" : "*"), String(model.contextWindow),
                             model.maxOutputTokens.map(String.init) ?? "-"])
            }
            let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
            for row in rows {
                out.write(row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ").trimmingTrailingWhitespace() + "\n")
            }
            out.write(out.dim("\(models.count) models; USD per 1M tokens; prices: \(registry.prices.source), \(registry.pricesDate); *: counted with o200k_base, an estimate (tokenizer not public)") + "\n")
        }
    }

    static func json(_ model: ModelInfo) -> JSONValue {
        func number(_ value: Double?) -> JSONValue { value.map(JSONValue.double) ?? .null }
        return .object([
            ("name", .string(model.name)),
            ("provider", .string(model.provider)),
            ("input_price", .double(model.inputPricePerMillion)),
            ("output_price", .double(model.outputPricePerMillion)),
            ("cache_read_price", number(model.cacheReadPricePerMillion)),
            ("cache_write_price", number(model.cacheWritePricePerMillion)),
            ("batch_input_price", number(model.batchInputPricePerMillion)),
            ("batch_output_price", number(model.batchOutputPricePerMillion)),
            ("tier", .string(model.tier.rawValue)),
            ("encoding", .string(model.encoding.rawValue)),
            ("tokenizer_is_public", .bool(model.tokenizerIsPublic)),
            ("context_window", .int(model.contextWindow)),
            ("max_output_tokens", model.maxOutputTokens.map(JSONValue.int) ?? .null),
            ("supports_reasoning", .bool(model.supportsReasoning)),
            ("prompt_cache_min_tokens", model.promptCacheMinTokens.map(JSONValue.int) ?? .null),
            ("economy_alternative", model.economyAlternative.map(JSONValue.string) ?? .null),
        ])
    }
}

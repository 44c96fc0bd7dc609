import Foundation
import Testing
@testable import PromptLintKit

@Suite("Tokenizer model registry")
struct ModelRegistryTests {
    let registry = ModelRegistry.builtIn

    @Test("exact names, case-insensitive, provider prefixes, aliases", arguments: [
        ("gpt-4o", "gpt-4o"), ("GPT-4o", "gpt-4o"), ("  gpt-4.1-mini ", "gpt-4.1-mini"),
        ("openai/gpt-4o-mini", "gpt-4o-mini"), ("models/gemini-2.5-pro", "gemini-2.5-pro"),
        ("gemini/gemini-2.5-flash", "gemini/gemini-2.5-flash"), ("azure/gpt-4o", "azure/gpt-4o"),
        ("claude-haiku-4.5", "claude-haiku-4-5"), ("claude-3-5-haiku", "vertex_ai/claude-3-5-haiku"),
        ("gpt-35-turbo", "gpt-3.5-turbo"), ("o3", "o3"), ("o3-mini", "o3-mini"), ("gpt-5-nano", "gpt-5-nano"),
    ])
    func exactAndAliases(query: String, expected: String) {
        #expect(registry.lookup(query)?.name == expected)
    }

    @Test("dated variants: the table's own row, else the longest known name they extend", arguments: [
        ("gpt-4o-2024-08-06", "gpt-4o-2024-08-06"), ("gpt-4o-2099-01-01", "gpt-4o"), ("gpt-4o-mini-2099-07-18", "gpt-4o-mini"),
        ("gpt-4.1-nano-2025-04-14", "gpt-4.1-nano-2025-04-14"), ("gpt-4-0613", "gpt-4-0613"), ("gpt-5-2099-08-07", "gpt-5"),
        ("claude-sonnet-4-5-20990929", "claude-sonnet-4-5"), ("claude-3-5-haiku@20241022", "vertex_ai/claude-3-5-haiku@20241022"),
        ("claude-haiku-4-5-latest", "claude-haiku-4-5"), ("gemini-2.5-flash-lite-preview-99", "gemini-2.5-flash-lite"),
    ])
    func datedVariants(query: String, expected: String) {
        #expect(registry.lookup(query)?.name == expected)
    }

    @Test("unknown names are nil; '.' is not a variant separator")
    func unknown() {
        #expect(registry.lookup("acme-llm-unknown") == nil)
        #expect(registry.lookup("") == nil)
        #expect(registry.lookup("gpt") == nil)
        #expect(registry.lookup("gpt-4.7") == nil)
        #expect(registry.lookup("gpt-4ox") == nil)
        #expect(registry.lookup("gpt4o") == nil)
    }

    @Test("did you mean: the nearest names people write", arguments: [
        ("gpt4o", "gpt-4o"), ("gpt-4o-mni", "gpt-4o-mini"), ("claude-sonet-4-5", "claude-sonnet-4-5"), ("gemini-2.5-flsh", "gemini-2.5-flash"),
    ])
    func closest(query: String, expected: String) {
        #expect(registry.closestNames(to: query).first == expected)
        #expect(registry.closestNames(to: "zzzzzzzzzzzzzzzzzz").isEmpty)
    }

    @Test("overlay: encodings, public tokenizers, tiers, economy alternatives, cache minimums")
    func overlay() throws {
        #expect(registry.lookup("gpt-4")?.encoding == .cl100k_base)
        #expect(registry.lookup("gpt-3.5-turbo")?.encoding == .cl100k_base)
        #expect(registry.lookup("gpt-4o")?.encoding == .o200k_base)
        #expect(registry.lookup("gpt-4o")?.tokenizerIsPublic == true)
        #expect(registry.lookup("azure/gpt-4o")?.tokenizerIsPublic == true)
        for name in ["claude-opus-4-5", "claude-sonnet-4-5", "claude-haiku-4-5", "gemini-2.5-pro", "gemini-2.5-flash"] {
            let model = try #require(registry.lookup(name), "\(name)")
            #expect(model.tokenizerIsPublic == false, "\(name)")
            #expect(model.encoding == .o200k_base, "\(name)")
        }
        #expect(registry.lookup("gpt-4o-mini")?.tier == .economy)
        #expect(registry.lookup("gpt-4o")?.tier == .standard)
        #expect(registry.lookup("claude-opus-4-5")?.tier == .premium)
        #expect(registry.lookup("gpt-4o")?.economyAlternative == "gpt-4o-mini")
        #expect(registry.lookup("gpt-4o-mini")?.economyAlternative == nil)
        #expect(registry.lookup("claude-sonnet-4-5")?.economyAlternative == "claude-haiku-4-5")
        #expect(registry.lookup("gpt-4o")?.promptCacheMinTokens == 1024)
        #expect(registry.lookup("claude-haiku-4-5")?.promptCacheMinTokens == 4096)
        #expect(registry.lookup("o3")?.supportsReasoning == true)
        // Every economy alternative the overlay names is in the table.
        for (_, model) in ModelOverlay.economyAlternatives where !model.isEmpty { #expect(registry.lookup(model)?.name == model, "\(model)") }
        // Every row: non-negative prices, positive windows, unique names.
        var seen = Set<String>()
        for model in registry.allModels {
            #expect(model.contextWindow > 0 && model.inputPricePerMillion >= 0 && model.outputPricePerMillion >= 0, "\(model.name)")
            #expect(seen.insert(model.name).inserted, "duplicate \(model.name)")
        }
        #expect(ModelRegistry.pricesAsOf.count == 10)
    }

    @Test("cost = prompt tokens x input price + output tokens x output price")
    func cost() throws {
        let gpt4o = try #require(registry.lookup("gpt-4o"))
        let cost = CallCost.perCall(model: gpt4o, promptTokens: 1_000, outputTokens: 500)
        #expect(abs(cost.inputCost - 0.0025) < 1e-12)
        #expect(abs(cost.outputCost - 0.005) < 1e-12)
        #expect(abs(cost.total - 0.0075) < 1e-12)
        #expect(!cost.isEstimate)
        let claude = CallCost.perCall(model: try #require(registry.lookup("claude-sonnet-4-5")), promptTokens: 2_000_000, outputTokens: 0)
        #expect(abs(claude.total - 6.0) < 1e-9)
        #expect(claude.isEstimate)
    }

    @Test("overrides replace by name, add new models, and win lookups")
    func merging() {
        let cheaper = ModelInfo(name: "gpt-4o", aliases: ["house-default"], encoding: .o200k_base, contextWindow: 128_000,
                                inputPricePerMillion: 1.0, outputPricePerMillion: 2.0, tier: .economy)
        let inHouse = ModelInfo(name: "acme-llm", encoding: .cl100k_base, contextWindow: 32_000,
                                inputPricePerMillion: 0.5, outputPricePerMillion: 0.5, tier: .economy,
                                tokenizerIsPublic: false)
        let merged = registry.merging([cheaper, inHouse])
        #expect(merged.allModels.count == registry.allModels.count + 1)
        #expect(merged.lookup("gpt-4o-2099-08-06")?.inputPricePerMillion == 1.0)
        #expect(merged.lookup("house-default")?.name == "gpt-4o")
        #expect(merged.lookup("ACME-LLM-v2")?.name == "acme-llm")
        #expect(registry.lookup("gpt-4o")?.inputPricePerMillion == 2.5)  // the original is unchanged
        #expect(merged.lookup("gpt-4o-mini")?.name == "gpt-4o-mini")
        #expect(merged.merging([cheaper]).overrides.count == 2)
    }

    @Test("another price table replaces the snapshot, overrides stay")
    func withPrices() throws {
        let url = try #require(Bundle.module.resourceURL?.appendingPathComponent("Fixtures/prices/litellm-sample.json"))
        let table = try PriceTable.load(litellmFile: url.path)
        let own = ModelInfo(name: "acme-llm", encoding: .cl100k_base, contextWindow: 32_000,
                            inputPricePerMillion: 0.5, outputPricePerMillion: 0.5, tier: .economy)
        let swapped = registry.merging([own]).withPrices(table)
        #expect(swapped.lookup("gpt-4o") == nil)
        #expect(swapped.lookup("acme-large")?.inputPricePerMillion == 4)
        #expect(swapped.lookup("acme-llm") != nil)
        #expect(swapped.pricesDate == table.date && table.source == url.path)
    }

    @Test("ModelInfo round-trips through JSON")
    func codable() throws {
        let model = try #require(registry.lookup("claude-haiku-4-5"))
        let data = try JSONEncoder().encode(model)
        #expect(try JSONDecoder().decode(ModelInfo.self, from: data) == model)
    }
}

import Foundation
import Testing
@testable import PromptLintKit

@Suite("Tokenizer model registry")
struct ModelRegistryTests {
    let registry = ModelRegistry.builtIn

    @Test("exact names, case-insensitive, provider prefixes", arguments: [
        ("gpt-4o", "gpt-4o"), ("GPT-4o", "gpt-4o"), ("  gpt-4.1-mini ", "gpt-4.1-mini"),
        ("openai/gpt-4o-mini", "gpt-4o-mini"), ("models/gemini-2.5-pro", "gemini-2.5-pro"),
        ("chatgpt-4o-latest", "gpt-4o"), ("claude-3-5-haiku-latest", "claude-3-5-haiku"),
        ("gpt-35-turbo", "gpt-3.5-turbo"), ("o3", "o3"), ("o3-mini", "o3-mini"), ("gpt-5-nano", "gpt-5-nano"),
    ])
    func exactAndAliases(query: String, expected: String) {
        #expect(registry.lookup(query)?.name == expected)
    }

    @Test("dated and suffixed variants resolve to the longest known name", arguments: [
        ("gpt-4o-2024-08-06", "gpt-4o"), ("gpt-4o-mini-2024-07-18", "gpt-4o-mini"),
        ("gpt-4.1-nano-2025-04-14", "gpt-4.1-nano"), ("o3-mini-2025-01-31", "o3-mini"),
        ("gpt-4-0613", "gpt-4"), ("gpt-4-32k-0613", "gpt-4-32k"), ("gpt-4-turbo-2024-04-09", "gpt-4-turbo"),
        ("gpt-3.5-turbo-0125", "gpt-3.5-turbo"), ("gpt-5-2025-08-07", "gpt-5"),
        ("claude-sonnet-4-20250514", "claude-sonnet-4"), ("claude-sonnet-4-5-20250929", "claude-sonnet-4-5"),
        ("claude-3-5-haiku@20241022", "claude-3-5-haiku"), ("anthropic.claude-3-5-haiku-20241022-v1:0", "claude-3-5-haiku"),
        ("claude-haiku-4-5-20251001", "claude-haiku-4-5"), ("gemini-2.5-flash-preview-05-20", "gemini-2.5-flash"),
        ("gemini-2.5-flash-lite-preview-06-17", "gemini-2.5-flash-lite"),
    ])
    func datedVariants(query: String, expected: String) {
        #expect(registry.lookup(query)?.name == expected)
    }

    @Test("unknown names are nil; '.' is not a variant separator")
    func unknown() {
        #expect(registry.lookup("llama-3-70b") == nil)
        #expect(registry.lookup("") == nil)
        #expect(registry.lookup("gpt") == nil)
        #expect(registry.lookup("gpt-4.7") == nil)
        #expect(registry.lookup("gpt-4ox") == nil)
    }

    @Test("encodings and public-tokenizer flags")
    func encodings() {
        #expect(registry.lookup("gpt-4")?.encoding == .cl100k_base)
        #expect(registry.lookup("gpt-3.5-turbo")?.encoding == .cl100k_base)
        #expect(registry.lookup("gpt-4o")?.encoding == .o200k_base)
        #expect(registry.lookup("gpt-4o")?.tokenizerIsPublic == true)
        for name in ["claude-opus-4", "claude-sonnet-4", "claude-3-5-haiku", "gemini-2.5-pro", "gemini-2.0-flash"] {
            let model = registry.lookup(name)
            #expect(model?.tokenizerIsPublic == false, "\(name)")
            #expect(model?.encoding == .o200k_base, "\(name)")
        }
        // Every built-in: sane numbers, unique names and aliases.
        var seen = Set<String>()
        for model in registry.models {
            #expect(model.contextWindow > 0 && model.inputPricePerMillion > 0 && model.outputPricePerMillion > 0)
            for key in [model.name] + model.aliases { #expect(seen.insert(key).inserted, "duplicate \(key)") }
        }
        #expect(ModelRegistry.pricesAsOf.count == 10)
    }

    @Test("cost = prompt tokens x input price + output limit x output price")
    func cost() {
        let gpt4o = registry.lookup("gpt-4o")!
        let cost = CallCost.perCall(model: gpt4o, promptTokens: 1_000, outputTokens: 500)
        #expect(abs(cost.inputCost - 0.0025) < 1e-12)
        #expect(abs(cost.outputCost - 0.005) < 1e-12)
        #expect(abs(cost.total - 0.0075) < 1e-12)
        #expect(!cost.isEstimate)
        let claude = CallCost.perCall(model: registry.lookup("claude-sonnet-4")!, promptTokens: 2_000_000, outputTokens: 0)
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
        #expect(merged.models.count == registry.models.count + 1)
        #expect(merged.lookup("gpt-4o-2024-08-06")?.inputPricePerMillion == 1.0)
        #expect(merged.lookup("house-default")?.name == "gpt-4o")
        #expect(merged.lookup("ACME-LLM-v2")?.name == "acme-llm")
        #expect(registry.lookup("gpt-4o")?.inputPricePerMillion == 2.5)  // the original is unchanged
        #expect(merged.lookup("gpt-4o-mini")?.name == "gpt-4o-mini")
    }

    @Test("editing `models` directly keeps lookups in sync")
    func editModels() {
        var registry = ModelRegistry.builtIn
        registry.models.removeAll { $0.name == "gpt-4o" }
        #expect(registry.lookup("gpt-4o") == nil)
        #expect(registry.lookup("gpt-4o-mini")?.name == "gpt-4o-mini")
        registry.models.append(ModelInfo(name: "Local-Model", encoding: .cl100k_base, contextWindow: 4_096,
                                         inputPricePerMillion: 0.01, outputPricePerMillion: 0.01, tier: .economy))
        #expect(registry.lookup("local-model")?.contextWindow == 4_096)
    }

    @Test("ModelInfo round-trips through JSON; decoded overrides match names case-insensitively")
    func codable() throws {
        let model = registry.lookup("claude-haiku-4-5")!
        let data = try JSONEncoder().encode(model)
        #expect(try JSONDecoder().decode(ModelInfo.self, from: data) == model)
        let json = #"{"name":"GPT-4o","aliases":[],"encoding":"o200k_base","contextWindow":128000,"inputPricePerMillion":1,"outputPricePerMillion":4,"tier":"standard","tokenizerIsPublic":true}"#
        let override = try JSONDecoder().decode(ModelInfo.self, from: Data(json.utf8))
        let merged = registry.merging([override])
        #expect(merged.models.count == registry.models.count)
        #expect(merged.lookup("gpt-4o-2024-11-20")?.outputPricePerMillion == 4)
    }
}

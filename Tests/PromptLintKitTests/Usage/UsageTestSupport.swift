import Foundation
import PromptLintKit
@testable import PromptLintUsage

/// Fixed prices, so hand sums do not move when the built-in price table is refreshed.
let testPricing = UsagePricing(registry: ModelRegistry(overrides: [
    ModelInfo(name: "gpt-4o", encoding: .o200k_base, contextWindow: 128_000, inputPricePerMillion: 2.5, outputPricePerMillion: 10, tier: .standard),
    ModelInfo(name: "gpt-4o-mini", encoding: .o200k_base, contextWindow: 128_000, inputPricePerMillion: 0.15, outputPricePerMillion: 0.6, tier: .economy),
    ModelInfo(name: "claude-sonnet-4", encoding: .o200k_base, contextWindow: 200_000, inputPricePerMillion: 3, outputPricePerMillion: 15, tier: .standard,
              tokenizerIsPublic: false),
]))

enum UsageFixtures {
    static let folder = Paths.fixtures + "/usage"
    static func path(_ name: String) -> String { folder + "/" + name }
    static func bytes(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(name)))) }
}

/// Parses a config text the way `.promptlint.yml` is read.
func usageConfig(_ yaml: String) throws -> UsageConfig {
    try UsageConfig(ProjectConfig.parse(SourceFile(path: ".promptlint.yml", text: yaml)))
}

func importFixtures(_ names: [String], config: UsageConfig = UsageConfig(), store: UsageStore? = nil) throws -> (UsageStore, UsageImporter.Summary) {
    let store = try store ?? UsageStore.inMemory()
    var importer = UsageImporter(config: config, pricing: testPricing)
    let summary = try importer.importFiles(names.map(UsageFixtures.path), into: store, knownTemplates: ["support/ticket-summary"])
    return (store, summary)
}

func approximately(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }

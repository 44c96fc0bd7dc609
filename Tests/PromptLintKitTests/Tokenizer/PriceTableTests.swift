import Foundation
import Testing
@testable import PromptLintKit

@Suite("LiteLLM price table")
struct PriceTableTests {
    static func fixture(_ name: String) throws -> URL {
        try #require(Bundle.module.resourceURL?.appendingPathComponent("Fixtures/prices/\(name)"))
    }

    /// The Swift reader of a `--prices` file and scripts/gen_prices.py (whose output on the same file
    /// is committed as litellm-sample.rows) must give the same table: same filter, same columns, same numbers.
    @Test("a LiteLLM JSON file reads like its scripts/gen_prices.py conversion")
    func jsonMatchesConverter() throws {
        let json = try Data(contentsOf: Self.fixture("litellm-sample.json"))
        let rows = try String(contentsOf: Self.fixture("litellm-sample.rows"), encoding: .utf8)
        let fromJSON = try PriceTable.parse(litellmJSON: json, path: "sample.json", date: "2026-01-01")
        let converted = PriceTable(rows: rows, source: "fixture", date: "2026-01-01")
        #expect(fromJSON.entries == converted.entries)
        #expect(fromJSON.names == ["acme-large", "acme-small", "acme/mixed-case", "zz-responses"])
    }

    @Test("hand-read values of the fixture: per-token prices become per-million, flags and limits")
    func fixtureValues() throws {
        let table = try PriceTable.parse(litellmJSON: Data(contentsOf: Self.fixture("litellm-sample.json")), path: "s.json", date: "d")
        let large = try #require(table.entry(named: "acme-large"))
        #expect(large == PriceTable.Entry(name: "acme-large", provider: "openai", inputPerMillion: 4, outputPerMillion: 20,
                                          cacheReadPerMillion: 0.4, cacheWritePerMillion: 5, batchInputPerMillion: 2, batchOutputPerMillion: 10,
                                          maxInputTokens: 200_000, maxOutputTokens: 32_000, promptCacheMinTokens: nil,
                                          supportsReasoning: true, supportsPromptCaching: true))
        let small = try #require(table.entry(named: "acme-small"))
        #expect(small.cacheReadPerMillion == 0.05 && small.promptCacheMinTokens == 1024 && !small.supportsReasoning)
        // `1` is not `true`, and a float limit is an integer.
        let mixed = try #require(table.entry(named: "acme/mixed-case"))
        #expect(!mixed.supportsReasoning && mixed.maxOutputTokens == 4096 && mixed.cacheReadPerMillion == nil)
        // Left out: sample_spec, embeddings, images, a missing output price, a boolean price.
        for name in ["sample_spec", "acme-embed", "acme-image", "acme-no-output-price", "acme-bool-price", "Acme/Mixed-Case"] {
            #expect(table.entry(named: name) == nil, "\(name)")
        }
    }

    @Test("bad price files are located errors", arguments: [
        ("{\"a\": 1,,}", 1), ("[1, 2]", 1), ("{\n  \"x\": {\"mode\": \"chat\"\n", 2),
    ])
    func badFiles(text: String, line: Int) {
        #expect(throws: SourceError.self) { try PriceTable.parse(litellmJSON: Data(text.utf8), path: "p.json", date: "d") }
        do {
            _ = try PriceTable.parse(litellmJSON: Data(text.utf8), path: "p.json", date: "d")
        } catch {
            #expect(error.path == "p.json")
            #expect(error.location != nil)
            #expect(error.description.hasPrefix("p.json:"))
        }
    }

    @Test("the bundled snapshot: sorted (every name finds itself), dated, and LiteLLM's published prices")
    func snapshot() throws {
        let table = PriceTable.builtIn
        #expect(table.count > 3000)
        let names = table.names
        #expect(names == names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        for name in names { #expect(table.entry(named: name)?.name == name) }
        #expect(PriceTable.snapshotDate.count == 10 && PriceTable.snapshotSource.hasPrefix("litellm "))
        // The values in litellm 1.110.2's model_prices_and_context_window_backup.json.
        let gpt4o = try #require(table.entry(named: "gpt-4o"))
        #expect((gpt4o.inputPerMillion, gpt4o.outputPerMillion, gpt4o.cacheReadPerMillion) == (2.5, 10, 1.25))
        #expect((gpt4o.batchInputPerMillion, gpt4o.maxInputTokens, gpt4o.maxOutputTokens) == (1.25, 128_000, 16_384))
        let haiku = try #require(table.entry(named: "claude-haiku-4-5"))
        #expect((haiku.inputPerMillion, haiku.outputPerMillion, haiku.cacheReadPerMillion, haiku.cacheWritePerMillion) == (1, 5, 0.1, 1.25))
        #expect(haiku.promptCacheMinTokens == 4096 && haiku.supportsReasoning)
        #expect(table.entry(named: "o3")?.supportsReasoning == true)
        #expect(table.entry(named: "gpt-4o-mini")?.supportsReasoning == false)
        #expect(table.entry(named: "gpt-4") != nil && table.entry(named: "gpt-4x") == nil && table.entry(named: "") == nil)
    }

    @Test("per-token to per-million rounds to 10 significant digits")
    func perMillion() {
        #expect(PriceTable.perMillion(2.5e-06) == 2.5)
        #expect(PriceTable.perMillion(1.5e-07) == 0.15)
        #expect(PriceTable.perMillion(3.75e-06) == 3.75)
        #expect(PriceTable.perMillion(0) == 0)
    }
}

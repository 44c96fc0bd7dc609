import Foundation
import Testing
import PromptLintKit
@testable import PromptLintUsage

@Suite struct UsageImportTests {
    @Test func liteLLMCSVRowsAttributionAndHandSums() throws {
        let (store, summary) = try importFixtures(["litellm-spend.csv"])
        #expect(summary.files.map(\.source) == ["litellm"])
        #expect(summary.result.added == 4)
        let rows = try store.records()
        #expect(rows.map(\.key) == ["chatcmpl-001", "chatcmpl-002", "chatcmpl-003", "chatcmpl-004"])
        // Template from the prompt: tag, then from metadata.promptlint_template; none on the others.
        #expect(rows.map(\.template) == ["support/ticket-summary", "support/ticket-summary", "sales/unknown-draft", nil])
        #expect(rows[0].cachedInputTokens == 400)
        #expect(rows[0].litellmTeam == "t-1" && rows[0].user == "alice" && rows[0].provider == "openai")
        // 2026-11-01 09:00:00.123 UTC.
        #expect(rows[0].startTime == 1_793_523_600)
        // Both costs kept: LiteLLM's spend and the price table's.
        #expect(rows[0].sourceCostUSD == 0.0015)
        #expect(approximately(rows[0].priceCostUSD ?? -1, (1000 * 0.15 + 500 * 0.6) / 1_000_000))
        #expect(summary.unknownTemplates.map(\.name) == ["sales/unknown-draft"])

        let report = try store.report(by: .template, config: UsageConfig())
        #expect(report.rows.map(\.key) == ["sales/unknown-draft", "support/ticket-summary", "(none)"])
        let support = try #require(report.rows.first { $0.key == "support/ticket-summary" }).totals
        #expect(support.requests == 2 && support.inputTokens == 3000 && support.cachedInputTokens == 400 && support.outputTokens == 1000)
        #expect(approximately(support.costUSD, 0.0015 + 0.0025))
        #expect(report.total.requests == 4 && report.total.inputTokens == 5000 && report.total.outputTokens == 2000)
        #expect(approximately(report.total.costUSD, 0.0015 + 0.0025 + 0.05 + 0.0))
        #expect(report.from == UTCDay("2026-11-01") && report.to == UTCDay("2026-11-02"))
    }

    @Test func reimportChangesNothingAndACorrectedRowUpdates() throws {
        let (store, _) = try importFixtures(["litellm-spend.csv"])
        let before = try store.records()
        let (_, again) = try importFixtures(["litellm-spend.csv"], store: store)
        #expect(again.result == { var r = UsageStore.ImportResult(); r.unchanged = 4; return r }())
        #expect(try store.records() == before)
        #expect(try store.rowCount() == 4)
        // The same request with a corrected spend replaces the stored row.
        var importer = UsageImporter(config: UsageConfig(), pricing: testPricing)
        let corrected = "request_id,spend,prompt_tokens,completion_tokens,startTime,model\nchatcmpl-003,0.07,2000,1000,2026-11-02T12:00:00Z,gpt-4o\n"
        let (_, records) = try importer.parse(path: "fix.csv", bytes: Array(corrected.utf8))
        let result = try store.insert(records)
        #expect(result.updated == 1)
        #expect(try store.rowCount() == 4)
        let total = try store.report(by: .day, config: UsageConfig()).total.costUSD
        #expect(approximately(total, 0.0015 + 0.0025 + 0.07))
    }

    @Test func aBadFileImportsNothing() throws {
        let store = try UsageStore.inMemory()
        var importer = UsageImporter(config: UsageConfig(), pricing: testPricing)
        #expect(throws: SourceError.self) {
            _ = try importer.importFiles([UsageFixtures.path("litellm-spend.csv"), UsageFixtures.path("litellm-bad-row.csv")], into: store, knownTemplates: nil)
        }
        #expect(try store.rowCount() == 0)
    }

    @Test func badCSVRowsAreLocated() throws {
        var importer = UsageImporter(config: UsageConfig(), pricing: testPricing)
        let error = try #require(throws: SourceError.self) { _ = try importer.parse(path: "bad.csv", bytes: try UsageFixtures.bytes("litellm-bad-row.csv")) }
        #expect(error.description == "bad.csv:3:1: prompt_tokens '12x' is not a whole number")
        let quote = try #require(throws: SourceError.self) { _ = try importer.parse(path: "q.csv", bytes: try UsageFixtures.bytes("litellm-bad-quote.csv")) }
        #expect(quote.description.hasPrefix("q.csv:3:1: unterminated quoted field"))
        let ragged = "request_id,spend,prompt_tokens,completion_tokens,startTime,model\nr-1,0.1,1,1,2026-11-01,gpt-4o\nr-2,0.1,1\n"
        let width = try #require(throws: SourceError.self) { _ = try importer.parse(path: "r.csv", bytes: Array(ragged.utf8)) }
        #expect(width.description == "r.csv:3:1: this row has 3 fields, the header has 6")
        let time = "request_id,spend,prompt_tokens,completion_tokens,startTime,model\nr-1,0.1,1,1,yesterday,gpt-4o\n"
        let timeError = try #require(throws: SourceError.self) { _ = try importer.parse(path: "t.csv", bytes: Array(time.utf8)) }
        #expect(timeError.description.hasPrefix("t.csv:2:1: startTime 'yesterday' is not a timestamp"))
        let twice = "request_id,spend,prompt_tokens,completion_tokens,startTime,model\nr-1,0.1,1,1,2026-11-01,gpt-4o\nr-1,0.1,1,1,2026-11-01,gpt-4o\n"
        let duplicate = try #require(throws: SourceError.self) { _ = try importer.parse(path: "d.csv", bytes: Array(twice.utf8)) }
        #expect(duplicate.description == "d.csv:3:1: request_id 'r-1' appears twice in this file")
    }

    @Test func unrecognisedFilesNameTheClosestFormatAndMissingFields() throws {
        var importer = UsageImporter(config: UsageConfig(), pricing: testPricing)
        let json = try #require(throws: SourceError.self) { _ = try importer.parse(path: "u.json", bytes: try UsageFixtures.bytes("unknown-report.json")) }
        #expect(json.description == "u.json: not a usage export promptlint reads (JSON); closest format: OpenAI usage (completions), missing fields: num_model_requests")
        let csv = try #require(throws: SourceError.self) { _ = try importer.parse(path: "u.csv", bytes: try UsageFixtures.bytes("unknown-export.csv")) }
        #expect(csv.description == "u.csv: not a usage export promptlint reads (CSV header); closest format: LiteLLM_SpendLogs CSV, missing fields: spend, completion_tokens")
        let missing = try #require(throws: SourceError.self) { _ = try importer.parse(path: "m.json", bytes: try UsageFixtures.bytes("openai-usage-missing-tokens.json")) }
        #expect(missing.description.contains("closest format: OpenAI usage (completions), missing fields: input_tokens"))
        let empty = try #require(throws: SourceError.self) { _ = try importer.parse(path: "e.csv", bytes: Array("\n\n".utf8)) }
        #expect(empty.description == "e.csv: the file is empty")
        let broken = try #require(throws: SourceError.self) { _ = try importer.parse(path: "b.json", bytes: Array("{\"data\": [".utf8)) }
        #expect(broken.description.hasPrefix("b.json: not valid JSON"))
    }

    @Test func openAIUsageAndCostsAddUpOnceAsTheBill() throws {
        let (usageOnly, _) = try importFixtures(["openai-usage.json"])
        let priced = try usageOnly.report(by: .day, config: UsageConfig())
        // Price table: day 1 gpt-4o-mini (1M in of which 400k cached at the cache-read price $0.075/1M,
        // 200k out) + gpt-4o (500k in, 100k out); day 2 gpt-4o-mini (2M in, 300k out).
        let day1: Double = 0.09 + 0.03 + 0.12 + 1.25 + 1.0
        let day2: Double = 0.30 + 0.18
        #expect(priced.rows.map(\.key) == ["2026-11-01", "2026-11-02"])
        #expect(approximately(priced.rows[0].totals.costUSD, day1) && approximately(priced.rows[1].totals.costUSD, day2))
        #expect(priced.total.requests == 2750 && priced.total.inputTokens == 3_500_000 && priced.total.cachedInputTokens == 400_000)

        // With the costs page, day 1 costs what OpenAI billed; day 2 (no cost bucket) stays priced.
        let (both, _) = try importFixtures(["openai-costs.json"], store: usageOnly)
        let billed = try both.report(by: .day, config: UsageConfig())
        #expect(approximately(billed.rows[0].totals.costUSD, 0.27 + 0.12 + 2.25))
        #expect(approximately(billed.rows[1].totals.costUSD, day2))
        #expect(billed.total.requests == 2750)
        let byProject = try both.report(by: .project, config: UsageConfig())
        #expect(byProject.rows.map(\.key) == ["proj_xyz", "proj_abc"])
        #expect(approximately(byProject.rows[0].totals.costUSD, 2.25))
    }

    @Test func anthropicUsageAndCostReports() throws {
        let (store, summary) = try importFixtures(["anthropic-usage.json", "anthropic-cost.json"])
        #expect(summary.files.map(\.source) == ["anthropic_usage", "anthropic_cost"])
        let usage = try store.records(source: "anthropic_usage")
        #expect(usage.count == 1)
        #expect(usage[0].inputTokens == 200_000 && usage[0].cachedInputTokens == 50_000 && usage[0].cacheWriteTokens == 50_000 && usage[0].outputTokens == 40_000)
        #expect(usage[0].project == "wrkspc_01" && usage[0].apiKey == "apikey_01")
        let report = try store.report(by: .model, config: UsageConfig())
        // Amounts are cents: 123.45 + 80.00 cents; the usage report's price is dropped for the billed day.
        #expect(report.rows.map(\.key) == ["claude-sonnet-4-20250514"])
        #expect(approximately(report.total.costUSD, 2.0345))
        #expect(report.total.inputTokens == 200_000)
    }

    @Test func langfuseJSONAndCSV() throws {
        let (store, summary) = try importFixtures(["langfuse-observations.json", "langfuse-observations.csv"])
        #expect(summary.files.map(\.rows) == [2, 2])
        let rows = try store.records(source: "langfuse")
        #expect(rows.map(\.key) == ["obs-10", "obs-1", "obs-3", "obs-12"])  // by start time
        let first = try #require(rows.first { $0.key == "obs-1" })
        #expect(first.inputTokens == 1000 && first.cachedInputTokens == 200 && first.outputTokens == 150 && first.sourceCostUSD == 0.00024)
        #expect(first.template == "support/ticket-summary")
        let report = try store.report(by: .template, config: UsageConfig())
        let support = try #require(report.rows.first { $0.key == "support/ticket-summary" })
        #expect(support.totals.requests == 2 && approximately(support.totals.costUSD, 0.00024 + 0.0003))
        // obs-3 has an empty costDetails: priced (gpt-4o 1000 in, 500 out); obs-12 has none (gpt-4o-mini 2000 in, 200 out).
        #expect(approximately(report.total.costUSD, 0.00024 + 0.0003 + 0.0075 + 0.00042))
        #expect(summary.unknownTemplates.map(\.name) == ["sales/unknown-draft"])
    }

    @Test func genericCSVWithAMapping() throws {
        let config = try usageConfig("""
            usage:
              csv_formats:
                - name: billing
                  columns: {time: date, model: model_name, input_tokens: prompt, output_tokens: completion, cost_usd: cost, template: prompt_name, project: project}
            """)
        let (store, summary) = try importFixtures(["billing.csv"], config: config)
        #expect(summary.files.first?.source == "generic:billing")
        #expect(try store.rowCount() == 3)  // two identical rows stay two rows
        let (_, again) = try importFixtures(["billing.csv"], config: config, store: store)
        #expect(again.result.unchanged == 3)
        let report = try store.report(by: .project, config: config)
        let priced: Double = 0.005 + 0.002  // gpt-4o: 2,000 in, 200 out
        #expect(approximately(report.total.costUSD, 0.5 + 0.5 + priced))
        // Without the mapping the file is unknown, and the error says which format came closest.
        var importer = UsageImporter(config: UsageConfig(), pricing: testPricing)
        #expect(throws: SourceError.self) { _ = try importer.parse(path: "billing.csv", bytes: try UsageFixtures.bytes("billing.csv")) }
    }

    @Test func authoritativeSourceStopsDoubleCounting() throws {
        // LiteLLM in front of OpenAI: both record the same calls.
        let (store, _) = try importFixtures(["litellm-spend.csv", "openai-usage.json"])
        let added = try store.report(by: .day, config: UsageConfig()).total
        let config = try usageConfig("usage:\n  authoritative: {openai: litellm}\n")
        let deduplicated = try store.report(by: .day, config: config).total
        #expect(deduplicated.requests == 4)
        #expect(approximately(deduplicated.costUSD, 0.054))
        #expect(added.requests == 4 + 2750)
        let projectRule = try usageConfig("usage:\n  authoritative: {openai: litellm, \"project:proj_xyz\": openai_usage}\n")
        #expect(try store.report(by: .day, config: projectRule).total.requests == 4 + 250)
        #expect(throws: SourceError.self) { _ = try usageConfig("usage:\n  authoritative: {openai: litelm}\n") }
    }

    @Test func teamsComeFromTheConfigMapping() throws {
        let (store, _) = try importFixtures(["litellm-spend.csv", "openai-usage.json"])
        let config = try usageConfig("""
            teams:
              payments: {litellm_teams: [t-1], openai_projects: [proj_abc]}
              sales: {users: [bob]}
            """)
        let report = try store.report(by: .team, config: config)
        #expect(Set(report.rows.map(\.key)) == ["payments", "sales", "(unassigned)"])
        let payments = try #require(report.rows.first { $0.key == "payments" }).totals
        #expect(payments.requests == 2 + 1000 + 1500)
        let sales = try #require(report.rows.first { $0.key == "sales" }).totals
        #expect(sales.requests == 2 && approximately(sales.costUSD, 0.05))
        #expect(throws: SourceError.self) { _ = try usageConfig("teams:\n  payments: {litellm_team: [t-1]}\n") }
    }
}

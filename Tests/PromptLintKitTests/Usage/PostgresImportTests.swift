import Foundation
import Testing
@testable import PromptLintUsage

/// Import from a real LiteLLM database. `.ci/run` starts PostgreSQL on loopback and sets
/// PROMPTLINT_TEST_POSTGRES_URL; without it (a developer machine with no server) the test is skipped.
@Suite(.serialized) struct PostgresImportTests {
    static let url = ProcessInfo.processInfo.environment["PROMPTLINT_TEST_POSTGRES_URL"]

    @Test(.enabled(if: url != nil, "PROMPTLINT_TEST_POSTGRES_URL is not set: no PostgreSQL server to import from (.ci/run starts one)"))
    func incrementalSyncFromLiteLLMSpendLogs() throws {
        let url = try #require(Self.url)
        let reader = PostgresSpendLogs(url: url)
        let schema = try String(contentsOfFile: Paths.packageRoot + "/scripts/litellm-spendlogs.sql", encoding: .utf8)
        // One statement per query: the extended protocol takes no batches.
        let ddl = schema.components(separatedBy: ";\n").filter { $0.contains("CREATE") }
        try PostgresTestDatabase.execute(url, ddl + ["TRUNCATE \"LiteLLM_SpendLogs\"",
            """
            INSERT INTO "LiteLLM_SpendLogs" (request_id, call_type, api_key, spend, total_tokens, prompt_tokens, completion_tokens, "startTime", "endTime",
                model, custom_llm_provider, "user", metadata, request_tags, team_id, status)
            VALUES
              ('pg-1', 'acompletion', 'hashed-key-1', 0.0015, 1500, 1000, 500, '2026-11-01 09:00:00.123', '2026-11-01 09:00:01', 'gpt-4o-mini', 'openai', 'alice',
               '{"usage_object": {"prompt_tokens_details": {"cached_tokens": 400}}}', '["prompt:support/ticket-summary"]', 't-1', 'success'),
              ('pg-2', 'acompletion', 'hashed-key-1', 0.0025, 2500, 2000, 500, '2026-11-01 10:30:00', '2026-11-01 10:30:02', 'gpt-4o-mini', 'openai', '',
               '{"promptlint_template": "support/ticket-summary"}', '[]', 't-1', 'success')
            """])
        let store = try UsageStore.inMemory()
        let first = try reader.sync(into: store, config: UsageConfig(), pricing: testPricing, knownTemplates: nil)
        #expect(first.rowsRead == 2 && first.result.added == 2)
        #expect(first.lastStartTime == "2026-11-01 10:30:00")
        let rows = try store.records()
        #expect(rows.map(\.template) == ["support/ticket-summary", "support/ticket-summary"])
        #expect(rows[0].cachedInputTokens == 400 && rows[0].startTime == 1_793_523_600 && rows[0].litellmTeam == "t-1")
        #expect(rows[1].user == nil)  // LiteLLM's '' default is no user

        // New rows and a re-sync: only rows from the last position less the hour of lookback are read
        // (pg-2 again, pg-3; not pg-old), and the overlap changes nothing.
        try PostgresTestDatabase.execute(url, ["""
            INSERT INTO "LiteLLM_SpendLogs" (request_id, call_type, spend, prompt_tokens, completion_tokens, "startTime", "endTime", model)
            VALUES ('pg-3', 'acompletion', 0.05, 2000, 1000, '2026-11-03 12:00:00', '2026-11-03 12:00:05', 'gpt-4o'),
                   ('pg-old', 'acompletion', 1.0, 1, 1, '2026-10-01 00:00:00', '2026-10-01 00:00:01', 'gpt-4o')
            """])
        let second = try reader.sync(into: store, config: UsageConfig(), pricing: testPricing, knownTemplates: nil)
        #expect(second.rowsRead == 2 && second.result.added == 1 && second.result.unchanged == 1)
        #expect(second.lastStartTime == "2026-11-03 12:00:00")
        let third = try reader.sync(into: store, config: UsageConfig(), pricing: testPricing, knownTemplates: nil)
        #expect(third.result.added == 0 && third.result.updated == 0)
        let total = try store.report(by: .day, config: UsageConfig()).total
        #expect(total.requests == 3 && abs(total.costUSD - 0.054) < 1e-9)
    }

    @Test func badURLsAreClearErrors() throws {
        #expect(throws: SourceError.self) { _ = try PostgresSpendLogs(url: "mysql://localhost/x").configuration() }
        let tls = try #require(throws: SourceError.self) { _ = try PostgresSpendLogs(url: "postgresql://u@localhost/db?sslmode=require").configuration() }
        #expect(tls.description.contains("sslmode=require is not supported yet"))
    }

    @Test func aServerThatIsNotThereIsAnErrorNotAHang() throws {
        // Port 1 on loopback: nothing listens there.
        let store = try UsageStore.inMemory()
        let error = try #require(throws: SourceError.self) {
            _ = try PostgresSpendLogs(url: "postgresql://nobody@127.0.0.1:1/litellm").sync(into: store, config: UsageConfig(), pricing: testPricing, knownTemplates: nil)
        }
        #expect(error.description.contains("cannot connect to LiteLLM's database"))
    }
}

import PromptLintKit

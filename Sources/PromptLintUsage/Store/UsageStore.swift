import Foundation
import GRDB
import PromptLintKit

/// The embedded usage store (`.promptlint/usage.sqlite`): every imported row, a daily rollup that
/// reports and budgets read, the sync position of each Postgres source and the budget alerts sent.
///
/// Imports are one transaction each (a bad file leaves the store as it was) and idempotent: a row
/// is keyed by (source, key), and a row already stored with the same values is left alone.
public final class UsageStore {
    public let path: String
    let queue: DatabaseQueue

    /// Opens (creating folders and file as needed) and migrates the store.
    public init(path: String) throws(SourceError) {
        self.path = path
        do {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            var configuration = Configuration()
            configuration.prepareDatabase { db in
                // WAL keeps readers (reports, the HTML report) off the writer's way.
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try UsageSchema.migrator.migrate(queue)
        } catch {
            throw SourceError(path: path, location: nil, message: "cannot open the usage store: \(error)")
        }
    }

    private init(path: String, queue: DatabaseQueue) throws {
        self.path = path
        self.queue = queue
        try UsageSchema.migrator.migrate(queue)
    }

    /// An in-memory store, for tests.
    public static func inMemory() throws -> UsageStore {
        try UsageStore(path: ":memory:", queue: DatabaseQueue())
    }

    func write<T>(_ body: (Database) throws -> T) throws(SourceError) -> T {
        try reportingErrors { try queue.write(body) }
    }

    func read<T>(_ body: (Database) throws -> T) throws(SourceError) -> T {
        try reportingErrors { try queue.read(body) }
    }

    /// SQLite errors become `path: usage store: …`; located errors pass through.
    private func reportingErrors<T>(_ body: () throws -> T) throws(SourceError) -> T {
        do {
            return try body()
        } catch let error as SourceError {
            throw error
        } catch {
            throw SourceError(path: path, location: nil, message: "usage store: \(error)")
        }
    }

    /// Counts of one import.
    public struct ImportResult: Sendable, Equatable {
        public var added = 0
        public var updated = 0
        public var unchanged = 0
        public init() {}
    }

    /// Stores `records` in one transaction and refreshes the rollup of the days they touch.
    @discardableResult
    public func insert(_ records: [UsageRecord]) throws(SourceError) -> ImportResult {
        try write { db in try Self.insert(records, into: db) }
    }

    static func insert(_ records: [UsageRecord], into db: Database) throws -> ImportResult {
        var result = ImportResult()
        var days = Set<Int64>()
        let insert = try db.makeStatement(sql: """
            INSERT INTO usage_rows (source, record_key, provider, start_time, day, model, project, api_key, litellm_team, user_id,
                template, requests, input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, source_cost_usd, price_cost_usd)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (source, record_key) DO NOTHING
            """)
        let update = try db.makeStatement(sql: """
            UPDATE usage_rows SET provider = ?3, start_time = ?4, day = ?5, model = ?6, project = ?7, api_key = ?8, litellm_team = ?9,
                user_id = ?10, template = ?11, requests = ?12, input_tokens = ?13, cached_input_tokens = ?14, cache_write_tokens = ?15,
                output_tokens = ?16, source_cost_usd = ?17, price_cost_usd = ?18
            WHERE source = ?1 AND record_key = ?2 AND (provider IS NOT ?3 OR start_time IS NOT ?4 OR model IS NOT ?6 OR project IS NOT ?7
                OR api_key IS NOT ?8 OR litellm_team IS NOT ?9 OR user_id IS NOT ?10 OR template IS NOT ?11 OR requests IS NOT ?12
                OR input_tokens IS NOT ?13 OR cached_input_tokens IS NOT ?14 OR cache_write_tokens IS NOT ?15 OR output_tokens IS NOT ?16
                OR source_cost_usd IS NOT ?17 OR price_cost_usd IS NOT ?18)
            """)
        let oldDay = try db.makeStatement(sql: "SELECT day FROM usage_rows WHERE source = ? AND record_key = ?")
        for record in records {
            let day = UTCDay(unixSeconds: record.startTime).index
            let arguments: StatementArguments = [
                record.source, record.key, record.provider, record.startTime, day, record.model, record.project, record.apiKey,
                record.litellmTeam, record.user, record.template, record.requests, record.inputTokens, record.cachedInputTokens,
                record.cacheWriteTokens, record.outputTokens, record.sourceCostUSD, record.priceCostUSD,
            ]
            insert.setUncheckedArguments(arguments)
            try insert.execute()
            if db.changesCount > 0 {
                result.added += 1
                days.insert(day)
                continue
            }
            // Already stored: replace it only when a value differs (a bucket that grew since the
            // last export, a corrected row), and refresh both its old and new day.
            let previousDay = try Int64.fetchOne(oldDay, arguments: [record.source, record.key])
            update.setUncheckedArguments(arguments)
            try update.execute()
            if db.changesCount > 0 {
                result.updated += 1
                days.insert(day)
                if let previousDay { days.insert(previousDay) }
            } else {
                result.unchanged += 1
            }
        }
        try DailyRollup.refresh(days: days, in: db)
        return result
    }

    /// Every stored row of a source (tests, exports).
    public func records(source: String? = nil) throws(SourceError) -> [UsageRecord] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM usage_rows \(source == nil ? "" : "WHERE source = ?") ORDER BY start_time, source, record_key",
                                        arguments: source.map { [$0] } ?? [])
            return rows.map { row in
                UsageRecord(
                    source: row["source"], key: row["record_key"], provider: row["provider"], startTime: row["start_time"], model: row["model"],
                    project: row["project"], apiKey: row["api_key"], litellmTeam: row["litellm_team"], user: row["user_id"], template: row["template"],
                    requests: row["requests"], inputTokens: row["input_tokens"], cachedInputTokens: row["cached_input_tokens"],
                    cacheWriteTokens: row["cache_write_tokens"], outputTokens: row["output_tokens"], sourceCostUSD: row["source_cost_usd"],
                    priceCostUSD: row["price_cost_usd"])
            }
        }
    }

    public func rowCount() throws(SourceError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM usage_rows") ?? 0 }
    }

    /// Rows in the daily rollup (what report queries scan).
    public func rollupRowCount() throws(SourceError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM daily_usage") ?? 0 }
    }

    /// The first and last day with usage, or nil when the store is empty.
    public func dayRange() throws(SourceError) -> ClosedRange<UTCDay>? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT MIN(day), MAX(day) FROM daily_usage"),
                  let first: Int64 = row[0], let last: Int64 = row[1] else { return nil }
            return UTCDay(index: first)...UTCDay(index: last)
        }
    }
}

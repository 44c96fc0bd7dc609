import Foundation
import Logging
import PostgresNIO
import PromptLintKit

/// Reads `"LiteLLM_SpendLogs"` straight from LiteLLM's Postgres database, incrementally: each sync
/// reads the rows whose `startTime` is at or after the last one stored for that database, less a
/// lookback (a request's row is written when it ends, so a long request can land behind rows
/// already read); the overlap is harmless because rows are keyed by `request_id`.
public struct PostgresSpendLogs {
    public var url: String
    public var lookbackSeconds: Int = 3600

    public init(url: String) { self.url = url }

    /// The sync position key in the store: the URL without its password.
    var target: String {
        guard var components = URLComponents(string: url) else { return url }
        components.password = nil
        return "litellm:" + (components.string ?? url)
    }

    func configuration() throws(SourceError) -> PostgresConnection.Configuration {
        guard let components = URLComponents(string: url), let scheme = components.scheme,
              scheme == "postgresql" || scheme == "postgres", let host = components.host, !host.isEmpty else {
            throw SourceError(path: url, location: nil, message: "not a Postgres URL (expected postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE)")
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let sslmode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "disable"
        guard sslmode == "disable" || sslmode == "allow" || sslmode == "prefer" else {
            throw SourceError(path: url, location: nil, message: "sslmode=\(sslmode) is not supported yet: promptlint connects without TLS (use a local socket or a tunnel)")
        }
        return PostgresConnection.Configuration(
            host: host, port: components.port ?? 5432, username: components.user ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres",
            password: components.password, database: database.isEmpty ? nil : database, tls: .disable)
    }

    public struct SyncResult: Sendable {
        public var rowsRead = 0
        public var result = UsageStore.ImportResult()
        public var unknownTemplates: [(name: String, rows: Int)] = []
        public var lastStartTime: String?
    }

    /// Reads the new rows and stores them in one transaction with the new sync position.
    public func sync(into store: UsageStore, config: UsageConfig, pricing: UsagePricing, knownTemplates: Set<String>?) throws -> SyncResult {
        let configuration = try configuration()
        let since = try store.syncPosition(target: target)
        let attribution = LiteLLMSpendLogs.Attribution(tagPrefix: config.templateTagPrefix, metadataKey: config.templateMetadataKey)
        let lookback = lookbackSeconds
        let fetched = try BlockingTask.run { () async throws -> ([UsageRecord], String?) in
            try await Self.fetch(configuration: configuration, since: since, lookbackSeconds: lookback, attribution: attribution, pricing: pricing)
        }
        var result = SyncResult()
        result.rowsRead = fetched.0.count
        result.lastStartTime = fetched.1 ?? since
        result.result = try store.insert(fetched.0, syncTarget: fetched.1.map { (target, $0) })
        result.unknownTemplates = UsageImporter.unknownTemplates(in: fetched.0, known: knownTemplates)
        return result
    }

    static func fetch(configuration: PostgresConnection.Configuration, since: String?, lookbackSeconds: Int,
                      attribution: LiteLLMSpendLogs.Attribution, pricing: UsagePricing) async throws -> ([UsageRecord], String?) {
        var pricing = pricing
        let logger = Logger(label: "promptlint.usage.postgres")
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        } catch {
            throw SourceError(path: "postgres", location: nil, message: "cannot connect to LiteLLM's database: \(String(reflecting: error))")
        }
        do {
            let fetched = try await read(connection: connection, since: since, lookbackSeconds: lookbackSeconds, attribution: attribution, pricing: &pricing, logger: logger)
            try await connection.close()
            return fetched
        } catch {
            try? await connection.close()
            throw error
        }
    }

    private static func read(connection: PostgresConnection, since: String?, lookbackSeconds: Int, attribution: LiteLLMSpendLogs.Attribution,
                             pricing: inout UsagePricing, logger: Logger) async throws -> ([UsageRecord], String?) {
        // Text casts keep the reader independent of the column types LiteLLM's migrations chose
        // (timestamp(3) or timestamptz, json or jsonb, int or bigint).
        let columns = """
            SELECT request_id, "startTime"::text, model, spend::float8, COALESCE(prompt_tokens, 0)::int8, COALESCE(completion_tokens, 0)::int8,
                api_key, "user", team_id, custom_llm_provider, metadata::text, request_tags::text
            FROM "LiteLLM_SpendLogs"
            """
        let rows: PostgresRowSequence
        do {
            if let since {
                rows = try await connection.query("\(unescaped: columns) WHERE \"startTime\" >= CAST(\(since) AS timestamp) - interval '\(unescaped: String(lookbackSeconds)) seconds' ORDER BY \"startTime\"", logger: logger)
            } else {
                rows = try await connection.query("\(unescaped: columns) ORDER BY \"startTime\"", logger: logger)
            }
        } catch {
            throw SourceError(path: "postgres", location: nil, message: "reading \"LiteLLM_SpendLogs\" failed: \(String(reflecting: error))")
        }
        var records: [UsageRecord] = []
        var last: String?
        for try await row in rows {
            let (id, startText, model, spend, prompt, completion, apiKey, user, team, provider, metadata, tags) =
                try row.decode((String, String, String?, Double?, Int64, Int64, String?, String?, String?, String?, String?, String?).self)
            guard let start = TimestampParser.unixSeconds(startText) else {
                throw SourceError(path: "postgres", location: nil, message: "\"LiteLLM_SpendLogs\" row \(id): startTime '\(startText)' is not a timestamp")
            }
            last = startText
            // LiteLLM's columns default to '' rather than NULL.
            func present(_ text: String?) -> String? { text.flatMap { $0.isEmpty ? nil : $0 } }
            let spendRow = LiteLLMSpendLogs.Row(
                requestID: id, startTime: start, model: present(model), spend: spend, promptTokens: prompt, completionTokens: completion,
                apiKey: present(apiKey), user: present(user), teamID: present(team), provider: present(provider),
                metadata: ArraySlice(Array((metadata ?? "").utf8)), requestTags: ArraySlice(Array((tags ?? "").utf8)))
            records.append(LiteLLMSpendLogs.record(spendRow, attribution: attribution, pricing: &pricing))
        }
        return (records, last)
    }
}

/// Runs async work from the synchronous command line and waits for it.
enum BlockingTask {
    static func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: Result<T, any Error>?
        Task {
            do { outcome = .success(try await work()) } catch { outcome = .failure(error) }
            done.signal()
        }
        done.wait()
        return try outcome!.get()
    }
}

extension UsageStore {
    func syncPosition(target: String) throws(SourceError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT last_start_time FROM sync_state WHERE target = ?", arguments: [target]) }
    }

    /// Stores rows and, in the same transaction, where the sync stopped.
    func insert(_ records: [UsageRecord], syncTarget: (target: String, lastStartTime: String)?) throws(SourceError) -> ImportResult {
        try write { db in
            let result = try Self.insert(records, into: db)
            if let syncTarget {
                try db.execute(sql: """
                    INSERT INTO sync_state (target, last_start_time, synced_at) VALUES (?, ?, strftime('%s', 'now'))
                    ON CONFLICT (target) DO UPDATE SET last_start_time = MAX(last_start_time, excluded.last_start_time), synced_at = excluded.synced_at
                    """, arguments: [syncTarget.target, syncTarget.lastStartTime])
            }
            return result
        }
    }
}

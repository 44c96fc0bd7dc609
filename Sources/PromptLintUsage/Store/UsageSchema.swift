import GRDB

/// The store's schema, as GRDB migrations: add a migration, never edit one that shipped.
enum UsageSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: rows, daily rollup, sync state, alerts") { db in
            try db.execute(sql: """
                CREATE TABLE usage_rows (
                    source TEXT NOT NULL,
                    record_key TEXT NOT NULL,
                    provider TEXT,
                    start_time INTEGER NOT NULL,
                    day INTEGER NOT NULL,
                    model TEXT,
                    project TEXT,
                    api_key TEXT,
                    litellm_team TEXT,
                    user_id TEXT,
                    template TEXT,
                    requests INTEGER NOT NULL,
                    input_tokens INTEGER NOT NULL,
                    cached_input_tokens INTEGER NOT NULL,
                    cache_write_tokens INTEGER NOT NULL,
                    output_tokens INTEGER NOT NULL,
                    source_cost_usd REAL,
                    price_cost_usd REAL,
                    PRIMARY KEY (source, record_key)
                ) WITHOUT ROWID;
                CREATE INDEX usage_rows_day ON usage_rows (day);

                -- One row per day and combination of the dimensions reports group by: reports and
                -- budgets read this, not usage_rows, so they stay fast on millions of requests.
                CREATE TABLE daily_usage (
                    day INTEGER NOT NULL,
                    source TEXT NOT NULL,
                    provider TEXT,
                    model TEXT,
                    project TEXT,
                    api_key TEXT,
                    litellm_team TEXT,
                    user_id TEXT,
                    template TEXT,
                    requests INTEGER NOT NULL,
                    input_tokens INTEGER NOT NULL,
                    cached_input_tokens INTEGER NOT NULL,
                    cache_write_tokens INTEGER NOT NULL,
                    output_tokens INTEGER NOT NULL,
                    source_cost_usd REAL NOT NULL,
                    price_cost_usd REAL NOT NULL,
                    cost_usd REAL NOT NULL
                );
                CREATE INDEX daily_usage_day ON daily_usage (day);

                -- Where incremental syncs (LiteLLM's Postgres) stopped.
                CREATE TABLE sync_state (
                    target TEXT PRIMARY KEY,
                    last_start_time TEXT NOT NULL,
                    synced_at INTEGER NOT NULL
                );

                -- Budget thresholds crossed per period, and whether the alert went out.
                CREATE TABLE budget_alerts (
                    budget TEXT NOT NULL,
                    period_start INTEGER NOT NULL,
                    threshold REAL NOT NULL,
                    first_seen INTEGER NOT NULL,
                    sent_at INTEGER,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    last_error TEXT,
                    PRIMARY KEY (budget, period_start, threshold)
                );
                """)
        }
        return migrator
    }
}

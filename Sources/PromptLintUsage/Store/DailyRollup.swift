import GRDB

/// Keeps `daily_usage` equal to `usage_rows` grouped by day and report dimensions.
///
/// `cost_usd` is what a report counts: the source's cost, else the price table's — except that a
/// provider usage report (tokens only) adds no cost on a day its provider's cost report covers,
/// because that report is the bill for those same tokens.
enum DailyRollup {
    static func refresh(days: Set<Int64>, in db: Database) throws {
        guard !days.isEmpty else { return }
        let delete = try db.makeStatement(sql: "DELETE FROM daily_usage WHERE day = ?")
        let billed = try db.makeStatement(sql: "SELECT EXISTS (SELECT 1 FROM usage_rows WHERE day = ? AND source = ?)")
        let insert = try db.makeStatement(sql: """
            INSERT INTO daily_usage
            SELECT day, source, provider, model, project, api_key, litellm_team, user_id, template,
                SUM(requests), SUM(input_tokens), SUM(cached_input_tokens), SUM(cache_write_tokens), SUM(output_tokens),
                TOTAL(source_cost_usd), TOTAL(price_cost_usd),
                CASE WHEN (source = ?2 AND ?3) OR (source = ?4 AND ?5) THEN 0
                     ELSE TOTAL(COALESCE(source_cost_usd, price_cost_usd, 0)) END
            FROM usage_rows WHERE day = ?1
            GROUP BY source, provider, model, project, api_key, litellm_team, user_id, template
            """)
        for day in days.sorted() {
            try delete.execute(arguments: [day])
            let openAIBilled = try Bool.fetchOne(billed, arguments: [day, UsageSource.openAICosts.rawValue]) ?? false
            let anthropicBilled = try Bool.fetchOne(billed, arguments: [day, UsageSource.anthropicCost.rawValue]) ?? false
            try insert.execute(arguments: [day, UsageSource.openAIUsage.rawValue, openAIBilled, UsageSource.anthropicUsage.rawValue, anthropicBilled])
        }
    }

    /// Rebuilds the whole rollup (after a bulk load).
    static func rebuild(in db: Database) throws {
        try db.execute(sql: "DELETE FROM daily_usage")
        let days = try Int64.fetchAll(db, sql: "SELECT DISTINCT day FROM usage_rows")
        try refresh(days: Set(days), in: db)
    }
}

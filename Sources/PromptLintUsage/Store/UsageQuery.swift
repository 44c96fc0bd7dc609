import GRDB
import PromptLintKit

/// Sums over the daily rollup, grouped by any of its columns, with the authoritative-source rules
/// applied. Reports and budgets are both built on this one query.
struct UsageQuery {
    var groupColumns: [String]
    var firstDay: UTCDay?
    var lastDay: UTCDay?
    var authoritative: AuthoritativeSources
    /// An extra `column = value` condition (a budget's template, project or model scope).
    var equals: (column: String, value: String)?
    /// For the model scope: the name also matches its dated variants ("gpt-4o" → "gpt-4o-2024-08-06").
    var prefixMatch = false

    func run(_ db: Database) throws -> [(keys: [String?], totals: UsageTotals)] {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let firstDay { conditions.append("day >= ?"); arguments.append(firstDay.index) }
        if let lastDay { conditions.append("day <= ?"); arguments.append(lastDay.index) }
        let projectRules = authoritative.rules.filter { $0.key.hasPrefix("project:") }
        for (key, source) in projectRules.sorted(by: { $0.key < $1.key }) {
            conditions.append("NOT (project IS ? AND source <> ?)")
            arguments.append(String(key.dropFirst("project:".count)))
            arguments.append(source)
        }
        let ruledProjects = projectRules.keys.map { String($0.dropFirst("project:".count)) }.sorted()
        for (provider, source) in authoritative.rules.filter({ !$0.key.hasPrefix("project:") }).sorted(by: { $0.key < $1.key }) {
            let exempt = ruledProjects.isEmpty ? "" : " AND COALESCE(project, '') NOT IN (\(ruledProjects.map { _ in "?" }.joined(separator: ", ")))"
            conditions.append("NOT (provider IS ?\(exempt) AND source <> ?)")
            arguments.append(provider)
            arguments.append(contentsOf: ruledProjects.map { $0 as String? })
            arguments.append(source)
        }
        if let equals {
            if prefixMatch {
                conditions.append("(\(equals.column) = ? COLLATE NOCASE OR \(equals.column) LIKE ? ESCAPE '\\')")
                arguments.append(equals.value)
                arguments.append(equals.value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                    .replacingOccurrences(of: "_", with: "\\_") + "-%")
            } else {
                conditions.append("\(equals.column) = ?")
                arguments.append(equals.value)
            }
        }
        let columns = groupColumns.map { $0 == "day" ? "CAST(day AS TEXT)" : $0 }
        let select = (columns + ["SUM(requests)", "SUM(input_tokens)", "SUM(cached_input_tokens)", "SUM(output_tokens)",
                                 "TOTAL(cost_usd)", "TOTAL(source_cost_usd)", "TOTAL(price_cost_usd)"]).joined(separator: ", ")
        var sql = "SELECT \(select) FROM daily_usage"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        if !groupColumns.isEmpty { sql += " GROUP BY " + groupColumns.joined(separator: ", ") }
        let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
        var result: [(keys: [String?], totals: UsageTotals)] = []
        let n = groupColumns.count
        while let row = try rows.next() {
            var totals = UsageTotals()
            totals.requests = row[n] ?? 0
            totals.inputTokens = row[n + 1] ?? 0
            totals.cachedInputTokens = row[n + 2] ?? 0
            totals.outputTokens = row[n + 3] ?? 0
            totals.costUSD = row[n + 4] ?? 0
            totals.sourceCostUSD = row[n + 5] ?? 0
            totals.priceCostUSD = row[n + 6] ?? 0
            // An empty selection still returns one row of NULL sums.
            if n == 0 && (row[n] as Int64?) == nil { continue }
            result.append(((0..<n).map { row[$0] as String? }, totals))
        }
        return result
    }
}

import PromptLintKit

/// `usage report --by …`: spend summed per template, team, project, model or day over a date range.
public struct UsageReport: Sendable {
    public enum Dimension: String, Sendable, CaseIterable {
        case template, team, project, model, day
    }

    public struct Row: Sendable, Equatable {
        /// The template, team, project or model name, or the day (`YYYY-MM-DD`); `(none)` when unset.
        public var key: String
        public var totals: UsageTotals
    }

    public static let noKey = "(none)"

    public var dimension: Dimension
    /// The range reported: the one asked for, else the days with data (nil: an empty store).
    public var from: UTCDay?
    public var to: UTCDay?
    public var rows: [Row]
    public var total: UsageTotals
}

extension UsageStore {
    /// Sums per `dimension` over the days `since...until` (both inclusive, UTC; nil = open).
    public func report(by dimension: UsageReport.Dimension, since: UTCDay? = nil, until: UTCDay? = nil,
                       config: UsageConfig) throws(SourceError) -> UsageReport {
        let range = try dayRange()
        let from = since ?? range?.lowerBound
        let to = until ?? range?.upperBound
        let columns: [String] = switch dimension {
        case .template: ["template"]
        case .model: ["model"]
        case .project: ["project"]
        case .day: ["day"]
        case .team: ["project", "litellm_team", "api_key", "user_id"]
        }
        let query = UsageQuery(groupColumns: columns, firstDay: since, lastDay: until, authoritative: config.authoritative)
        let groups = try read { db in try query.run(db) }
        var byKey: [String: UsageTotals] = [:]
        for group in groups {
            let key: String
            switch dimension {
            case .team:
                key = config.teams.team(project: group.keys[0], litellmTeam: group.keys[1], apiKey: group.keys[2], user: group.keys[3])
            case .day:
                key = UTCDay(index: Int64(group.keys[0] ?? "0") ?? 0).description
            default:
                key = group.keys[0] ?? UsageReport.noKey
            }
            byKey[key, default: UsageTotals()].add(group.totals)
        }
        if dimension == .day, let from, let to, from <= to {
            // A time series: every day of the range, zero where nothing was used.
            var day = from
            while day <= to {
                if byKey[day.description] == nil { byKey[day.description] = UsageTotals() }
                day = day.adding(days: 1)
            }
        }
        var rows = byKey.map { UsageReport.Row(key: $0.key, totals: $0.value) }
        if dimension == .day {
            rows.sort { $0.key < $1.key }
        } else {
            rows.sort { ($0.totals.costUSD, $1.key) > ($1.totals.costUSD, $0.key) }
        }
        var total = UsageTotals()
        for row in rows { total.add(row.totals) }
        return UsageReport(dimension: dimension, from: from, to: to, rows: rows, total: total)
    }
}

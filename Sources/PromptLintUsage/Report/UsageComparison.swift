import Foundation
import PromptLintKit

/// `usage report --compare previous`: each key's cost in the range against the same number of
/// days just before it, and — per template — the commits that changed the template's file in the
/// range ("this prompt got 40% more expensive after commit abc123").
public struct UsageComparison: Sendable {
    public struct Row: Sendable {
        public var key: String
        public var current: UsageTotals
        public var previous: UsageTotals
        /// Percent change of cost; nil when the previous period cost nothing.
        public var changePercent: Double?
        /// Commits that changed the template's file in the range (templates only).
        public var commits: [Commit]
    }

    public struct Commit: Sendable, Equatable {
        public var hash: String
        public var date: String
        public var subject: String
    }

    public var dimension: UsageReport.Dimension
    public var current: (from: UTCDay, to: UTCDay)
    public var previous: (from: UTCDay, to: UTCDay)
    public var rows: [Row]

    /// The range `from...to` against the same number of days before `from`.
    public static func compare(store: UsageStore, by dimension: UsageReport.Dimension, from: UTCDay, to: UTCDay, config: UsageConfig,
                               templateFiles: [String: String] = [:]) throws(SourceError) -> UsageComparison {
        let length = to.index - from.index + 1
        let previousFrom = from.adding(days: -length)
        let previousTo = from.adding(days: -1)
        let now = try store.report(by: dimension, since: from, until: to, config: config)
        let before = try store.report(by: dimension, since: previousFrom, until: previousTo, config: config)
        var keys = now.rows.map(\.key)
        for row in before.rows where !keys.contains(row.key) { keys.append(row.key) }
        let currentByKey = Dictionary(now.rows.map { ($0.key, $0.totals) }, uniquingKeysWith: { a, _ in a })
        let previousByKey = Dictionary(before.rows.map { ($0.key, $0.totals) }, uniquingKeysWith: { a, _ in a })
        let rows = keys.map { key in
            let current = currentByKey[key] ?? UsageTotals()
            let previous = previousByKey[key] ?? UsageTotals()
            let change = previous.costUSD > 0 ? (current.costUSD - previous.costUSD) / previous.costUSD * 100 : nil
            let commits = dimension == .template ? templateFiles[key].map { GitHistory.commits(touching: $0, from: from, to: to) } ?? [] : []
            return Row(key: key, current: current, previous: previous, changePercent: change, commits: commits)
        }
        return UsageComparison(dimension: dimension, current: (from, to), previous: (previousFrom, previousTo), rows: rows)
    }

    public func text() -> String {
        var table: [[String]] = [[dimension.rawValue, "previous USD", "current USD", "change", "USD/request before", "USD/request now"]]
        func perRequest(_ t: UsageTotals) -> String { t.requests > 0 ? UsageReportFormatter.money(t.costUSD / Double(t.requests), digits: 6) : "-" }
        for row in rows {
            table.append([row.key, UsageReportFormatter.money(row.previous.costUSD, digits: 2), UsageReportFormatter.money(row.current.costUSD, digits: 2),
                          row.changePercent.map { ($0 >= 0 ? "+" : "") + UsageReportFormatter.money($0, digits: 1) + "%" } ?? "new",
                          perRequest(row.previous), perRequest(row.current)])
        }
        var out = "Usage by \(dimension.rawValue): \(current.from) … \(current.to) against \(previous.from) … \(previous.to) (UTC)\n\n"
        out += TextTable.render(table, lastIsTotal: false)
        for row in rows where !row.commits.isEmpty {
            let change = row.changePercent.map { " (\($0 >= 0 ? "+" : "")\(UsageReportFormatter.money($0, digits: 1))% cost)" } ?? ""
            out += "\n\(row.key)\(change) changed in this period:\n"
            for commit in row.commits { out += "  \(commit.hash) \(commit.date) \(commit.subject)\n" }
        }
        return out
    }

    public func json() -> String {
        JSONValue.object([
            ("from", .string(current.from.description)), ("to", .string(current.to.description)),
            ("previous_from", .string(previous.from.description)), ("previous_to", .string(previous.to.description)),
            ("rows", .array(rows.map { row in
                .object([("key", .string(row.key)),
                         ("current", .object(UsageReportFormatter.fields(row.current))),
                         ("previous", .object(UsageReportFormatter.fields(row.previous))),
                         ("change_percent", row.changePercent.map { .double(($0 * 10).rounded() / 10) } ?? .null),
                         ("commits", .array(row.commits.map { .object([("hash", .string($0.hash)), ("date", .string($0.date)), ("subject", .string($0.subject))]) }))])
            })),
        ]).serialized() + "\n"
    }
}

/// `git log` of one file over a date range; no repository or no git means no commits.
enum GitHistory {
    static func commits(touching file: String, from: UTCDay, to: UTCDay) -> [UsageComparison.Commit] {
        let folder = (file as NSString).deletingLastPathComponent
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.isEmpty ? "." : folder, "log", "--format=%h%x1f%ad%x1f%s", "--date=short",
                             "--since=\(from)T00:00:00Z", "--until=\(to)T23:59:59Z", "--", (file as NSString).lastPathComponent]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return [] }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\u{1F}", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { return nil }
            return UsageComparison.Commit(hash: String(parts[0]), date: String(parts[1]), subject: String(parts[2]))
        }
    }
}

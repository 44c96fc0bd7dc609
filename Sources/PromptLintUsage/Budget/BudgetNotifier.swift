import Foundation
import GRDB
import PromptLintKit

/// `budget --notify URL`: posts each newly crossed threshold once per budget period as a
/// Slack-compatible webhook (`{"text": …}`). Crossings are remembered in the store; one whose post
/// failed stays pending and is posted again on the next run.
public struct BudgetNotifier {
    public var url: URL
    public var timeout: TimeInterval = 10

    public init(url: URL) { self.url = url }

    public struct Outcome: Sendable, Equatable {
        public var sent: [String] = []
        /// Messages of posts that failed (kept for the next run).
        public var failed: [String] = []
    }

    public func notify(_ statuses: [BudgetStatus], store: UsageStore, now: Int64 = Int64(Date().timeIntervalSince1970)) throws(SourceError) -> Outcome {
        let pending = try store.recordCrossings(statuses, now: now)
        var outcome = Outcome()
        for alert in pending {
            guard let status = statuses.first(where: { $0.budget.name == alert.budget }) else { continue }
            let text = "Budget alert: \(BudgetFormatter.percentText(alert.threshold))% of \(status.budget.name) reached. " + BudgetFormatter.line(status)
            let body = JSONValue.object([("text", .string(text))]).serialized(pretty: false)
            let error = post(body)
            try store.markAlert(alert, sentAt: error == nil ? now : nil, error: error)
            if let error {
                outcome.failed.append("\(alert.budget) \(BudgetFormatter.percentText(alert.threshold))%: \(error)")
            } else {
                outcome.sent.append("\(alert.budget) \(BudgetFormatter.percentText(alert.threshold))%")
            }
        }
        return outcome
    }

    /// Posts and waits; the error text, or nil on a 2xx answer.
    func post(_ body: String) -> String? {
        WebhookPoster(url: url, timeout: timeout).post(body)
    }
}

/// A crossed threshold waiting to be posted.
public struct PendingAlert: Sendable, Equatable {
    public var budget: String
    public var periodStart: Int64
    public var threshold: Double
}

extension UsageStore {
    /// Records the thresholds crossed now (once per budget and period) and returns every crossing
    /// of these periods not yet posted, oldest first.
    func recordCrossings(_ statuses: [BudgetStatus], now: Int64) throws(SourceError) -> [PendingAlert] {
        try write { db in
            var pending: [PendingAlert] = []
            for status in statuses {
                for threshold in status.crossed {
                    try db.execute(sql: "INSERT INTO budget_alerts (budget, period_start, threshold, first_seen) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                                   arguments: [status.budget.name, status.periodStart.index, threshold, now])
                }
                let rows = try Row.fetchAll(db, sql: "SELECT threshold FROM budget_alerts WHERE budget = ? AND period_start = ? AND sent_at IS NULL ORDER BY threshold",
                                            arguments: [status.budget.name, status.periodStart.index])
                pending += rows.map { PendingAlert(budget: status.budget.name, periodStart: status.periodStart.index, threshold: $0[0]) }
            }
            return pending
        }
    }

    func markAlert(_ alert: PendingAlert, sentAt: Int64?, error: String?) throws(SourceError) {
        try write { db in
            try db.execute(sql: "UPDATE budget_alerts SET sent_at = ?, attempts = attempts + 1, last_error = ? WHERE budget = ? AND period_start = ? AND threshold = ?",
                           arguments: [sentAt, error, alert.budget, alert.periodStart, alert.threshold])
        }
    }

    /// Alerts of a budget: threshold, whether sent, attempts (for tests and the HTML report).
    public func alerts(budget: String) throws(SourceError) -> [(threshold: Double, sent: Bool, attempts: Int)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT threshold, sent_at IS NOT NULL, attempts FROM budget_alerts WHERE budget = ? ORDER BY period_start, threshold",
                             arguments: [budget]).map { ($0[0], $0[1], $0[2]) }
        }
    }
}

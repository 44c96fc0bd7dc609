import PromptLintKit

/// `promptlint budget` output: text lines, or the JSON list
/// `[{"budget", "period", "spent_usd", "amount_usd", "percent", "crossed", "forecast_usd", "forecast_exceeds_on", "forecast_crossings"}]`.
public enum BudgetFormatter {
    static func threshold(_ value: Double) -> JSONValue {
        value == value.rounded() && abs(value) < 1e9 ? .int(Int(value)) : .double(value)
    }

    static func percentText(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : UsageReportFormatter.money(value, digits: 1)
    }

    public static func json(_ statuses: [BudgetStatus]) -> String {
        JSONValue.array(statuses.map { status in
            JSONValue.object([
                ("budget", .string(status.budget.name)),
                ("period", .string(status.periodDescription)),
                ("spent_usd", .double(UsageReportFormatter.dollars(status.spentUSD))),
                ("amount_usd", .double(status.budget.amountUSD)),
                ("percent", .double((status.percent * 100).rounded() / 100)),
                ("crossed", .array(status.crossed.map(threshold))),
                ("forecast_usd", .double(UsageReportFormatter.dollars(status.forecastUSD))),
                ("forecast_exceeds_on", status.forecastExceedsOn.map { .string($0.description) } ?? .null),
                ("forecast_crossings", .array(status.forecastCrossings.map {
                    .object([("threshold", threshold($0.threshold)), ("on", .string($0.on.description))])
                })),
            ])
        }).serialized() + "\n"
    }

    public static func text(_ statuses: [BudgetStatus]) -> String {
        if statuses.isEmpty { return "No budgets: add 'budgets:' to .promptlint.yml.\n" }
        return statuses.map(line).joined(separator: "\n") + "\n"
    }

    /// One budget in a sentence or two; also the webhook's message.
    public static func line(_ status: BudgetStatus) -> String {
        let b = status.budget
        var text = "\(b.name) (\(b.scope.description), \(b.period.rawValue) \(status.periodDescription)): $\(UsageReportFormatter.money(status.spentUSD, digits: 2)) of $\(UsageReportFormatter.money(b.amountUSD, digits: 2)) (\(UsageReportFormatter.money(status.percent, digits: 1))%)"
        if let top = status.crossed.last { text += " — crossed \(percentText(top))%" }
        text += "\n  forecast $\(UsageReportFormatter.money(status.forecastUSD, digits: 2)) by \(status.periodEnd)"
        if let exceeds = status.forecastExceedsOn {
            text += exceeds <= status.asOf ? "; exceeded 100% on \(exceeds)" : "; forecast to exceed 100% on \(exceeds)"
        }
        for crossing in status.forecastCrossings where crossing.threshold < 100 {
            text += "; will cross \(percentText(crossing.threshold))% on \(crossing.on)"
        }
        return text
    }
}

import PromptLintKit

/// Where a budget stands on a day: spend in the current period, thresholds crossed, and a linear
/// forecast to the period's end (spend so far ÷ days elapsed × days in the period, as LiteLLM's
/// projected-limit alert does).
public struct BudgetStatus: Sendable, Equatable {
    public var budget: Budget
    public var periodStart: UTCDay
    public var periodEnd: UTCDay
    /// The last day counted (inclusive).
    public var asOf: UTCDay
    public var spentUSD: Double
    /// Spent ÷ amount × 100.
    public var percent: Double
    /// Thresholds reached by actual spend.
    public var crossed: [Double]
    public var forecastUSD: Double
    /// The day spend reached 100% (already), or is forecast to; nil when the forecast stays under.
    public var forecastExceedsOn: UTCDay?
    /// Thresholds not yet crossed that the forecast reaches this period, with the day.
    public var forecastCrossings: [ForecastCrossing]

    public struct ForecastCrossing: Sendable, Equatable {
        public var threshold: Double
        public var on: UTCDay
    }

    /// `2026-12-01/2026-12-31`: the period as an ISO 8601 interval of days.
    public var periodDescription: String { "\(periodStart)/\(periodEnd)" }

    /// Computes the status from the spend of each day of the period up to `asOf`.
    public static func evaluate(_ budget: Budget, asOf: UTCDay, dailySpend: [UTCDay: Double]) -> BudgetStatus {
        let (start, end) = budget.period.bounds(containing: asOf)
        var spent = 0.0
        var reachedAmountOn: UTCDay?
        var day = start
        while day <= asOf {
            spent += dailySpend[day] ?? 0
            if reachedAmountOn == nil, reaches(spent, percent: 100, of: budget.amountUSD) { reachedAmountOn = day }
            day = day.adding(days: 1)
        }
        let elapsed = Double(asOf.index - start.index + 1)
        let length = Double(end.index - start.index + 1)
        let rate = spent / elapsed
        let percent = spent / budget.amountUSD * 100
        let crossed = budget.thresholds.filter { reaches(spent, percent: $0, of: budget.amountUSD) }
        /// The first day of the period whose forecast cumulative spend reaches `threshold`.
        func forecastDay(_ threshold: Double) -> UTCDay? {
            guard rate > 0 else { return nil }
            let target = budget.amountUSD * threshold / 100
            // Cumulative forecast at the end of the period's k-th day is rate × k.
            var k = (target / rate).rounded(.up)
            if rate * (k - 1) >= target * (1 - 1e-12) { k -= 1 }
            guard k <= length else { return nil }
            return start.adding(days: Int64(k) - 1)
        }
        let exceedsOn = reachedAmountOn ?? forecastDay(100)
        let crossings = budget.thresholds.filter { !crossed.contains($0) }.compactMap { threshold in
            forecastDay(threshold).map { ForecastCrossing(threshold: threshold, on: $0) }
        }
        return BudgetStatus(budget: budget, periodStart: start, periodEnd: end, asOf: asOf, spentUSD: spent, percent: percent,
                            crossed: crossed, forecastUSD: rate * length, forecastExceedsOn: exceedsOn, forecastCrossings: crossings)
    }

    /// Spend at or above the threshold, with a hair of tolerance for sums of binary fractions.
    static func reaches(_ spent: Double, percent: Double, of amount: Double) -> Bool {
        spent >= amount * percent / 100 * (1 - 1e-12)
    }
}

extension UsageStore {
    /// The status of each budget on `asOf` (UTC, inclusive).
    public func budgetStatuses(_ budgets: [Budget], asOf: UTCDay, config: UsageConfig) throws(SourceError) -> [BudgetStatus] {
        var statuses: [BudgetStatus] = []
        for budget in budgets {
            let (start, _) = budget.period.bounds(containing: asOf)
            let spend = try dailySpend(scope: budget.scope, from: start, through: asOf, config: config)
            statuses.append(BudgetStatus.evaluate(budget, asOf: asOf, dailySpend: spend))
        }
        return statuses
    }

    /// Cost per day for a scope.
    public func dailySpend(scope: UsageScope, from: UTCDay, through: UTCDay, config: UsageConfig) throws(SourceError) -> [UTCDay: Double] {
        var query = UsageQuery(groupColumns: ["day"], firstDay: from, lastDay: through, authoritative: config.authoritative)
        var team: String?
        if let dimension = scope.dimension, let value = scope.value {
            switch dimension {
            case .team:
                query.groupColumns += ["project", "litellm_team", "api_key", "user_id"]
                team = value
            case .template: query.equals = ("template", value)
            case .project: query.equals = ("project", value)
            case .model:
                query.equals = ("model", value)
                query.prefixMatch = true
            }
        }
        let groups = try read { db in try query.run(db) }
        var spend: [UTCDay: Double] = [:]
        for group in groups {
            if let team, config.teams.team(project: group.keys[1], litellmTeam: group.keys[2], apiKey: group.keys[3], user: group.keys[4]) != team { continue }
            spend[UTCDay(index: Int64(group.keys[0] ?? "0") ?? 0), default: 0] += group.totals.costUSD
        }
        return spend
    }
}

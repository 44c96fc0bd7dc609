import Foundation
import Testing
import PromptLintKit
@testable import PromptLintUsage

@Suite struct BudgetTests {
    /// $5 a day from `first` through `last`, attributed to one template, model, project and LiteLLM team.
    static func store(from first: String, through last: String, perDay: Double = 5) throws -> UsageStore {
        let store = try UsageStore.inMemory()
        var records: [UsageRecord] = []
        var day = UTCDay(first)!
        while day <= UTCDay(last)! {
            records.append(UsageRecord(source: "litellm", key: "r-\(day)", provider: "openai", startTime: day.startSeconds + 3600,
                                       model: "gpt-4o-2024-08-06", project: "proj_abc", litellmTeam: "t-1", template: "support/ticket-summary",
                                       requests: 1, inputTokens: 10, outputTokens: 10, sourceCostUSD: perDay))
            day = day.adding(days: 1)
        }
        try store.insert(records)
        return store
    }

    @Test func forecastOnFixedDates() throws {
        let store = try Self.store(from: "2026-12-01", through: "2026-12-10")
        let budget = Budget(name: "all", amountUSD: 100)
        let status = try #require(try store.budgetStatuses([budget], asOf: UTCDay("2026-12-10")!, config: UsageConfig()).first)
        #expect(status.periodStart == UTCDay("2026-12-01") && status.periodEnd == UTCDay("2026-12-31"))
        #expect(approximately(status.spentUSD, 50) && approximately(status.percent, 50))
        #expect(status.crossed == [50])
        // $50 in 10 days: $5/day × 31 days.
        #expect(approximately(status.forecastUSD, 155))
        #expect(status.forecastCrossings == [.init(threshold: 75, on: UTCDay("2026-12-15")!), .init(threshold: 90, on: UTCDay("2026-12-18")!)])
        #expect(status.forecastExceedsOn == UTCDay("2026-12-20"))

        // Earlier in the month: nothing crossed yet, the same rate.
        let early = try #require(try store.budgetStatuses([budget], asOf: UTCDay("2026-12-04")!, config: UsageConfig()).first)
        #expect(early.crossed.isEmpty && approximately(early.spentUSD, 20))
        #expect(early.forecastCrossings.map(\.on.description) == ["2026-12-10", "2026-12-15", "2026-12-18"])

        // A budget the forecast stays under has no exceed date.
        let big = try #require(try store.budgetStatuses([Budget(name: "big", amountUSD: 1000)], asOf: UTCDay("2026-12-10")!, config: UsageConfig()).first)
        #expect(big.forecastExceedsOn == nil && big.forecastCrossings.isEmpty && big.crossed.isEmpty)
    }

    @Test func anExceededBudgetGivesTheDayItReached100Percent() throws {
        let store = try Self.store(from: "2026-12-01", through: "2026-12-25")
        let status = try #require(try store.budgetStatuses([Budget(name: "all", amountUSD: 100)], asOf: UTCDay("2026-12-25")!, config: UsageConfig()).first)
        #expect(status.crossed == [50, 75, 90])
        #expect(approximately(status.percent, 125))
        #expect(status.forecastExceedsOn == UTCDay("2026-12-20"))
        // Spend after --as-of is not counted.
        let earlier = try #require(try store.budgetStatuses([Budget(name: "all", amountUSD: 100)], asOf: UTCDay("2026-12-19")!, config: UsageConfig()).first)
        #expect(approximately(earlier.spentUSD, 95) && earlier.crossed == [50, 75, 90])
    }

    @Test func periodsAndScopes() throws {
        // 2026-12-02 is a Wednesday: its week runs Monday 11-30 to Sunday 12-06.
        #expect(Budget.Period.week.bounds(containing: UTCDay("2026-12-02")!) == (UTCDay("2026-11-30")!, UTCDay("2026-12-06")!))
        #expect(Budget.Period.month.bounds(containing: UTCDay("2028-02-10")!).last == UTCDay("2028-02-29"))
        let store = try Self.store(from: "2026-11-28", through: "2026-12-03")
        let config = try usageConfig("teams:\n  payments: {litellm_teams: [t-1]}\n")
        let asOf = UTCDay("2026-12-02")!
        func spent(_ scope: UsageScope, _ period: Budget.Period = .month) throws -> Double {
            try store.budgetStatuses([Budget(name: "b", scope: scope, period: period, amountUSD: 100)], asOf: asOf, config: config)[0].spentUSD
        }
        #expect(try spent(UsageScope()) == 10)
        #expect(try spent(UsageScope(), .week) == 15)
        #expect(try spent(UsageScope(), .day) == 5)
        #expect(try spent(UsageScope(dimension: .team, value: "payments")) == 10)
        #expect(try spent(UsageScope(dimension: .team, value: "sales")) == 0)
        #expect(try spent(UsageScope(dimension: .template, value: "support/ticket-summary")) == 10)
        #expect(try spent(UsageScope(dimension: .project, value: "proj_abc")) == 10)
        #expect(try spent(UsageScope(dimension: .model, value: "gpt-4o")) == 10)  // dated variants match
        #expect(try spent(UsageScope(dimension: .model, value: "gpt-4o-mini")) == 0)
    }

    @Test func budgetsConfigIsChecked() throws {
        let config = try usageConfig("""
            budgets:
              - name: payments-monthly
                scope: {team: payments}
                period: month
                amount_usd: 500
              - name: summary-weekly
                scope: {template: support/ticket-summary}
                period: week
                amount_usd: 20
                thresholds: [90, 50]
            """)
        #expect(config.budgets.map(\.name) == ["payments-monthly", "summary-weekly"])
        #expect(config.budgets[0].thresholds == [50, 75, 90] && config.budgets[0].scope == UsageScope(dimension: .team, value: "payments"))
        #expect(config.budgets[1].thresholds == [50, 90] && config.budgets[1].period == .week)
        let bad = try #require(throws: SourceError.self) { _ = try usageConfig("budgets:\n  - name: x\n    period: year\n    amount_usd: 5\n") }
        #expect(bad.description == ".promptlint.yml:3:13: 'period' must be one of: day, week, month")
        let noAmount = try #require(throws: SourceError.self) { _ = try usageConfig("budgets:\n  - name: x\n") }
        #expect(noAmount.description.contains("budget 'x' needs 'amount_usd'"))
        let scope = try #require(throws: SourceError.self) { _ = try usageConfig("budgets:\n  - {name: x, amount_usd: 5, scope: {teem: a}}\n") }
        #expect(scope.description.contains("unknown key 'teem' in 'scope'; did you mean 'team'?"))
    }

    @Test func notifiesEachThresholdOncePerPeriodAndRetriesFailedPosts() throws {
        let store = try Self.store(from: "2026-12-01", through: "2026-12-20")
        let budget = Budget(name: "all", amountUSD: 100)
        // The first post fails (HTTP 500); the others succeed.
        let server = try LoopbackHTTPServer(statuses: [500])
        let notifier = BudgetNotifier(url: URL(string: server.url)!)
        let asOf10 = try store.budgetStatuses([budget], asOf: UTCDay("2026-12-10")!, config: UsageConfig())
        let first = try notifier.notify(asOf10, store: store)
        #expect(first.sent.isEmpty && first.failed.count == 1 && first.failed[0].contains("HTTP 500"))
        // The next run retries 50%; a run after that sends nothing new.
        let second = try notifier.notify(asOf10, store: store)
        #expect(second.sent == ["all 50%"] && second.failed.isEmpty)
        #expect(try notifier.notify(asOf10, store: store) == BudgetNotifier.Outcome())
        // Later in the month 75% and 90% are crossed: each is posted once.
        let asOf18 = try store.budgetStatuses([budget], asOf: UTCDay("2026-12-18")!, config: UsageConfig())
        #expect(try notifier.notify(asOf18, store: store).sent == ["all 75%", "all 90%"])
        #expect(try notifier.notify(asOf18, store: store).sent.isEmpty)
        #expect(server.bodies.count == 4)
        let body = try #require(try JSONSerialization.jsonObject(with: Data(server.bodies[1].utf8)) as? [String: Any])
        let text = try #require(body["text"] as? String)
        #expect(text.hasPrefix("Budget alert: 50% of all reached. all (everything, month 2026-12-01/2026-12-31): $50.00 of $100.00 (50.0%)"))
        #expect(try store.alerts(budget: "all").map(\.attempts) == [2, 1, 1])
    }

    @Test func anUnreachableWebhookIsReportedNotLost() throws {
        let store = try Self.store(from: "2026-12-01", through: "2026-12-10")
        let statuses = try store.budgetStatuses([Budget(name: "all", amountUSD: 100)], asOf: UTCDay("2026-12-10")!, config: UsageConfig())
        // A loopback port nobody listens on.
        let closed = try LoopbackHTTPServer()
        let url = URL(string: closed.url)!
        closed.stop()
        let outcome = try BudgetNotifier(url: url).notify(statuses, store: store)
        #expect(outcome.failed.count == 1 && outcome.sent.isEmpty)
        #expect(try store.alerts(budget: "all").map(\.sent) == [false])
    }
}

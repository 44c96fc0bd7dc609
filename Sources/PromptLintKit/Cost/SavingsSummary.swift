/// `cost --savings`: this month's cost and what each lever would save, in USD per month and as a
/// share of the cost. Levers: safe wording fixes (input tokens `compress` saves), caching order
/// (PL602), model tier (PL603). Output caps are not a lever here: an answer is paid for the tokens
/// it has, and a template without `expected_output_tokens` is already priced at its cap.
public struct SavingsSummary: Sendable {
    public struct Lever: Sendable, Equatable {
        public var name: String
        public var usdPerMonth: Double
    }

    public var costPerMonth: Double
    public var levers: [Lever]

    public init(report: CostReport, wording: Double) {
        costPerMonth = report.totalPerMonth
        func sum(_ rule: String) -> Double { report.costs.reduce(0) { $0 + $1.savings.filter { $0.rule == rule }.reduce(0) { $0 + $1.usdPerMonth } } }
        levers = [Lever(name: "wording fixes", usdPerMonth: wording), Lever(name: "caching order (PL602)", usdPerMonth: sum("PL602")),
                  Lever(name: "model tier (PL603)", usdPerMonth: sum("PL603"))]
    }

    public func share(_ amount: Double) -> Double { costPerMonth > 0 ? amount / costPerMonth : 0 }

    public var text: String {
        var out = "this month: \(Money.format(costPerMonth))\n"
        for lever in levers {
            out += "  \(lever.name.padding(toLength: 22, withPad: " ", startingAt: 0))  saves \(Money.format(lever.usdPerMonth))/month  (\(CostReport.percent(share(lever.usdPerMonth))))\n"
        }
        return out
    }

    public var json: JSONValue {
        .object([
            ("cost_per_month_usd", .double(costPerMonth)),
            ("levers", .array(levers.map { .object([("lever", .string($0.name)), ("usd_per_month", .double($0.usdPerMonth)), ("share", .double(share($0.usdPerMonth)))]) })),
        ])
    }
}

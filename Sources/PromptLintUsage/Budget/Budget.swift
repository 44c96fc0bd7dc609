import PromptLintKit

/// One entry of `budgets:`: an amount per period for a slice of the spend.
///
///     budgets:
///       - name: payments-monthly
///         scope: {team: payments}     # or {template: NAME}, {project: ID}, {model: NAME}, {} = everything
///         period: month               # day | week (Monday to Sunday) | month
///         amount_usd: 500
///         thresholds: [50, 75, 90]    # the default
public struct Budget: Sendable, Equatable {
    public enum Period: String, Sendable, CaseIterable {
        case day, week, month

        /// The period that contains `day`: its first and last day (inclusive).
        public func bounds(containing day: UTCDay) -> (first: UTCDay, last: UTCDay) {
            switch self {
            case .day: return (day, day)
            case .week:
                let monday = day.adding(days: -day.weekday)
                return (monday, monday.adding(days: 6))
            case .month:
                let (y, m, _) = day.civil
                return (UTCDay(year: y, month: m, day: 1), UTCDay(year: y, month: m, day: UTCDay.daysInMonth(year: y, month: m)))
            }
        }
    }

    public static let defaultThresholds: [Double] = [50, 75, 90]
    static let allowedKeys = ["name", "scope", "period", "amount_usd", "thresholds"]

    public var name: String
    public var scope: UsageScope
    public var period: Period
    public var amountUSD: Double
    public var thresholds: [Double]

    public init(name: String, scope: UsageScope = UsageScope(), period: Period = .month, amountUSD: Double, thresholds: [Double] = Budget.defaultThresholds) {
        self.name = name
        self.scope = scope
        self.period = period
        self.amountUSD = amountUSD
        self.thresholds = thresholds
    }

    static func list(_ node: YAMLNode?, reading: YAMLReading) throws(SourceError) -> [Budget] {
        guard let node, !reading.isNull(node) else { return [] }
        guard let items = node.sequence else { throw reading.fail(node, "'budgets' must be a list of budgets, found \(node.typeDescription)") }
        var budgets: [Budget] = []
        for item in items {
            var name: String?
            var scope = UsageScope()
            var period = Period.month
            var amount: Double?
            var thresholds = defaultThresholds
            for (key, value) in try reading.pairs(item, "budgets[]", allowed: allowedKeys) {
                switch key {
                case "name": name = try reading.string(value, "name")
                case "scope": scope = try UsageScope(node: value, reading: reading)
                case "period":
                    let text = try reading.string(value, "period")
                    guard let parsed = Period(rawValue: text) else { throw reading.fail(value, "'period' must be one of: day, week, month") }
                    period = parsed
                case "amount_usd":
                    let value = (try reading.number(value, "amount_usd"), value)
                    guard value.0 > 0 else { throw reading.fail(value.1, "'amount_usd' must be greater than 0") }
                    amount = value.0
                default:
                    guard let list = value.sequence, !list.isEmpty else { throw reading.fail(value, "'thresholds' must be a non-empty list of percentages") }
                    thresholds = []
                    for entry in list {
                        let percent = try reading.number(entry, "thresholds")
                        guard percent > 0 else { throw reading.fail(entry, "a threshold must be a percentage greater than 0") }
                        thresholds.append(percent)
                    }
                    thresholds.sort()
                }
            }
            guard let name else { throw reading.fail(item, "a budget needs a 'name'") }
            guard let amount else { throw reading.fail(item, "budget '\(name)' needs 'amount_usd'") }
            if budgets.contains(where: { $0.name == name }) { throw reading.fail(item, "two budgets are named '\(name)'") }
            budgets.append(Budget(name: name, scope: scope, period: period, amountUSD: amount, thresholds: thresholds))
        }
        return budgets
    }
}

/// Which rows a budget counts: all of them, or one team, template, project or model.
public struct UsageScope: Sendable, Equatable {
    public enum Dimension: String, Sendable, CaseIterable { case team, template, project, model }
    public var dimension: Dimension?
    public var value: String?

    public init(dimension: Dimension? = nil, value: String? = nil) {
        self.dimension = dimension
        self.value = value
    }

    init(node: YAMLNode, reading: YAMLReading) throws(SourceError) {
        let pairs = try reading.pairs(node, "scope", allowed: Dimension.allCases.map(\.rawValue))
        guard pairs.count <= 1 else { throw reading.fail(node, "a scope names one of team, template, project or model (or is {} for everything)") }
        if let (key, value) = pairs.first {
            dimension = Dimension(rawValue: key)
            self.value = try reading.string(value, "scope.\(key)")
        }
    }

    public var description: String {
        guard let dimension, let value else { return "everything" }
        return "\(dimension.rawValue) \(value)"
    }
}

/// Everything `promptlint report --html` shows, computed before any HTML is written, so the pages
/// are pure functions of this value (and tests can build one by hand).
///
/// Cost and spend arrive as plain values: today's cost is tokens × the registry's prices; spend,
/// budgets and per-lever savings come from the usage store and cost model when a project has them,
/// and each part of the page says how to get its data when it is absent.
public struct SiteModel: Sendable {
    /// The library's name in titles (the folder, or the project's).
    public var title: String
    /// When the report was generated (UTC, ISO 8601), printed in each page's footer.
    public var generatedAt: String
    /// Where the prices come from ("built-in list prices as of 2025-11-24").
    public var pricesNote: String
    public var templates: [TemplateEntry]
    /// Nil when no usage has been imported.
    public var spend: SpendData?
    /// Savings available per lever, USD per month (empty when no volumes are known).
    public var savings: [LeverSaving]

    public init(title: String, generatedAt: String, pricesNote: String, templates: [TemplateEntry], spend: SpendData? = nil,
                savings: [LeverSaving] = []) {
        self.title = title
        self.generatedAt = generatedAt
        self.pricesNote = pricesNote
        self.templates = templates
        self.spend = spend
        self.savings = savings
    }
}

/// One template: its catalogue row and the data of its own page.
public struct TemplateEntry: Sendable {
    public var name: String
    /// File path as given to the loader (relative to the working folder).
    public var file: String
    public var description: String?
    public var tags: [String]
    /// The model the template is priced with (its own, or the project's default).
    public var model: String
    /// True when the model's tokenizer is not public or the model is unknown.
    public var isEstimate: Bool
    /// Prompt tokens sent per call (messages plus chat framing, as `tokens` counts them).
    public var inputTokens: Int
    public var maxOutputTokens: Int?
    /// USD; nil when the model has no known price.
    public var costPerCall: Double?
    public var callsPerMonth: Int?
    /// USD; nil without a known volume or price.
    public var costPerMonth: Double? {
        guard let costPerCall, let callsPerMonth else { return nil }
        return costPerCall * Double(callsPerMonth)
    }
    public var variables: [VariableDeclaration]
    public var messages: [MessageView]
    /// Every lint finding of the template (same ranges as `lint`).
    public var findings: [Diagnostic]
    /// The compressed variant, message by message; empty when compress changes nothing.
    public var compression: [MessageDiff]
    public var tokensSavedByCompression: Int
    /// Newest first; empty outside git or when the file has no commits.
    public var history: [CommitChange]

    public init(name: String, file: String, description: String?, tags: [String], model: String, isEstimate: Bool,
                inputTokens: Int, maxOutputTokens: Int?, costPerCall: Double?, callsPerMonth: Int?, variables: [VariableDeclaration],
                messages: [MessageView], findings: [Diagnostic], compression: [MessageDiff] = [], tokensSavedByCompression: Int = 0,
                history: [CommitChange] = []) {
        self.name = name
        self.file = file
        self.description = description
        self.tags = tags
        self.model = model
        self.isEstimate = isEstimate
        self.inputTokens = inputTokens
        self.maxOutputTokens = maxOutputTokens
        self.costPerCall = costPerCall
        self.callsPerMonth = callsPerMonth
        self.variables = variables
        self.messages = messages
        self.findings = findings
        self.compression = compression
        self.tokensSavedByCompression = tokensSavedByCompression
        self.history = history
    }
}

/// A message as written in its file: the source lines that hold it, so findings can be marked at
/// their exact byte ranges (lint reports file ranges, not ranges of the decoded text).
public struct MessageView: Sendable {
    public var role: String
    public var tokens: Int
    /// The file's bytes from the start of the message's first line to the end of its last line.
    public var source: [UInt8]
    /// File offset of `source[0]`.
    public var sourceOffset: Int
    /// 1-based line number of the first source line.
    public var firstLine: Int

    public init(role: String, tokens: Int, source: [UInt8], sourceOffset: Int, firstLine: Int) {
        self.role = role
        self.tokens = tokens
        self.source = source
        self.sourceOffset = sourceOffset
        self.firstLine = firstLine
    }
}

/// One message's original and compressed text.
public struct MessageDiff: Sendable {
    public var role: String
    public var lines: [UnifiedDiff.Line]
    public var tokensBefore: Int
    public var tokensAfter: Int

    public init(role: String, lines: [UnifiedDiff.Line], tokensBefore: Int, tokensAfter: Int) {
        self.role = role
        self.lines = lines
        self.tokensBefore = tokensBefore
        self.tokensAfter = tokensAfter
    }
}

/// A commit that touched a template's file, with what it did to the cost of one call.
public struct CommitChange: Sendable {
    public var hash: String
    /// YYYY-MM-DD (author date, UTC).
    public var date: String
    public var author: String
    public var subject: String
    /// Prompt tokens of the template after the commit (nil: the template did not exist or did not load).
    public var inputTokens: Int?
    /// Change in cost per call against the commit before (nil: no price, or no earlier version).
    public var costPerCallChange: Double?

    public init(hash: String, date: String, author: String, subject: String, inputTokens: Int?, costPerCallChange: Double?) {
        self.hash = hash
        self.date = date
        self.author = author
        self.subject = subject
        self.inputTokens = inputTokens
        self.costPerCallChange = costPerCallChange
    }
}

/// A lever that lowers the bill, and what it would save each month.
public struct LeverSaving: Sendable {
    /// "wording", "output caps", "caching order", "model tier".
    public var lever: String
    public var usdPerMonth: Double
    /// How many templates it applies to.
    public var templates: Int

    public init(lever: String, usdPerMonth: Double, templates: Int) {
        self.lever = lever
        self.usdPerMonth = usdPerMonth
        self.templates = templates
    }
}

/// Spend recorded by the usage store: totals per day, per template, per team, and budgets.
public struct SpendData: Sendable {
    public var days: [DailySpend]
    /// Template name → spend per day.
    public var byTemplate: [String: [DailySpend]]
    public var byTeam: [(team: String, usd: Double)]
    public var budgets: [BudgetStatus]

    public init(days: [DailySpend], byTemplate: [String: [DailySpend]] = [:], byTeam: [(team: String, usd: Double)] = [],
                budgets: [BudgetStatus] = []) {
        self.days = days
        self.byTemplate = byTemplate
        self.byTeam = byTeam
        self.budgets = budgets
    }

    /// Spend per template over the whole range, largest first.
    public var templateTotals: [(template: String, usd: Double)] {
        byTemplate.map { ($0.key, $0.value.reduce(0) { $0 + $1.usd }) }.sorted { ($0.usd, $1.template) > ($1.usd, $0.template) }
    }
}

public struct DailySpend: Sendable, Equatable {
    public var day: CalendarDay
    public var usd: Double

    public init(day: CalendarDay, usd: Double) {
        self.day = day
        self.usd = usd
    }
}

/// A budget in its current period: what is spent, the linear forecast, the thresholds.
public struct BudgetStatus: Sendable {
    public var name: String
    /// "day", "week", "month".
    public var period: String
    public var periodStart: CalendarDay
    /// The period's last day (inclusive).
    public var periodEnd: CalendarDay
    /// The last day with data ("as of").
    public var asOf: CalendarDay
    public var amountUSD: Double
    /// Cumulative spend at the end of each day of the period so far.
    public var cumulative: [DailySpend]
    public var forecastUSD: Double
    /// The day the forecast reaches 100% (nil when it stays under).
    public var forecastExceedsOn: CalendarDay?
    /// Percent marks, 50/75/90 by default.
    public var thresholds: [Int]

    public init(name: String, period: String, periodStart: CalendarDay, periodEnd: CalendarDay, asOf: CalendarDay, amountUSD: Double,
                cumulative: [DailySpend], forecastUSD: Double, forecastExceedsOn: CalendarDay?, thresholds: [Int] = [50, 75, 90]) {
        self.name = name
        self.period = period
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.asOf = asOf
        self.amountUSD = amountUSD
        self.cumulative = cumulative
        self.forecastUSD = forecastUSD
        self.forecastExceedsOn = forecastExceedsOn
        self.thresholds = thresholds
    }

    public var spentUSD: Double { cumulative.last?.usd ?? 0 }
    public var percent: Double { amountUSD > 0 ? spentUSD / amountUSD * 100 : 0 }
    public var crossed: [Int] { thresholds.filter { Double($0) <= percent } }
}

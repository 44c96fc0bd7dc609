import Foundation

/// `promptlint cost`: templates sorted by monthly cost with a total, optionally grouped, as text,
/// JSON or CSV. Every figure is a `TemplateCost` figure; nothing is rounded before the output (CSV
/// prints money to 1e-9 USD and shares to 1e-6).
public struct CostReport: Sendable {
    /// What `--by` groups by.
    public enum Grouping: String, Sendable, CaseIterable {
        case template, model, tag, team
    }

    public struct Group: Sendable {
        public var key: String
        public var templates: Int
        public var callsPerMonth: Int
        public var costPerMonth: Double
        public var costPerMonthWithCache: Double
    }

    /// Sorted by monthly cost, highest first (then by name).
    public let costs: [TemplateCost]
    public let grouping: Grouping
    public let pricesSource: String
    public let pricesDate: String

    public init(costs: [TemplateCost], grouping: Grouping = .template, registry: ModelRegistry) {
        self.costs = costs.sorted { ($0.costPerMonth, $1.name) > ($1.costPerMonth, $0.name) }
        // Kept, not recomputed: every row's share divides by the total.
        totalPerMonth = costs.reduce(0) { $0 + $1.costPerMonth }
        totalPerMonthWithCache = costs.reduce(0) { $0 + $1.costPerMonthWithCache }
        totalCalls = costs.reduce(0) { $0 + $1.callsPerMonth }
        self.grouping = grouping
        pricesSource = registry.prices.source
        pricesDate = registry.pricesDate
    }

    public let totalPerMonth: Double
    public let totalPerMonthWithCache: Double
    public let totalCalls: Int

    /// Share of the total monthly cost, 0–1.
    public func share(_ amount: Double) -> Double { totalPerMonth > 0 ? amount / totalPerMonth : 0 }

    /// Groups for `--by`, highest cost first. A template with several tags counts under each
    /// (tag shares may then add up to more than 100%); one with none under "(none)".
    public var groups: [Group] {
        var byKey: [String: Group] = [:]
        for cost in costs {
            let keys: [String]
            switch grouping {
            case .template: keys = [cost.name]
            case .model: keys = [cost.model]
            case .tag: keys = cost.tags.isEmpty ? ["(none)"] : Array(Set(cost.tags))
            case .team: keys = [cost.team ?? "(none)"]
            }
            for key in keys {
                var group = byKey[key] ?? Group(key: key, templates: 0, callsPerMonth: 0, costPerMonth: 0, costPerMonthWithCache: 0)
                group.templates += 1
                group.callsPerMonth += cost.callsPerMonth
                group.costPerMonth += cost.costPerMonth
                group.costPerMonthWithCache += cost.costPerMonthWithCache
                byKey[key] = group
            }
        }
        return byKey.values.sorted { ($0.costPerMonth, $1.key) > ($1.costPerMonth, $0.key) }
    }

    // MARK: JSON

    public static func json(_ cost: TemplateCost) -> JSONValue {
        .object([
            ("name", .string(cost.name)),
            ("file", .string(cost.file)),
            ("model", .string(cost.model)),
            ("input_tokens", .int(cost.inputTokens)),
            ("output_tokens", .int(cost.outputTokens)),
            ("output_is_upper_bound", .bool(cost.outputIsUpperBound)),
            ("calls_per_month", .int(cost.callsPerMonth)),
            ("cost_per_call_usd", .double(cost.costPerCall)),
            ("cost_per_month_usd", .double(cost.costPerMonth)),
            ("cached_input_tokens", .int(cost.cachedInputTokens)),
            ("cost_per_month_with_cache_usd", .double(cost.costPerMonthWithCache)),
            ("savings", .array(cost.savings.map { .object([("rule", .string($0.rule)), ("what", .string($0.what)), ("usd_per_month", .double($0.usdPerMonth))]) })),
            ("estimate", .bool(cost.isEstimate)),
            ("notes", .array(cost.notes.map(JSONValue.string))),
        ])
    }

    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("prices", .object([("source", .string(pricesSource)), ("date", .string(pricesDate)), ("currency", .string("USD"))])),
            ("templates", .array(costs.map(Self.json))),
        ]
        if grouping != .template {
            pairs.append(("by", .string(grouping.rawValue)))
            pairs.append(("groups", .array(groups.map { group in
                .object([("key", .string(group.key)), ("templates", .int(group.templates)), ("calls_per_month", .int(group.callsPerMonth)),
                         ("cost_per_month_usd", .double(group.costPerMonth)), ("cost_per_month_with_cache_usd", .double(group.costPerMonthWithCache)),
                         ("share", .double(share(group.costPerMonth)))])
            })))
        }
        pairs.append(("total", .object([
            ("templates", .int(costs.count)),
            ("calls_per_month", .int(totalCalls)),
            ("cost_per_month_usd", .double(totalPerMonth)),
            ("cost_per_month_with_cache_usd", .double(totalPerMonthWithCache)),
        ])))
        return .object(pairs)
    }

    // MARK: CSV

    /// One row per template (or per group with `--by`), RFC 4180 quoting.
    public var csv: String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        // Sums of binary fractions print as 2095.1868900000004: money to a billionth of a dollar and
        // shares to a millionth, trailing zeros dropped, are exact for every price in the table.
        func number(_ value: Double, places: Int = 9) -> String {
            var text = String(format: "%.\(places)f", value)
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
            return text == "-0" ? "0" : text
        }
        var lines: [String]
        if grouping == .template {
            lines = ["name,file,model,input_tokens,output_tokens,output_is_upper_bound,calls_per_month,cost_per_call_usd,cost_per_month_usd,cached_input_tokens,cost_per_month_with_cache_usd"]
            for cost in costs {
                lines.append([field(cost.name), field(cost.file), field(cost.model), String(cost.inputTokens), String(cost.outputTokens),
                              String(cost.outputIsUpperBound), String(cost.callsPerMonth), number(cost.costPerCall), number(cost.costPerMonth),
                              String(cost.cachedInputTokens), number(cost.costPerMonthWithCache)].joined(separator: ","))
            }
        } else {
            lines = ["\(grouping.rawValue),templates,calls_per_month,cost_per_month_usd,cost_per_month_with_cache_usd,share"]
            for group in groups {
                lines.append([field(group.key), String(group.templates), String(group.callsPerMonth), number(group.costPerMonth),
                              number(group.costPerMonthWithCache), number(share(group.costPerMonth), places: 6)].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    // MARK: Text

    /// A table for people: highest cost first, a total, and what the figures assume.
    public var text: String {
        var rows: [[String]]
        if grouping == .template {
            rows = [["template", "model", "in", "out", "$/call", "calls/mo", "$/month", "share"]]
            for cost in costs {
                rows.append([cost.name, cost.model + (cost.isEstimate ? "*" : ""), String(cost.inputTokens),
                             String(cost.outputTokens) + (cost.outputIsUpperBound ? "≤" : ""),
                             cost.modelInfo == nil ? "?" : Money.format(cost.costPerCall), cost.callsDeclared ? Self.grouped(cost.callsPerMonth) : "-",
                             Money.format(cost.costPerMonth), Self.percent(share(cost.costPerMonth))])
            }
        } else {
            rows = [[grouping.rawValue, "templates", "calls/mo", "$/month", "with cache", "share"]]
            for group in groups {
                rows.append([group.key, String(group.templates), Self.grouped(group.callsPerMonth), Money.format(group.costPerMonth),
                             Money.format(group.costPerMonthWithCache), Self.percent(share(group.costPerMonth))])
            }
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var out = rows.map { row in
            row.enumerated().map { column, cell in
                column == 0 || (grouping == .template && column == 1) ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
        out += "total: \(Money.format(totalPerMonth))/month for \(Self.grouped(totalCalls)) calls over \(costs.count) template\(costs.count == 1 ? "" : "s")"
        out += "; with prompt caching of static prefixes: \(Money.format(totalPerMonthWithCache))/month\n"
        let undeclared = costs.filter { !$0.callsDeclared }.count
        if undeclared > 0 { out += "\(undeclared) template\(undeclared == 1 ? "" : "s") \(undeclared == 1 ? "declares" : "declare") no calls_per_month (set default_calls_per_month in .promptlint.yml)\n" }
        if costs.contains(where: \.outputIsUpperBound) { out += "≤: no expected_output_tokens, the output cap is priced (an upper bound)\n" }
        if costs.contains(where: \.isEstimate) { out += "*: token counts are estimates (the model's tokenizer is not public)\n" }
        let unknown = Set(costs.filter { $0.modelInfo == nil }.map(\.model)).sorted()
        if !unknown.isEmpty { out += "?: unknown model\(unknown.count == 1 ? "" : "s") \(unknown.joined(separator: ", ")), not priced\n" }
        out += "prices: \(pricesSource), \(pricesDate) (USD; --prices FILE for a newer LiteLLM table)\n"
        return out
    }

    static func percent(_ fraction: Double) -> String { String(format: "%.1f%%", fraction * 100) }

    /// 40000 → "40,000".
    static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var out = ""
        for (index, character) in digits.reversed().enumerated() {
            if index > 0, index % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return String(out.reversed())
    }
}

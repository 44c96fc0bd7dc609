/// The overview at the top of index.html: spend and forecast against each budget, spend per day,
/// the most expensive templates and teams, and the savings available per lever.
enum OverviewSection {
    static func render(_ model: SiteModel) -> String {
        let templates = model.templates
        let findings = templates.reduce(0) { $0 + $1.findings.count }
        var html = "<section id=\"overview\">\n<h1>\(HTML.escape(model.title))</h1>\n"
        html += "<div class=\"cards\">"
        html += card("\(templates.count)", "templates", id: "template-count")
        html += card("\(findings)", "lint findings", id: "finding-count")
        let monthly = templates.compactMap(\.costPerMonth)
        if !monthly.isEmpty {
            html += card(Money.format(monthly.reduce(0, +)), "per month at declared volumes", id: "monthly-cost")
        }
        if let spend = model.spend {
            html += card(Money.format(spend.days.reduce(0) { $0 + $1.usd }), "spent \(range(spend.days))", id: "spent")
        }
        html += "</div>\n"
        html += budgets(model.spend)
        html += spendPerDay(model.spend)
        html += topTemplates(model)
        html += topTeams(model.spend)
        html += savings(model)
        return html + "</section>\n"
    }

    static func card(_ value: String, _ label: String, id: String) -> String {
        "<div class=\"card\" id=\"\(id)\"><div class=\"value\">\(HTML.escape(value))</div><div class=\"label\">\(HTML.escape(label))</div></div>"
    }

    static func range(_ days: [DailySpend]) -> String {
        guard let first = days.map(\.day).min(), let last = days.map(\.day).max() else { return "" }
        return "\(first) to \(last)"
    }

    static let importHint = """
    <div class="note no-usage"><strong>No usage data yet.</strong> Import what your provider or gateway records \
    (OpenAI or Anthropic usage exports, LiteLLM spend logs, Langfuse traces), then build the report again:\
    <pre>promptlint usage import usage.json\npromptlint report --html site/</pre></div>\n
    """

    static let budgetHint = """
    <div class="note no-budget"><strong>No budgets.</strong> Add one to <code>.promptlint.yml</code> to see spend \
    and forecast against it, with marks at 50, 75 and 90%:<pre>budgets:\n  - name: monthly\n    scope: {}\n    period: month\n    amount_usd: 500</pre></div>\n
    """

    static func budgets(_ spend: SpendData?) -> String {
        var html = "<h2 id=\"budgets\">Budgets</h2>\n"
        guard let spend else { return html + importHint }
        guard !spend.budgets.isEmpty else { return html + budgetHint }
        for budget in spend.budgets {
            let over = budget.forecastUSD > budget.amountUSD
            html += "<div class=\"budget\(over ? " over" : "")\" data-budget=\"\(HTML.escape(budget.name))\">"
            html += "<h3>\(HTML.escape(budget.name)) <span class=\"muted\">\(HTML.escape(budget.period)) \(budget.periodStart) to \(budget.periodEnd)</span></h3>"
            html += "<p><strong class=\"spent\">\(Money.format(budget.spentUSD))</strong> of \(Money.format(budget.amountUSD)) "
            html += "(\(percent(budget.percent))) spent as of \(budget.asOf). Forecast for the period: <strong class=\"forecast\">\(Money.format(budget.forecastUSD))</strong>"
            if let day = budget.forecastExceedsOn {
                html += ", over the budget on <strong class=\"exceeds\">\(day)</strong>"
            }
            html += ".\(budget.crossed.isEmpty ? "" : " Crossed: " + budget.crossed.map { "\($0)%" }.joined(separator: ", ") + ".")</p>"
            html += burnDown(budget)
            html += "</div>\n"
        }
        return html
    }

    /// Cumulative spend so far, the linear forecast to the period's end, and the threshold marks.
    static func burnDown(_ budget: BudgetStatus) -> String {
        var series = [SVGChart.Series(name: "spent", points: budget.cumulative)]
        if let last = budget.cumulative.last, last.day < budget.periodEnd {
            series.append(SVGChart.Series(name: "forecast", points: [last, DailySpend(day: budget.periodEnd, usd: budget.forecastUSD)], style: .forecast))
        }
        let marks = budget.thresholds.map { SVGChart.Mark(value: budget.amountUSD * Double($0) / 100, label: "\($0)%") }
            + [SVGChart.Mark(value: budget.amountUSD, label: "budget \(Money.format(budget.amountUSD))", labelAtStart: true)]
        let dayMarks = budget.forecastExceedsOn.map { [SVGChart.DayMark(day: $0, label: "exceeds \($0.shortLabel)")] } ?? []
        return SVGChart.lines(title: "\(budget.name): spend against \(Money.format(budget.amountUSD))", from: budget.periodStart,
                              to: budget.periodEnd, series: series, marks: marks, dayMarks: dayMarks)
    }

    static func spendPerDay(_ spend: SpendData?) -> String {
        let html = "<h2 id=\"spend\">Spend per day</h2>\n"
        guard let spend else { return html + "<p class=\"muted\">Appears once usage is imported (see above).</p>\n" }
        guard !spend.days.isEmpty else { return html + "<p class=\"muted\">The usage store has no spend in this period.</p>\n" }
        return html + SVGChart.bars(title: "Spend per day, \(range(spend.days))", values: spend.days.sorted { $0.day < $1.day }) + "\n"
    }

    /// Recorded spend per template when usage exists, else the static cost (per month at the
    /// declared volume, or per call).
    static func topTemplates(_ model: SiteModel) -> String {
        var rows: [(name: String, usd: Double)]
        var heading: String
        if let spend = model.spend, !spend.byTemplate.isEmpty {
            rows = spend.templateTotals.map { ($0.template, $0.usd) }
            heading = "Top templates by spend"
        } else if model.templates.contains(where: { $0.costPerMonth != nil }) {
            rows = model.templates.compactMap { entry in entry.costPerMonth.map { (entry.name, $0) } }
            heading = "Top templates by cost per month"
        } else {
            rows = model.templates.compactMap { entry in entry.costPerCall.map { (entry.name, $0) } }
            heading = "Top templates by cost per call"
        }
        rows = Array(rows.sorted { ($0.usd, $1.name) > ($1.usd, $0.name) }.prefix(10))
        let known = Set(model.templates.map(\.name))
        return "<h2 id=\"top-templates\">\(heading)</h2>\n" + barTable(rows.map { row in
            (known.contains(row.name) ? "<a href=\"\(SitePaths.templatePage(row.name))\">\(HTML.escape(row.name))</a>" : HTML.escape(row.name), row.usd)
        }, header: "template")
    }

    static func topTeams(_ spend: SpendData?) -> String {
        guard let spend, !spend.byTeam.isEmpty else { return "" }
        let rows = spend.byTeam.sorted { ($0.usd, $1.team) > ($1.usd, $0.team) }.prefix(10)
        return "<h2 id=\"top-teams\">Top teams by spend</h2>\n" + barTable(rows.map { (HTML.escape($0.team), $0.usd) }, header: "team")
    }

    /// `label` is already HTML.
    static func barTable(_ rows: [(label: String, usd: Double)], header: String) -> String {
        let top = rows.map(\.usd).max() ?? 0
        var html = "<div class=\"table-wrap\"><table class=\"top\"><thead><tr><th>\(header)</th><th class=\"num\">USD</th><th class=\"hide-phone\"></th></tr></thead><tbody>"
        for row in rows {
            let width = top > 0 ? row.usd / top * 100 : 0
            html += "<tr><td>\(row.label)</td><td class=\"num\">\(Money.format(row.usd))</td>"
            html += "<td class=\"hide-phone\" style=\"width:40%\"><span class=\"bar\" style=\"width:\(HTML.coordinate(width))%\"></span></td></tr>"
        }
        return html + "</tbody></table></div>\n"
    }

    static func savings(_ model: SiteModel) -> String {
        var html = "<h2 id=\"savings\">Savings available</h2>\n"
        let tokens = model.templates.reduce(0) { $0 + $1.tokensSavedByCompression }
        let changed = model.templates.filter { $0.tokensSavedByCompression > 0 }.count
        if model.savings.isEmpty {
            html += "<p>Wording: <code>promptlint compress</code> saves <strong id=\"wording-tokens\">\(tokens)</strong> prompt tokens per call of each template, "
            html += "over \(changed) template\(changed == 1 ? "" : "s"). In USD per month this needs a call volume: "
            html += "<code>promptlint report --html site/ --calls-per-month 100000</code>, or usage data.</p>\n"
            return html
        }
        html += "<div class=\"table-wrap\"><table id=\"levers\"><thead><tr><th>lever</th><th class=\"num\">USD / month</th><th class=\"num\">templates</th></tr></thead><tbody>"
        for lever in model.savings {
            html += "<tr data-lever=\"\(HTML.escape(lever.lever))\"><td>\(HTML.escape(lever.lever))</td><td class=\"num\">\(Money.format(lever.usdPerMonth))</td><td class=\"num\">\(lever.templates)</td></tr>"
        }
        return html + "</tbody></table></div>\n"
    }

    static func percent(_ value: Double) -> String {
        String(Int(value.rounded())) + "%"
    }
}

/// One template's page: metadata, variables, each message as written in its file with the lint
/// findings marked at their exact byte ranges, the compressed variant as a diff, spend over
/// time, and the file's git history with the cost change of each commit.
enum TemplatePage {
    static func render(_ entry: TemplateEntry, model: SiteModel) -> String {
        var html = "<h1>\(HTML.escape(entry.name))</h1>\n"
        if let description = entry.description { html += "<p class=\"description\">\(HTML.escape(description))</p>\n" }
        html += metadata(entry)
        html += variables(entry)
        html += messages(entry)
        html += compression(entry)
        html += spend(entry, model.spend)
        html += history(entry, measured: model.spend?.byTemplate[entry.name] != nil)
        return PageLayout.page(title: "\(entry.name) · \(model.title)", root: "../", model: model, body: html)
    }

    static func metadata(_ entry: TemplateEntry) -> String {
        var html = "<dl class=\"meta\">"
        func item(_ label: String, _ value: String, id: String) { html += "<dt>\(label)</dt><dd id=\"\(id)\">\(value)</dd>" }
        item("file", "<code>\(HTML.escape(entry.file))</code>", id: "file")
        item("model", HTML.escape(entry.model) + (entry.isEstimate ? " <span class=\"muted\">(token counts are estimates)</span>" : ""), id: "model")
        item("tags", entry.tags.isEmpty ? "<span class=\"muted\">none</span>" : entry.tags.map { "<span class=\"tag\">\(HTML.escape($0))</span>" }.joined(), id: "tags")
        item("prompt tokens per call", "\(entry.inputTokens)", id: "tokens")
        item("max output tokens", entry.maxOutputTokens.map(String.init) ?? "<span class=\"muted\">not set</span>", id: "max-output")
        item("cost per call", entry.costPerCall.map { "<span data-usd=\"\($0)\">\(Money.format($0))</span>" } ?? "<span class=\"muted\">no price for this model</span>", id: "cost-per-call")
        item("cost per month", entry.costPerMonth.map { "\(Money.format($0)) <span class=\"muted\">at \(entry.callsPerMonth ?? 0) calls</span>" }
             ?? "<span class=\"muted\">needs a call volume</span>", id: "cost-per-month")
        item("lint findings", "\(entry.findings.count)", id: "findings")
        return html + "</dl>\n"
    }

    static func variables(_ entry: TemplateEntry) -> String {
        var html = "<h2>Variables</h2>\n"
        guard !entry.variables.isEmpty else { return html + "<p class=\"muted\">None declared.</p>\n" }
        html += "<div class=\"table-wrap\"><table id=\"variables\"><thead><tr><th>name</th><th>description</th><th>required</th><th>default</th><th>allowed values</th></tr></thead><tbody>"
        for variable in entry.variables {
            html += "<tr><td><code>\(HTML.escape(variable.name))</code></td><td>\(HTML.escape(variable.description ?? ""))</td>"
            html += "<td>\(variable.isRequired ? "yes" : "no")</td><td>\(variable.defaultValue.map { "<code>\(HTML.escape($0))</code>" } ?? "")</td>"
            html += "<td>\(HTML.escape(variable.allowedValues?.joined(separator: ", ") ?? ""))</td></tr>"
        }
        return html + "</tbody></table></div>\n"
    }

    static func messages(_ entry: TemplateEntry) -> String {
        var html = "<h2>Messages</h2>\n"
        var shown: Set<Int> = []
        for (index, message) in entry.messages.enumerated() {
            let range = message.sourceOffset..<(message.sourceOffset + message.source.count)
            let inside = entry.findings.enumerated().filter { range.contains($0.element.range.lowerBound) || (range.upperBound == $0.element.range.lowerBound && $0.element.range.isEmpty) }
            shown.formUnion(inside.map(\.offset))
            html += "<h3>\(HTML.escape(message.role)) <span class=\"muted\">\(message.tokens) tokens</span></h3>\n"
            html += "<pre class=\"source\" id=\"message-\(index)\">\(SourceHighlighter.render(message, findings: inside.map(\.element)))</pre>\n"
            html += findingList(inside.map(\.element))
        }
        let others = entry.findings.enumerated().filter { !shown.contains($0.offset) }.map(\.element)
        if !others.isEmpty {
            html += "<h3>Other findings</h3>\n" + findingList(others)
        }
        return html
    }

    static func findingList(_ findings: [Diagnostic]) -> String {
        guard !findings.isEmpty else { return "" }
        var html = "<div class=\"table-wrap\"><table class=\"findings\"><tbody>"
        for finding in findings {
            html += "<tr class=\"finding-row\" data-code=\"\(HTML.escape(finding.code))\"><td class=\"num\">\(finding.start.line):\(finding.start.column)</td>"
            html += "<td class=\"sev \(finding.severity.rawValue)\">\(finding.severity.rawValue)</td><td><code>\(HTML.escape(finding.code))</code></td>"
            html += "<td>\(HTML.escape(finding.message))\(finding.fix.map { " <span class=\"muted\">fix (\($0.applicability.rawValue)): \(HTML.escape($0.title))</span>" } ?? "")</td></tr>"
        }
        return html + "</tbody></table></div>\n"
    }

    static func compression(_ entry: TemplateEntry) -> String {
        var html = "<h2>Compressed variant</h2>\n"
        guard !entry.compression.isEmpty else {
            return html + "<p class=\"muted\">compress finds nothing that saves tokens here.</p>\n"
        }
        html += "<p><code>promptlint compress --write \(HTML.escape(entry.name))</code> saves <strong id=\"tokens-saved\">\(entry.tokensSavedByCompression)</strong> tokens per call.</p>\n"
        for diff in entry.compression {
            html += "<h3>\(HTML.escape(diff.role)) <span class=\"muted\">\(diff.tokensBefore) → \(diff.tokensAfter) tokens</span></h3>\n<pre class=\"diff\">"
            for line in diff.lines {
                switch line {
                case .same(let text): html += " \(HTML.escape(text))\n"
                case .removed(let text): html += "<del>-\(HTML.escape(text))</del>"
                case .added(let text): html += "<ins>+\(HTML.escape(text))</ins>"
                }
            }
            html += "</pre>\n"
        }
        return html
    }

    static func spend(_ entry: TemplateEntry, _ spend: SpendData?) -> String {
        var html = "<h2>Spend over time</h2>\n"
        guard let spend else { return html + OverviewSection.importHint }
        guard let days = spend.byTemplate[entry.name], !days.isEmpty else {
            return html + "<p class=\"muted\">No recorded calls are attributed to this template.</p>\n"
        }
        let total = days.reduce(0) { $0 + $1.usd }
        html += "<p>\(Money.format(total)) spent \(OverviewSection.range(days)).</p>\n"
        return html + SVGChart.bars(title: "\(entry.name): spend per day", values: days.sorted { $0.day < $1.day }) + "\n"
    }

    /// With usage the per-call change is also priced per month at the measured volume.
    static func history(_ entry: TemplateEntry, measured: Bool) -> String {
        var html = "<h2>History</h2>\n"
        guard !entry.history.isEmpty else { return html + "<p class=\"muted\">No git history for this file.</p>\n" }
        let monthly = measured ? entry.callsPerMonth : nil
        html += "<div class=\"table-wrap\"><table id=\"history\"><thead><tr><th>commit</th><th>date</th><th class=\"hide-phone\">author</th><th>subject</th>"
        html += "<th class=\"num\">tokens</th><th class=\"num\">Δ $/call</th>\(monthly == nil ? "" : "<th class=\"num\">Δ $/month</th>")</tr></thead><tbody>"
        for commit in entry.history {
            html += "<tr><td><code>\(HTML.escape(String(commit.hash.prefix(10))))</code></td><td>\(HTML.escape(commit.date))</td>"
            html += "<td class=\"hide-phone\">\(HTML.escape(commit.author))</td><td>\(HTML.escape(commit.subject))</td>"
            html += "<td class=\"num\">\(commit.inputTokens.map(String.init) ?? "–")</td>"
            html += "<td class=\"num\">\(commit.costPerCallChange.map(signed) ?? "–")</td>"
            if let monthly { html += "<td class=\"num\">\(commit.costPerCallChange.map { signed($0 * Double(monthly)) } ?? "–")</td>" }
            html += "</tr>"
        }
        return html + "</tbody></table></div>\n"
    }

    static func signed(_ usd: Double) -> String {
        usd == 0 ? "0" : (usd > 0 ? "+" : "−") + Money.format(abs(usd))
    }
}

import Foundation
import Testing
@testable import PromptLintKit

/// The generated pages opened in headless Chromium: the DOM a person sees, the script working,
/// no console error and no request leaving the page. Screenshots are saved for review.
@Suite(.enabled(if: BrowserCheck.enabled, "needs chromium (apt-get install chromium; .ci/run installs it)"))
struct ReportBrowserTests {
    /// JS: the catalogue's rows as [{name, cost, tokens}] (visible rows only when `visible`).
    static func rowsScript(visible: Bool) -> String {
        "Array.from(document.querySelectorAll('#templates tbody tr\(visible ? ":not([hidden])" : "")')).map(r => ({name: r.dataset.name, cost: r.dataset.costPerCall, tokens: r.dataset.tokens}))"
    }

    static func setFilter(_ text: String, tag: String = "") -> String {
        "(() => { const f = document.getElementById('filter'); f.value = \(json(text)); f.dispatchEvent(new Event('input')); const t = document.getElementById('tag-filter'); t.value = \(json(tag)); t.dispatchEvent(new Event('change')); return Array.from(document.querySelectorAll('#templates tbody tr:not([hidden])')).map(r => r.dataset.name); })()"
    }

    static func json(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: [text]), as: UTF8.self).dropFirst().dropLast().description
    }

    func expectClean(_ result: BrowserCheck.Result) {
        #expect(result.console.isEmpty, "console errors on \(result.url): \(result.console)")
        #expect(result.exceptions.isEmpty, "exceptions on \(result.url): \(result.exceptions)")
        let outside = result.requests.filter { !$0.hasPrefix("file://") && !$0.hasPrefix("data:") && $0 != "about:blank" }
        #expect(outside.isEmpty, "requests leaving \(result.url): \(outside)")
    }

    @Test func catalogueListsEveryTemplateWithCostsFiltersAndSorts() throws {
        let fixture = try ReportFixture()
        let run = try CLI.run(["report", "--html", "site"], in: fixture.path)
        #expect(run.status == 0, "\(run.stderr)")
        let index = "file://" + fixture.directory.file("site/index.html")
        let shots = BrowserCheck.screenshotFolder
        let results = try BrowserCheck.run([
            BrowserCheck.Page(url: index, steps: [
                Self.rowsScript(visible: true),
                Self.setFilter("route ticket"),
                Self.setFilter("", tag: "billing"),
                Self.setFilter("no template has this"),
                Self.setFilter(""),
                // Sort by $/call twice: ascending, then descending.
                "(() => { const th = Array.from(document.querySelectorAll('#templates th')).find(h => h.textContent === '$/call'); th.click(); const up = Array.from(document.querySelectorAll('#templates tbody tr')).map(r => r.dataset.name); th.click(); return [up, Array.from(document.querySelectorAll('#templates tbody tr')).map(r => r.dataset.name), th.getAttribute('aria-sort')]; })()",
                "document.getElementById('shown-count').textContent",
            ], screenshot: shots + "/catalogue-no-usage-desktop.png"),
            BrowserCheck.Page(url: index, width: 390, height: 844, screenshot: shots + "/catalogue-no-usage-phone.png"),
            BrowserCheck.Page(url: "file://" + fixture.directory.file("site/" + SitePaths.templatePage("support/reply")),
                              steps: ["document.querySelectorAll('pre.source mark.finding').length", "document.querySelectorAll('pre.diff del').length",
                                      "document.querySelector('h1').textContent"],
                              screenshot: shots + "/template-desktop.png"),
            BrowserCheck.Page(url: "file://" + fixture.directory.file("site/" + SitePaths.templatePage(ReportFixture.hostile)),
                              steps: ["document.querySelector('h1').textContent", "document.scripts.length"]),
        ])
        for result in results { expectClean(result) }

        // Every template listed, with the numbers `promptlint tokens --format json` gives.
        let rows = try #require(results[0].steps[0] as? [[String: Any]])
        #expect(rows.compactMap { $0["name"] as? String }.sorted() == fixture.names)
        let figures = try fixture.tokenFigures()
        for row in rows {
            let name = row["name"] as? String ?? ""
            let figure = try #require(figures[name], "\(name)")
            #expect(Int(row["tokens"] as? String ?? "") == figure.tokens, "\(name)")
            if let perCall = figure.costPerCall {
                #expect(abs((Double(row["cost"] as? String ?? "") ?? -1) - perCall) <= perCall * 1e-12, "\(name)")
            }
        }
        // The filter box and the tag filter narrow the list; clearing shows everything again.
        let routed = try #require(results[0].steps[1] as? [String])
        #expect(routed.sorted() == (0..<6).map { "team/t\($0)" })
        let billing = try #require(results[0].steps[2] as? [String])
        #expect(billing.sorted() == ["team/t0", "team/t2", "team/t4"])
        #expect((results[0].steps[3] as? [String])?.isEmpty == true)
        #expect((results[0].steps[4] as? [String])?.count == fixture.names.count)
        // Sorting orders rows by the column's number.
        let sorted = try #require(results[0].steps[5] as? [Any])
        let ascending = try #require(sorted[0] as? [String])
        let descending = try #require(sorted[1] as? [String])
        let priced = figures.filter { $0.value.costPerCall != nil }.sorted { $0.value.costPerCall! < $1.value.costPerCall! }.map(\.key)
        #expect(ascending.filter { priced.contains($0) } == priced)
        #expect(descending.filter { priced.contains($0) } == priced.reversed())
        #expect(sorted[2] as? String == "descending")
        #expect(results[0].steps[6] as? String == "\(fixture.names.count)")

        // The template page marks its findings and shows the compressed variant.
        #expect((results[2].steps[0] as? Int ?? 0) >= 3)
        #expect((results[2].steps[1] as? Int ?? 0) >= 1)
        #expect(results[2].steps[2] as? String == "support/reply")
        // A template named <script> renders as text, and its page runs no script.
        #expect(results[3].steps[0] as? String == ReportFixture.hostile)
        #expect(results[3].steps[1] as? Int == 0)
    }

    @Test func overviewWithUsageDrawsBudgetsAndSpend() throws {
        let fixture = try ReportFixture()
        let workspace = try Workspace(configPath: nil, libraryOverride: fixture.directory.file("prompts"))
        let library = workspace.loadLibrary()
        let builder = SiteBuilder(configuration: try LintConfiguration.resolve(workspace.config), callsPerMonth: 40_000)
        let spend = ReportFixture.spend(for: fixture.names)
        let model = builder.build(library: library, title: "Prompt library: support", generatedAt: "2026-12-14T12:00:00Z", spend: spend)
        let folder = fixture.directory.file("site")
        try SiteWriter.write(model, to: folder)
        let shots = BrowserCheck.screenshotFolder
        let results = try BrowserCheck.run([
            BrowserCheck.Page(url: "file://\(folder)/index.html", steps: [
                "document.querySelectorAll('.budget svg.chart').length",
                "document.querySelector('.budget .spent').textContent",
                "document.querySelector('.budget .exceeds').textContent",
                "Array.from(document.querySelectorAll('.budget svg .mark text')).map(t => t.textContent)",
                "document.querySelectorAll('#spend + svg rect').length",
                "Array.from(document.querySelectorAll('#top-teams + .table-wrap td:first-child')).map(t => t.textContent)",
                "document.querySelector('#levers tr[data-lever=wording] td.num').textContent",
            ], screenshot: shots + "/overview-desktop.png"),
            BrowserCheck.Page(url: "file://\(folder)/index.html", width: 390, height: 844, screenshot: shots + "/overview-phone.png"),
            BrowserCheck.Page(url: "file://\(folder)/" + SitePaths.templatePage(fixture.names[0]),
                              steps: ["document.querySelectorAll('svg.chart rect').length"], screenshot: shots + "/template-usage-desktop.png"),
        ])
        for result in results { expectClean(result) }
        let budget = spend.budgets[0]
        #expect(results[0].steps[0] as? Int == 1)
        #expect(results[0].steps[1] as? String == Money.format(budget.spentUSD))
        #expect(results[0].steps[2] as? String == budget.forecastExceedsOn?.description)
        let marks = try #require(results[0].steps[3] as? [String])
        #expect(marks.contains("50%") && marks.contains("75%") && marks.contains("90%") && marks.contains { $0.hasPrefix("exceeds") })
        #expect(results[0].steps[4] as? Int == spend.days.count)
        #expect(results[0].steps[5] as? [String] == ["payments", "<team>"])
        let wording = model.savings.first { $0.lever == "wording" }
        #expect(results[0].steps[6] as? String == wording.map { Money.format($0.usdPerMonth) })
        #expect(results[2].steps[0] as? Int == spend.byTemplate[fixture.names[0]]?.count)
    }
}

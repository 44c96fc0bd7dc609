import Foundation
import Testing
@testable import PromptLintKit

@Suite struct ReportCommandTests {
    /// (name, attribute) of every catalogue row, read from the HTML.
    static func rows(_ html: String, attribute: String) -> [String: String] {
        var rows: [String: String] = [:]
        let pattern = try! NSRegularExpression(pattern: "<tr data-name=\"([^\"]*)\"[^>]* \(attribute)=\"([^\"]*)\"")
        for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            let name = String(html[Range(match.range(at: 1), in: html)!])
            rows[unescape(name)] = String(html[Range(match.range(at: 2), in: html)!])
        }
        return rows
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func writesIndexAndOnePagePerTemplateWithTheTokensCommandsNumbers() throws {
        let fixture = try ReportFixture()
        let result = try CLI.run(["report", "--html", "site"], in: fixture.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("wrote \(fixture.names.count + 1) pages"))
        let index = try fixture.directory.read("site/index.html")
        let costs = Self.rows(index, attribute: "data-cost-per-call")
        let tokens = Self.rows(index, attribute: "data-tokens")
        #expect(costs.keys.sorted() == fixture.names)
        for (name, figure) in try fixture.tokenFigures() {
            // Equal up to JSON's decimal round trip (Foundation's parser can be one ulp off).
            if let perCall = figure.costPerCall {
                #expect(abs((Double(costs[name] ?? "") ?? -1) - perCall) <= perCall * 1e-12, "\(name)")
            } else {
                #expect(costs[name] == "", "\(name)")
            }
            #expect(Int(tokens[name] ?? "") == figure.tokens, "\(name)")
            #expect(FileManager.default.fileExists(atPath: fixture.directory.file("site/" + SitePaths.templatePage(name))), "\(name)")
        }
    }

    @Test func everyUserStringIsText() throws {
        let fixture = try ReportFixture()
        _ = try CLI.run(["report", "--html", "site"], in: fixture.path)
        let index = try fixture.directory.read("site/index.html")
        let page = try fixture.directory.read("site/" + SitePaths.templatePage(ReportFixture.hostile))
        for html in [index, page] {
            // The only scripts are ours: one inline script on the index, none on template pages.
            #expect(html.components(separatedBy: "<script>").count - 1 == (html == index ? 1 : 0))
            #expect(!html.contains("<img") && !html.contains("<b>tag"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
        #expect(page.contains("&lt;/pre&gt;&lt;script&gt;alert(3)&lt;/script&gt;"))
        #expect(index.contains("&lt;img src=x onerror=alert(2)&gt; &amp; friends"))
    }

    @Test func withoutUsageOrBudgetsTheSpendPartsSayHowToImport() throws {
        let fixture = try ReportFixture()
        _ = try CLI.run(["report", "--html", "site"], in: fixture.path)
        let index = try fixture.directory.read("site/index.html")
        #expect(index.contains("class=\"note no-usage\"") && index.contains("promptlint usage import"))
        #expect(!index.contains("<svg"))
        let page = try fixture.directory.read("site/t/team~2Ft1.html")
        #expect(page.contains("promptlint usage import"))
    }

    @Test func templatePageMarksFindingsAtLintSpansAndShowsHistoryAndDiff() throws {
        let fixture = try ReportFixture()
        _ = try CLI.run(["report", "--html", "site"], in: fixture.path)
        let lint = try CLI.run(["lint", "prompts/support-reply.yml", "--format", "json"], in: fixture.path)
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as? [[String: Any]])
        let page = try fixture.directory.read("site/t/support~2Freply.html")
        let file = SourceFile(path: "f", text: try fixture.directory.read("prompts/support-reply.yml"))
        // Each finding inside a message: its exact text (an ASCII file: columns are bytes) is a mark carrying its code.
        var checked = 0
        for finding in findings {
            guard let code = finding["code"] as? String, let line = finding["line"] as? Int, let column = finding["column"] as? Int,
                  let endLine = finding["end_line"] as? Int, let endColumn = finding["end_column"] as? Int, endLine == line, endColumn > column,
                  line >= 10 else { continue }
            let from = file.lineStarts[line - 1] + column - 1
            let text = HTML.escape(String(decoding: file.bytes[from..<(from + endColumn - column)], as: UTF8.self))
            #expect(page.range(of: "data-codes=\"[^\"]*\(code)[^\"]*\"[^>]*>\(NSRegularExpression.escapedPattern(for: text))</mark>", options: .regularExpression) != nil, "\(code) \(text)")
            checked += 1
        }
        #expect(checked >= 2, "\(lint.stdout)")
        #expect(page.contains("<del>-You are a helpful assistant."))
        let history = try fixture.directory.read("site/t/team~2Ft1.html")
        #expect(history.contains("t1: read the whole ticket &lt;first&gt;") && history.contains("Ada &amp; dev"))
        #expect(history.range(of: "<td class=\"num\">\\+\\$0\\.0000[0-9]+</td>", options: .regularExpression) != nil)
    }

    @Test func callsPerMonthPricesMonthsAndWordingSavings() throws {
        let fixture = try ReportFixture()
        _ = try CLI.run(["report", "--html", "site", "--calls-per-month", "100000"], in: fixture.path)
        let index = try fixture.directory.read("site/index.html")
        let monthly = Self.rows(index, attribute: "data-cost-per-month")
        for (name, figure) in try fixture.tokenFigures() {
            guard let perCall = figure.costPerCall else { #expect(monthly[name] == ""); continue }
            #expect(abs((Double(monthly[name] ?? "") ?? -1) - perCall * 100_000) < 1e-9, "\(name)")
        }
        #expect(index.contains("<tr data-lever=\"wording\">"))
    }

    @Test func badArgumentsAreClearErrors() throws {
        let fixture = try ReportFixture()
        try fixture.directory.write("site.html", "not a folder")
        let notFolder = try CLI.run(["report", "--html", "site.html"], in: fixture.path)
        #expect(notFolder.status == 2 && notFolder.stderr.contains("site.html: not a folder"))
        #expect(try fixture.directory.read("site.html") == "not a folder")
        let negative = try CLI.run(["report", "--html", "site", "--calls-per-month", "-5"], in: fixture.path)
        #expect(negative.status == 2)
        let missing = try CLI.run(["report"], in: fixture.path)
        #expect(missing.status == 2 && missing.stderr.contains("--html"))
    }
}

import Foundation
import Testing
@testable import PromptLintUsage

/// The `usage` and `budget` commands, run as a user would.
@Suite struct UsageCommandTests {
    static let template = "model: gpt-4o-mini\nmax_output_tokens: 100\nmessages:\n  - role: user\n    content: Summarize in 3 bullets.\n"
    static let config = """
        models:
          - {name: gpt-4o-mini, input_price: 0.15, output_price: 0.60}
          - {name: gpt-4o, input_price: 2.5, output_price: 10}
        teams:
          payments: {litellm_teams: [t-1]}
        budgets:
          - name: payments-monthly
            scope: {team: payments}
            period: month
            amount_usd: 0.006
          - name: everything
            amount_usd: 100

        """

    func workspace() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory(files: ["prompts/support/ticket-summary.yml": Self.template, ".promptlint.yml": Self.config])
        try FileManager.default.copyItem(atPath: UsageFixtures.path("litellm-spend.csv"), toPath: dir.file("spend.csv"))
        return dir
    }

    @Test func importThenReportAsJSONMatchesTheGoldenFile() throws {
        let dir = try workspace()
        let imported = try CLI.run(["usage", "import", "spend.csv"], in: dir.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "spend.csv: 4 rows (litellm)\nstored: 4 new, 0 updated, 0 unchanged\n")
        #expect(imported.stderr.contains("sales/unknown-draft: 1 rows"))
        #expect(FileManager.default.fileExists(atPath: dir.file(".promptlint/usage.sqlite")))
        let again = try CLI.run(["usage", "import", "spend.csv"], in: dir.path)
        #expect(again.stdout.hasSuffix("stored: 0 new, 0 updated, 4 unchanged\n"))

        let report = try CLI.run(["usage", "report", "--by", "template", "--format", "json"], in: dir.path)
        #expect(report.status == 0, "\(report.stderr)")
        let golden = try String(contentsOfFile: UsageFixtures.path("golden/report-by-template.json"), encoding: .utf8)
        #expect(report.stdout == golden)

        let csv = try CLI.run(["usage", "report", "--by", "day", "--since", "2026-10-31", "--until", "2026-11-02", "--format", "csv"], in: dir.path)
        #expect(csv.stdout == """
            key,requests,input_tokens,cached_input_tokens,output_tokens,cost_usd
            2026-10-31,0,0,0,0,0.000000
            2026-11-01,2,3000,400,1000,0.004000
            2026-11-02,2,2000,0,1000,0.050000

            """)
        let text = try CLI.run(["usage", "report", "--by", "template"], in: dir.path)
        #expect(text.stdout.contains("Not in the library: sales/unknown-draft"))
        let team = try CLI.run(["usage", "report", "--by", "team", "--format", "csv"], in: dir.path)
        #expect(team.stdout.contains("payments,2,3000,400,1000,0.004000"))
        #expect(team.stdout.contains("(unassigned),2,2000,0,1000,0.050000"))
    }

    @Test func badInputExitsWithStatus2AndALocatedMessage() throws {
        let dir = try workspace()
        try FileManager.default.copyItem(atPath: UsageFixtures.path("litellm-bad-row.csv"), toPath: dir.file("bad.csv"))
        let result = try CLI.run(["usage", "import", "spend.csv", "bad.csv"], in: dir.path)
        #expect(result.status == 2)
        #expect(result.stderr == "bad.csv:3:1: prompt_tokens '12x' is not a whole number\n")
        let report = try CLI.run(["usage", "report", "--format", "json"], in: dir.path)
        #expect(report.stdout.contains("\"rows\": []"))  // the good file was not imported either
        let badDay = try CLI.run(["usage", "report", "--since", "2026-13-01"], in: dir.path)
        #expect(badDay.status == 2)
    }

    @Test func budgetExitsOneWhenAThresholdIsCrossedAndNotifiesOnce() throws {
        let dir = try workspace()
        _ = try CLI.run(["usage", "import", "spend.csv"], in: dir.path)
        let server = try LoopbackHTTPServer()
        let result = try CLI.run(["budget", "--as-of", "2026-11-02", "--format", "json", "--notify", server.url], in: dir.path)
        #expect(result.status == 1, "\(result.stderr)")
        let statuses = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(statuses.map { $0["budget"] as? String } == ["payments-monthly", "everything"])
        let payments = statuses[0]
        #expect(payments["period"] as? String == "2026-11-01/2026-11-30")
        #expect(payments["spent_usd"] as? Double == 0.004)
        #expect(payments["crossed"] as? [Int] == [50])
        // $0.004 in 2 days → $0.06 by the 30th; 100% ($0.006) on day 3.
        #expect(payments["forecast_usd"] as? Double == 0.06)
        #expect(payments["forecast_exceeds_on"] as? String == "2026-11-03")
        #expect(statuses[1]["crossed"] as? [Int] == [])
        #expect(server.bodies.count == 1)
        #expect(result.stderr.contains("notified: payments-monthly 50%"))
        let again = try CLI.run(["budget", "--as-of", "2026-11-02", "--notify", server.url], in: dir.path)
        #expect(again.status == 1)
        #expect(again.stdout.contains("payments-monthly (team payments, month 2026-11-01/2026-11-30): $0.00 of $0.01 (66.7%) — crossed 50%"))
        #expect(server.bodies.count == 1)
        let quiet = try CLI.run(["budget", "--as-of", "2026-12-05"], in: dir.path)
        #expect(quiet.status == 0)
    }

    @Test func compareShowsTheCommitsThatChangedATemplate() throws {
        let dir = try workspace()
        func git(_ arguments: [String], date: String? = nil) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", dir.path] + arguments
            var environment = ProcessInfo.processInfo.environment
            environment["GIT_AUTHOR_NAME"] = "t"; environment["GIT_AUTHOR_EMAIL"] = "t@example.com"
            environment["GIT_COMMITTER_NAME"] = "t"; environment["GIT_COMMITTER_EMAIL"] = "t@example.com"
            if let date { environment["GIT_AUTHOR_DATE"] = date; environment["GIT_COMMITTER_DATE"] = date }
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
        }
        try git(["init", "-q"])
        try git(["add", "."])
        try git(["commit", "-q", "-m", "Add the summary prompt"], date: "2026-10-20T12:00:00Z")
        try dir.write("prompts/support/ticket-summary.yml", Self.template + "# longer now\n")
        try git(["commit", "-q", "-am", "Add examples to the summary prompt"], date: "2026-11-01T08:00:00Z")
        try dir.write("previous.csv", """
            request_id,spend,prompt_tokens,completion_tokens,startTime,model,request_tags
            old-1,0.002,1000,100,2026-10-31 10:00:00,gpt-4o-mini,"[""prompt:support/ticket-summary""]"

            """)
        _ = try CLI.run(["usage", "import", "spend.csv", "previous.csv"], in: dir.path)
        let result = try CLI.run(["usage", "report", "--by", "template", "--compare", "previous", "--since", "2026-11-01", "--until", "2026-11-01"], in: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2026-11-01 … 2026-11-01 against 2026-10-31 … 2026-10-31"))
        #expect(result.stdout.contains("support/ticket-summary (+100.0% cost) changed in this period:"))
        #expect(result.stdout.contains("2026-11-01 Add examples to the summary prompt"))
        #expect(!result.stdout.contains("Add the summary prompt"))
        let json = try CLI.run(["usage", "report", "--by", "template", "--compare", "previous", "--since", "2026-11-01", "--until", "2026-11-01", "--format", "json"], in: dir.path)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.first?["change_percent"] as? Double == 100)
    }
}

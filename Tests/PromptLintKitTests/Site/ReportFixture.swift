import Foundation
@testable import PromptLintKit

/// A library for the report tests: the lint fixtures (typical findings, three formats), templates
/// with tags, one whose name and description are markup, all in a git repository whose history
/// makes one template longer.
final class ReportFixture {
    let directory: TemporaryDirectory
    var path: String { directory.path }
    /// Names of every template.
    let names: [String]

    static let hostile = "<script>alert(1)</script>"

    init() throws {
        directory = try TemporaryDirectory()
        try FileManager.default.copyItem(atPath: Paths.fixtures + "/lint", toPath: directory.file("prompts"))
        var names = ["support/reply", "ja/summary", "notes", Self.hostile]
        try directory.write("prompts/hostile.yml", """
        name: "\(Self.hostile)"
        description: "<img src=x onerror=alert(2)> & friends"
        tags: ["<b>tag</b>", security]
        model: gpt-4o
        max_output_tokens: 50
        messages:
          - role: user
            content: "Answer in one line: </pre><script>alert(3)</script>"
        """)
        for index in 0..<6 {
            let tag = index % 2 == 0 ? "billing" : "triage"
            try directory.write("prompts/team/t\(index).yml", """
            description: Route ticket \(index) to a queue.
            tags: [\(tag), support]
            model: \(index % 3 == 0 ? "gpt-4.1" : "gpt-4o-mini")
            max_output_tokens: \(50 * (index + 1))
            messages:
              - role: system
                content: Classify the ticket into one queue. Reply with the queue name only.\(String(repeating: " Consider the product area.", count: index))
              - role: user
                content: "{{ticket}}"
            variables:
              ticket: {required: true}
            """)
            names.append("team/t\(index)")
        }
        self.names = names.sorted()
        try git(["init", "-q"])
        try git(["add", "."])
        try git(["commit", "-q", "-m", "Add the library"])
        // A second commit makes team/t1 longer: its history has a positive cost change.
        let longer = try directory.read("prompts/team/t1.yml").replacingOccurrences(of: "Reply with the queue name only.", with: "Reply with the queue name only. Read the whole ticket first, including any quoted earlier messages.")
        try directory.write("prompts/team/t1.yml", longer)
        try git(["commit", "-q", "-am", "t1: read the whole ticket <first>"])
    }

    func git(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", path] + arguments
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in ["GIT_AUTHOR_NAME": "Ada & dev", "GIT_AUTHOR_EMAIL": "ada@example.com", "GIT_COMMITTER_NAME": "Ada",
                             "GIT_COMMITTER_EMAIL": "ada@example.com", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"] {
            environment[key] = value
        }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 { throw CommandFailure(description: "git \(arguments.joined(separator: " ")) failed") }
    }

    /// `promptlint tokens NAME --format json` for every template: (tokens sent per call, cost per call).
    /// The cost is nil for a model with no known price.
    func tokenFigures() throws -> [String: (tokens: Int, costPerCall: Double?)] {
        var figures: [String: (Int, Double?)] = [:]
        for name in names {
            let result = try CLI.run(["tokens", name, "--format", "json"], in: path)
            guard let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                  let tokens = object["tokens"] as? Int, let overhead = object["chat_overhead_tokens"] as? Int else {
                throw CommandFailure(description: "tokens \(name): \(result.stdout) \(result.stderr)")
            }
            figures[name] = (tokens + overhead, (object["cost"] as? [String: Any])?["per_call"] as? Double)
        }
        return figures
    }

    /// Spend for two weeks of a month, a budget that the forecast exceeds, and two teams.
    static func spend(for names: [String]) -> SpendData {
        let start = CalendarDay("2026-12-01")!
        var byTemplate: [String: [DailySpend]] = [:]
        var days: [DailySpend] = []
        for offset in 0..<14 {
            var total = 0.0
            for (index, name) in names.prefix(4).enumerated() {
                let usd = Double(index + 1) * (3 + Double(offset % 5))
                byTemplate[name, default: []].append(DailySpend(day: start.adding(days: offset), usd: usd))
                total += usd
            }
            days.append(DailySpend(day: start.adding(days: offset), usd: total))
        }
        var cumulative: [DailySpend] = []
        for day in days { cumulative.append(DailySpend(day: day.day, usd: (cumulative.last?.usd ?? 0) + day.usd)) }
        let spent = cumulative.last!.usd
        let forecast = spent / 14 * 31
        let budget = BudgetStatus(name: "support-monthly", period: "month", periodStart: start, periodEnd: CalendarDay("2026-12-31")!,
                                  asOf: start.adding(days: 13), amountUSD: 1500, cumulative: cumulative, forecastUSD: forecast,
                                  forecastExceedsOn: start.adding(days: Int((1500 / (spent / 14)).rounded(.up)) - 1))
        return SpendData(days: days, byTemplate: byTemplate, byTeam: [("payments", spent * 0.6), ("<team>", spent * 0.4)], budgets: [budget])
    }
}

struct CommandFailure: Error, CustomStringConvertible {
    var description: String
}

import Foundation
import Testing
@testable import PromptLintKit

/// Issue 14, part 4: what users of ruff and SwiftLint expect from the command line.
@Suite struct CLIConvenienceTests {
    static let library = [
        "prompts/a.yml": "model: gpt-4o-mini\nmax_output_tokens: 50\ntemplate: Please answer {{q}} in order to help.\n",
        "prompts/b.yml": "model: gpt-4o-mini\nmax_output_tokens: 50\ntemplate: Please answer in one word.\n",
    ]

    @Test func noCommandPrintsTheHelpAndExits2() throws {
        let result = try CLI.run([])
        #expect(result.status == 2)
        #expect(result.stderr.contains("USAGE: promptlint <subcommand>"))
        #expect(result.stdout.isEmpty)
        let help = try CLI.run(["--help"])
        #expect(help.status == 0 && help.stdout.contains("USAGE: promptlint <subcommand>"))
    }

    @Test func aMistypedCommandGetsTheNearestOne() throws {
        let result = try CLI.run(["lnt"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: unknown command 'lnt'; did you mean 'lint'? (see `promptlint --help`)\n")
        let far = try CLI.run(["xyzzyplugh"])
        #expect(far.status == 2 && far.stderr.hasPrefix("error: unknown command 'xyzzyplugh' (see"))
        // Real commands and options are not caught by the check.
        #expect(try CLI.run(["rules"]).status == 0)
        #expect(try CLI.run(["--version"]).status == 0)
    }

    @Test func statisticsPrintsOnlyTheCountsAsTextOrJSON() throws {
        let dir = try TemporaryDirectory(files: Self.library)
        let text = try CLI.run(["lint", "--statistics"], in: dir.path)
        #expect(text.status == 1)
        // PL102 twice (both safe-fixable), PL401 and PL201 once; aligned, no findings, no summary.
        let lines = text.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "2  PL102  polite_filler" + String(repeating: " ", count: 8) + "[2 fixable]", "\(text.stdout)")
        #expect(!text.stdout.contains("a.yml"))
        #expect(!text.stdout.contains("Found"))
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
        let json = try CLI.run(["lint", "--statistics", "--format", "json"], in: dir.path)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.first?["code"] as? String == "PL102" && rows.first?["count"] as? Int == 2 && rows.first?["fixable"] as? Int == 2)
        #expect(rows.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == text.stdout.split(separator: "\n").reduce(0) { $0 + Int($1.split(separator: " ").first!)! })
        let sarif = try CLI.run(["lint", "--statistics", "--format", "sarif"], in: dir.path)
        #expect(sarif.status == 2 && sarif.stderr.contains("--statistics prints text or json, not sarif"))
    }

    @Test func quietPrintsTheFindingsAndNothingElse() throws {
        let dir = try TemporaryDirectory(files: Self.library)
        let loud = try CLI.run(["lint", "--no-source"], in: dir.path)
        let quiet = try CLI.run(["lint", "--no-source", "-q"], in: dir.path)
        #expect(quiet.status == loud.status)
        #expect(loud.stdout.contains("Found "))
        #expect(!quiet.stdout.contains("Found "))
        #expect(quiet.stdout == loud.stdout.split(separator: "\n").filter { !$0.hasPrefix("Found ") }.map { $0 + "\n" }.joined())
        let clean = try TemporaryDirectory(files: ["prompts/c.yml": "model: gpt-4o-mini\nmax_output_tokens: 5\ntemplate: Answer in one word.\n"])
        let silent = try CLI.run(["lint", "--quiet"], in: clean.path)
        #expect(silent.status == 0 && silent.stdout.isEmpty && silent.stderr.isEmpty)
        // Errors in the input are still printed.
        let broken = try TemporaryDirectory(files: ["prompts/x.yml": "template: [unclosed\n"])
        let failing = try CLI.run(["lint", "--quiet"], in: broken.path)
        #expect(failing.status == 2 && !(failing.stdout + failing.stderr).isEmpty)
    }

    @Test func exitZeroKeepsFindingsButNotInputErrors() throws {
        let dir = try TemporaryDirectory(files: Self.library)
        let result = try CLI.run(["lint", "--exit-zero"], in: dir.path)
        #expect(result.status == 0 && result.stdout.contains("PL401"))
        let broken = try TemporaryDirectory(files: ["prompts/x.yml": "template: [unclosed\n"])
        #expect(try CLI.run(["lint", "--exit-zero"], in: broken.path).status == 2)
        let both = try CLI.run(["lint", "--exit-zero", "--fail-on", "warning"], in: dir.path)
        #expect(both.status == 2 && both.stderr.contains("--exit-zero and --fail-on"))
    }

    @Test func colorFollowsTheFlagThenNoColorThenForceColor() throws {
        let dir = try TemporaryDirectory(files: Self.library)
        let escape = "\u{1B}["
        // The runner sets NO_COLOR=1: an empty NO_COLOR counts as unset (no-color.org).
        let forced = try CLI.run(["lint"], in: dir.path, environment: ["NO_COLOR": "", "FORCE_COLOR": "1"])
        #expect(forced.stdout.contains(escape))
        let clicolor = try CLI.run(["lint"], in: dir.path, environment: ["NO_COLOR": "", "CLICOLOR_FORCE": "1"])
        #expect(clicolor.stdout.contains(escape))
        #expect(!(try CLI.run(["lint"], in: dir.path, environment: ["NO_COLOR": "", "FORCE_COLOR": "0"]).stdout.contains(escape)))
        #expect(!(try CLI.run(["lint"], in: dir.path, environment: ["NO_COLOR": "1", "FORCE_COLOR": "1"]).stdout.contains(escape)))
        #expect(try CLI.run(["lint", "--color", "always"], in: dir.path).stdout.contains(escape))
        #expect(!(try CLI.run(["lint", "--color", "never"], in: dir.path, environment: ["NO_COLOR": "", "FORCE_COLOR": "1"]).stdout.contains(escape)))
        // Not a terminal, nothing forced: plain.
        #expect(!(try CLI.run(["lint"], in: dir.path, environment: ["NO_COLOR": ""]).stdout.contains(escape)))
        #expect(try CLI.run(["rules", "--color", "always"]).stdout.contains(escape))
        let bad = try CLI.run(["lint", "--color", "sometimes"], in: dir.path)
        #expect(bad.status == 2 || bad.status == 64)
    }

    @Test func rulesAndExplainLineUpWithoutTrailingSpaces() throws {
        let rules = try CLI.run(["rules"])
        let lines = rules.stdout.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") && !$0.hasSuffix("\t") }, "\(lines.filter { $0.hasSuffix(" ") })")
        // Every rule line has its severity starting in the same column.
        let ruleLines = lines.filter { $0.hasPrefix("  PL") }
        #expect(ruleLines.count >= 20)
        let severityColumns = Set(ruleLines.compactMap { line -> Int? in
            for severity in [" off ", " info ", " warning ", " error "] {
                if let range = line.range(of: "  " + severity.dropFirst()) { return line.distance(from: line.startIndex, to: range.lowerBound) }
            }
            return nil
        })
        #expect(severityColumns.count == 1, "\(severityColumns)")
        for code in ["PL101", "PL201", "PL301", "PL501"] {
            let explain = try CLI.run(["explain", code])
            #expect(explain.status == 0)
            let trailing = explain.stdout.split(separator: "\n").filter { $0.hasSuffix(" ") || $0.hasSuffix("\t") }
            #expect(trailing.isEmpty, "\(code): \(trailing)")
        }
    }

    /// The GitHub Action's lint step, run as the runner runs it: GITHUB_ACTION_PATH holds the built
    /// binary, the inputs arrive in the environment.
    @Test func theGitHubActionLintsWithAnnotations() throws {
        let action = SourceFile(path: "action.yml", bytes: Array(try String(contentsOfFile: Paths.packageRoot + "/action.yml", encoding: .utf8).utf8))
        let root = try #require(try YAMLParser().parse(action).first?.root)
        #expect(root["runs"]?["using"]?.string == "composite")
        let steps = try #require(root["runs"]?["steps"]?.sequence)
        #expect(steps.contains { $0["uses"]?.string?.hasPrefix("actions/cache@") == true })
        #expect(steps.contains { $0["run"]?.string?.contains("swift build -c release --product promptlint") == true })
        let lint = try #require(steps.first { $0["name"]?.string == "Lint" })
        let script = try #require(lint["run"]?.string)
        #expect(lint["env"]?["PROMPTLINT_ARGS"]?.string == "${{ inputs.args }}")

        let actionPath = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: actionPath.file(".build/release"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: actionPath.file(".build/release/promptlint"), withDestinationPath: CLI.executable)
        let dir = try TemporaryDirectory(files: Self.library)
        let failing = try CLI.run(["-c", script], in: dir.path, environment: ["GITHUB_ACTION_PATH": actionPath.path, "PROMPTLINT_ARGS": ""], executable: "/bin/bash")
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("::error file=prompts/a.yml,line="), "\(failing.stdout)\(failing.stderr)")
        let passing = try CLI.run(["-c", script], in: dir.path, environment: ["GITHUB_ACTION_PATH": actionPath.path, "PROMPTLINT_ARGS": "--fail-on never prompts/b.yml"], executable: "/bin/bash")
        #expect(passing.status == 0)
        #expect(passing.stdout.contains("::warning file=prompts/b.yml") && !passing.stdout.contains("a.yml"))
    }

    /// Tables are padded to line up; no line of a text output ends in spaces.
    @Test(arguments: [["list"], ["models", "gpt-4o"], ["cost"], ["tokens", "support/ticket-summary"], ["search", "ticket"],
                      ["rules"], ["lint", "--statistics", "examples/draft.yml"]])
    func textOutputsHaveNoTrailingSpaces(_ arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 0 || result.status == 1, "\(arguments): \(result.stderr)")
        #expect(!result.stdout.isEmpty)
        let trailing = result.stdout.split(separator: "\n").filter { $0.hasSuffix(" ") || $0.hasSuffix("\t") }
        #expect(trailing.isEmpty, "\(arguments): \(trailing.prefix(3))")
    }
}

import Foundation
import Testing
@testable import PromptLintKit

@Suite struct LintCommandTests {
    static let bad = """
    model: gpt-4o-mini
    max_output_tokens: 100
    variables:
      a: {required: true}
    messages:
      - role: user
        content: |
          Reply to {{a}} and {{b}} in one sentence.
    """

    @Test func bundledLibraryLintsClean() throws {
        let result = try CLI.run(["lint"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("All checks passed"))
    }

    @Test func findingsExitOneWithLocatedTextAndCaret() throws {
        let dir = try TemporaryDirectory(files: ["prompts/bad.yml": Self.bad])
        let result = try CLI.run(["lint"], in: dir.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("prompts/bad.yml:8:28: error: variable 'b' is used but not declared under 'variables' [PL401]"))
        #expect(result.stdout.contains(" 8 |       Reply to {{a}} and {{b}} in one sentence.\n   | " + String(repeating: " ", count: 27) + "^\n"))
        #expect(result.stdout.contains("Found 1 problem (1 error) in 1 of 1 file."))
        let lenient = try CLI.run(["lint", "--fail-on", "never"], in: dir.path)
        #expect(lenient.status == 0)
    }

    @Test func jsonOutputHasTheDocumentedFields() throws {
        let dir = try TemporaryDirectory(files: ["prompts/bad.yml": Self.bad])
        let result = try CLI.run(["lint", "--format", "json"], in: dir.path)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let item = try #require(items.first)
        #expect(item["file"] as? String == "prompts/bad.yml")
        #expect(item["line"] as? Int == 8)
        #expect(item["column"] as? Int == 28)
        #expect(item["end_line"] as? Int == 8)
        #expect(item["end_column"] as? Int == 29)
        #expect(item["code"] as? String == "PL401")
        #expect(item["rule"] as? String == "undeclared_variable")
        #expect(item["severity"] as? String == "error")
        #expect(item["message"] != nil)
        #expect(item.keys.contains("fix"))
    }

    @Test func githubAndSarifFormats() throws {
        let dir = try TemporaryDirectory(files: ["prompts/bad.yml": Self.bad])
        let github = try CLI.run(["lint", "--format", "github"], in: dir.path)
        #expect(github.stdout.hasPrefix("::error file=prompts/bad.yml,line=8,col=28,endLine=8,endColumn=29,title=promptlint PL401 (undeclared_variable)::variable 'b'"))
        let sarif = try CLI.run(["lint", "--format", "sarif"], in: dir.path)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        #expect(document["version"] as? String == "2.1.0")
        let run = try #require((document["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.first?["ruleId"] as? String == "PL401")
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.contains { $0["id"] as? String == "PL401" })
    }

    @Test func parseErrorsExitTwoAndAreReported() throws {
        let dir = try TemporaryDirectory(files: ["prompts/broken.yml": "name: x\nname: y\ntemplate: hi\n"])
        let result = try CLI.run(["lint"], in: dir.path)
        #expect(result.status == 2)
        #expect(result.stdout.contains("prompts/broken.yml:2:1: error: duplicate key 'name' (first defined at line 1) [PL001]"))
    }

    @Test func explicitFilesOutsideTheLibraryAndPlainText() throws {
        let dir = try TemporaryDirectory(files: ["elsewhere/x.yml": Self.bad, "notes.txt": "Hello {{b}}", "data.json": "{}"])
        let result = try CLI.run(["lint", "elsewhere/x.yml", "notes.txt", "data.json"], in: dir.path)
        #expect(result.stdout.contains("elsewhere/x.yml:8:28"))
        #expect(result.stderr.contains("data.json: skipped (not a prompt file"))
        let missing = try CLI.run(["lint", "nope.yml"], in: dir.path)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.yml: no such file or directory"))
    }

    @Test func standardInputOnlyWithDash() throws {
        let dir = try TemporaryDirectory(files: ["prompts/ok.yml": "template: Say hi in one word.\n"])
        let result = try CLI.run(["lint", "-", "--format", "json"], in: dir.path, stdin: "Answer in one sentence.")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("["))
    }

    @Test func baselineHidesRecordedFindings() throws {
        let dir = try TemporaryDirectory(files: ["prompts/bad.yml": Self.bad])
        let write = try CLI.run(["lint", "--write-baseline", "baseline.json"], in: dir.path)
        #expect(write.status == 0)
        let quiet = try CLI.run(["lint", "--baseline", "baseline.json"], in: dir.path)
        #expect(quiet.status == 0, "\(quiet.stdout)")
        // A new finding still shows, even though the old one moved down a line.
        try dir.write("prompts/bad.yml", "# a new comment line\n" + Self.bad + "\n  - role: user\n    content: \"{{c}} in one word\"\n")
        let fresh = try CLI.run(["lint", "--baseline", "baseline.json"], in: dir.path)
        #expect(fresh.status == 1)
        #expect(fresh.stdout.contains("'c'"))
        #expect(!fresh.stdout.contains("'b'"))
    }

    @Test func configSeveritiesAndUnknownRules() throws {
        let dir = try TemporaryDirectory(files: ["prompts/bad.yml": Self.bad, ".promptlint.yml": "rules:\n  PL401: warning\n"])
        let result = try CLI.run(["lint"], in: dir.path)
        #expect(result.status == 0)
        #expect(result.stdout.contains("warning: variable 'b'"))
        try dir.write(".promptlint.yml", "disabled_rules: [undeclared_variabel]\n")
        let bad = try CLI.run(["lint"], in: dir.path)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains(".promptlint.yml:1:18: unknown rule 'undeclared_variabel' in disabled_rules; did you mean 'undeclared_variable'?"))
        try dir.write(".promptlint.yml", "rules:\n  PL401: {severity: warning, budgett: 3}\n")
        let option = try CLI.run(["lint"], in: dir.path)
        #expect(option.stderr.contains("unknown option 'budgett' for PL401 (allowed: severity)"))
    }

    @Test func inlineSuppressionComment() throws {
        let suppressed = Self.bad.replacingOccurrences(of: "    content: |", with: "    # promptlint: disable PL401\n    content: |")
        let dir = try TemporaryDirectory(files: ["prompts/bad.yml": suppressed])
        let result = try CLI.run(["lint"], in: dir.path)
        #expect(result.status == 0, "\(result.stdout)")
    }

    @Test func customSubstitutionRuleFixesInPlace() throws {
        let template = "# keep this comment\nmodel: gpt-4o\nmax_output_tokens: 50\ntemplate: |\n  Utilize the notes to answer in one sentence.\n"
        let dir = try TemporaryDirectory(files: [
            "prompts/a.yml": template,
            ".promptlint.yml": "custom_rules:\n  house-style:\n    message: \"Use '{replacement}' instead of '{match}'\"\n    replace: {utilize: use}\n",
        ])
        let lint = try CLI.run(["lint"], in: dir.path)
        #expect(lint.stdout.contains("prompts/a.yml:5:3: warning: Use 'Use' instead of 'Utilize' [house-style]"))
        let fix = try CLI.run(["lint", "--fix"], in: dir.path)
        #expect(fix.status == 0, "\(fix.stdout + fix.stderr)")
        #expect(try dir.read("prompts/a.yml") == template.replacingOccurrences(of: "Utilize", with: "Use"))
        let again = try CLI.run(["lint", "--fix"], in: dir.path)
        #expect(!again.stderr.contains("fixed"))
    }

    @Test func rulesAndExplain() throws {
        let rules = try CLI.run(["rules"])
        #expect(rules.stdout.contains("PL401  undeclared_variable"))
        let explain = try CLI.run(["explain", "PL401"])
        #expect(explain.stdout.contains("# PL401 undeclared_variable"))
        #expect(explain.stdout.contains("## Why is this bad?"))
        let unknown = try CLI.run(["explain", "PL999"])
        #expect(unknown.status == 2)
    }

    /// The README's pre-commit hook, run the way pre-commit runs it: the staged files that match
    /// the hook's `files:` pattern become arguments of its `entry`.
    @Test func preCommitHookBlocksViolationsAndPassesCleanFiles() throws {
        let hookFile = SourceFile(path: ".pre-commit-hooks.yaml", bytes: Array(try String(contentsOfFile: Paths.packageRoot + "/.pre-commit-hooks.yaml", encoding: .utf8).utf8))
        let hook = try #require(try YAMLParser().parse(hookFile).first?.root.sequence?.first)
        #expect(hook["id"]?.string == "promptlint")
        let entry = try #require(hook["entry"]?.string).split(separator: " ").map(String.init)
        #expect(entry.first == "promptlint")
        let pattern = try NSRegularExpression(pattern: try #require(hook["files"]?.string))
        func selected(_ files: [String]) -> [String] {
            files.filter { pattern.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }
        }
        let dir = try TemporaryDirectory(files: ["prompts/bad.yml": Self.bad, "prompts/good.yml": "template: Answer in one word.\n", "README.md": "x"])
        let staged = ["prompts/bad.yml", "README.md"]
        #expect(selected(staged) == ["prompts/bad.yml"])
        let blocked = try CLI.run(Array(entry.dropFirst()) + selected(staged), in: dir.path)
        #expect(blocked.status == 1)
        let clean = try CLI.run(Array(entry.dropFirst()) + selected(["prompts/good.yml", "README.md"]), in: dir.path)
        #expect(clean.status == 0, "\(clean.stdout)")
    }
}

@Suite struct CustomRuleProseTests {
    @Test func teamRulesSkipCodeAndPlaceholders() throws {
        let template = "model: gpt-4o\nmax_output_tokens: 50\nvariables: {leverage: {}}\ntemplate: |\n  Leverage the notes in one sentence. Code: `leverage()` and {{leverage}}.\n"
        let dir = try TemporaryDirectory(files: [
            "prompts/a.yml": template,
            ".promptlint.yml": "custom_rules:\n  no-jargon:\n    tokens: [leverage]\n",
        ])
        let result = try CLI.run(["lint", "--format", "json"], in: dir.path)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let custom = items.filter { $0["code"] as? String == "no-jargon" }
        #expect(custom.count == 1)
        #expect(custom.first?["column"] as? Int == 3)
    }
}

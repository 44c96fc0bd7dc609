import Foundation
import Testing

/// Nothing to lint where something was expected is exit 2 with where promptlint looked; the library
/// and config are found upward from the files named; every command rejects duplicate names.
@Suite struct NoSilentPassTests {
    static let template = """
        description: Summarize a ticket.
        max_output_tokens: 100
        template: Summarize the ticket in at most 3 bullet points.

        """

    @Test func noLibraryIsExitTwoNamingWhereItLooked() throws {
        let dir = try TemporaryDirectory(files: ["notes/readme.txt": "x"])
        let result = try CLI.run(["lint"], in: dir.file("notes"))
        #expect(result.status == 2)
        #expect(result.stderr.contains("no template library"), "\(result.stderr)")
        #expect(result.stderr.contains(dir.file("notes")) && result.stderr.contains("--library"))
        #expect(!result.stdout.contains("All checks passed"))
        for command in [["list"], ["search", "x"], ["show", "x"]] {
            #expect(try CLI.run(command, in: dir.file("notes")).status == 2, "\(command)")
        }
    }

    @Test func mistypedLibraryOptionIsExitTwo() throws {
        let dir = try TemporaryDirectory(files: ["prompts/a.yml": Self.template, "notes.txt": "Summarize in 3 bullet points."])
        for arguments in [["lint", "--library", "promtps"], ["lint", "--library", "promtps", "notes.txt"], ["list", "--library", "promtps"],
                          ["tokens", "notes.txt", "--library", "promtps"]] {
            let result = try CLI.run(arguments, in: dir.path)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("promtps: no such library folder (--library)"), "\(arguments): \(result.stderr)")
        }
    }

    @Test func aMissingPathDoesNotSayAllChecksPassed() throws {
        let dir = try TemporaryDirectory(files: ["prompts/a.yml": Self.template])
        let result = try CLI.run(["lint", "prompts/b.yml"], in: dir.path)
        #expect(result.status == 2)
        #expect(result.stdout == "Checked 0 files; 1 path not found.\n", "\(result.stdout)")
    }

    @Test func aSubfolderFindsTheLibraryAbove() throws {
        let dir = try TemporaryDirectory(files: ["prompts/a.yml": Self.template, "prompts/b.yml": Self.template.replacingOccurrences(of: "ticket", with: "invoice"),
                                                 "src/app/main.txt": "x"])
        let result = try CLI.run(["lint"], in: dir.file("src/app"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("All checks passed (2 files checked)"), "\(result.stdout)")
        let list = try CLI.run(["list"], in: dir.file("src/app"))
        #expect(list.stdout.contains("a") && list.stdout.contains("b"))
    }

    /// A template using a partial, linted from outside its repository, resolves the partial in the
    /// library found from the file's location (and uses that repository's config).
    @Test func aFileFindsItsLibraryAndConfigFromItsLocation() throws {
        let repo = try TemporaryDirectory(files: [
            ".promptlint.yml": "library: library\ndisabled_rules: [PL302]\n",
            "library/shared/rules.yml": "template: Answer in at most 2 sentences.\n",
            "library/support/reply.yml": """
                description: Reply.
                max_output_tokens: 100
                template: "List all the causes. {{> shared/rules}}"

                """,
        ])
        let elsewhere = try TemporaryDirectory()
        let result = try CLI.run(["lint", repo.file("library/support/reply.yml")], in: elsewhere.path)
        #expect(!result.stdout.contains("PL405"), "\(result.stdout)")
        #expect(!result.stdout.contains("PL302"), "the repository's config disables it: \(result.stdout)")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        // Without the config and library around it, the partial is unknown.
        try FileManager.default.copyItem(atPath: repo.file("library/support/reply.yml"), toPath: elsewhere.file("reply.yml"))
        let alone = try CLI.run(["lint", "reply.yml"], in: elsewhere.path)
        #expect(alone.stdout.contains("PL405"), "\(alone.stdout)")
    }

    @Test func duplicateNamesStopEveryCommand() throws {
        let dir = try TemporaryDirectory(files: [
            "prompts/a.yml": "name: same\n" + Self.template,
            "prompts/b.yml": "name: same\n" + Self.template,
        ])
        for arguments in [["lint"], ["lint", "prompts/b.yml"], ["show", "same"], ["render", "same"], ["list"], ["tokens", "same"]] {
            let result = try CLI.run(arguments, in: dir.path)
            #expect(result.status == 2, "\(arguments): \(result.stdout)")
            #expect((result.stdout + result.stderr).contains("duplicate template name 'same': also defined in prompts/a.yml:1"), "\(arguments)")
        }
    }

    @Test func baselineSaysHowManyItHid() throws {
        let dir = try TemporaryDirectory(files: ["prompts/a.yml": Self.template.replacingOccurrences(of: "Summarize", with: "Please summarize")])
        #expect(try CLI.run(["lint", "--write-baseline", "base.json"], in: dir.path).status == 0)
        let result = try CLI.run(["lint", "--baseline", "base.json"], in: dir.path)
        #expect(result.stderr.contains("promptlint: 1 finding hidden by the baseline base.json"), "\(result.stderr)")
        #expect(result.stdout.contains("All checks passed"))
    }

    /// pre-commit's mode: named files outside the library are skipped, library rules run against
    /// the whole library and report what touches a named file.
    @Test func forceExcludeKeepsLibraryFilesAndChecksTheWholeLibrary() throws {
        let text = "Read the customer's message about the late delivery and write a short apology that names the new delivery date and offers a discount code, in at most 3 sentences."
        let dir = try TemporaryDirectory(files: [
            "prompts/support/apology.yml": "description: Apology.\nmax_output_tokens: 100\ntemplate: \"\(text)\"\n",
            "prompts/support/apology-copy.yml": "description: Apology again.\nmax_output_tokens: 100\ntemplate: \"\(text)\"\n",
            "prompts/drafts/old.yml": "not: [a template\n",
            ".promptlint.yml": "exclude: [\"drafts/**\"]\n",
            "ci/workflow.yml": "on: push\n",
        ])
        let result = try CLI.run(["lint", "--force-exclude", "ci/workflow.yml", "prompts/drafts/old.yml", "prompts/support/apology.yml"], in: dir.path)
        #expect(result.stdout.contains("PL501"), "the near-duplicate in the library touches the named file: \(result.stdout)")
        #expect(result.stdout.contains("1 file"), "\(result.stdout)")
        #expect(!result.stdout.contains("workflow") && !result.stdout.contains("old.yml"))
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        // Without --force-exclude a named non-template is linted (and fails).
        #expect(try CLI.run(["lint", "ci/workflow.yml"], in: dir.path).status == 2)
    }
}

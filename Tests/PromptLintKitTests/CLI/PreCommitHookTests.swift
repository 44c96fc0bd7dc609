import Foundation
import Testing

/// The hook as teams use it: the real pre-commit (PyPI, installed by `.ci/run` into
/// `.build/pre-commit-venv`, or `$PROMPTLINT_PRE_COMMIT`) in a temporary git repository whose
/// `.pre-commit-config.yaml` takes this repository, by path, as the hook source, with the built
/// `promptlint` on `PATH` (the `promptlint-system` hook).
@Suite(.enabled(if: PreCommit.executable != nil, "pre-commit is not installed: .ci/run installs it into .build/pre-commit-venv"))
struct PreCommitHookTests {
    /// A git repository with a library under `library/` (not `prompts/`: the hook must find it from
    /// `.promptlint.yml`), a YAML file that is not a template, and the hook installed.
    func repository() throws -> (TemporaryDirectory, [String: String]) {
        let repo = try TemporaryDirectory(files: [
            ".promptlint.yml": "library: library\n",
            "library/support/reply.yml": """
                description: Reply to a customer.
                max_output_tokens: 150
                messages:
                  - role: system
                    content: Please answer the customer's question in at most 3 sentences.
                  - role: user
                    content: "{{question}}"
                variables:
                  question: {required: true}

                """,
            // A workflow file: YAML, but no template; the hook passes it, promptlint ignores it.
            "ci/workflow.yml": "on: push\njobs: {}\n",
        ])
        let source = try PreCommit.hookSource(in: repo)
        try repo.write(".pre-commit-config.yaml", """
            repos:
              - repo: \(source.path)
                rev: \(source.rev)
                hooks:
                  - id: promptlint-system

            """)
        var environment = ["PRE_COMMIT_HOME": repo.file(".cache/pre-commit"),
                           "PATH": (CLI.executable as NSString).deletingLastPathComponent + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
                           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"]
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        try PreCommit.run(["git", "init", "-q", "-b", "main"], in: repo.path, environment: environment).requireSuccess()
        try PreCommit.run([PreCommit.executable!, "install"], in: repo.path, environment: environment).requireSuccess()
        return (repo, environment)
    }

    @Test func aCommitWithWarningsPassesAndShowsThem() throws {
        let (repo, environment) = try repository()
        try PreCommit.run(["git", "add", "-A"], in: repo.path, environment: environment).requireSuccess()
        let commit = try PreCommit.run(["git", "commit", "-m", "library"], in: repo.path, environment: environment)
        #expect(commit.status == 0, "\(commit.output)")
        #expect(commit.output.contains("library/support/reply.yml:5:"), "\(commit.output)")
        #expect(commit.output.contains("[PL102]"))
        #expect(commit.output.contains("Found 1 problem (1 warning) in 1 of 1 file."))
        // Listed by git ("create mode … ci/workflow.yml"), never reported by promptlint.
        #expect(!commit.output.contains("ci/workflow.yml:"), "\(commit.output)")
        #expect(commit.output.contains("Found 1 problem (1 warning) in 1 of 1 file."), "only the library file is checked")
    }

    @Test func aCommitWithAnErrorIsBlocked() throws {
        let (repo, environment) = try repository()
        try repo.write("library/support/broken.yml", """
            description: Uses a variable it does not declare.
            max_output_tokens: 100
            template: Classify {{ticket}} as bug or question; answer with one word.

            """)
        try PreCommit.run(["git", "add", "-A"], in: repo.path, environment: environment).requireSuccess()
        let commit = try PreCommit.run(["git", "commit", "-m", "broken"], in: repo.path, environment: environment)
        #expect(commit.status != 0)
        #expect(commit.output.contains("library/support/broken.yml:3:"), "\(commit.output)")
        #expect(commit.output.contains("[PL401]"))
        let log = try PreCommit.run(["git", "log", "--oneline"], in: repo.path, environment: environment)
        #expect(log.status != 0 || log.output.isEmpty, "the commit was made: \(log.output)")
    }
}

enum PreCommit {
    static let executable: String? = {
        let candidates = [ProcessInfo.processInfo.environment["PROMPTLINT_PRE_COMMIT"], Paths.packageRoot + "/.build/pre-commit-venv/bin/pre-commit"]
        return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    struct Result {
        var status: Int32
        var output: String
        func requireSuccess() throws {
            if status != 0 { throw CLIFailure(description: output) }
        }
    }

    struct CLIFailure: Error, CustomStringConvertible { var description: String }

    /// This repository as a hook source: a clone of its HEAD with the working tree's hook manifest,
    /// so uncommitted changes to `.pre-commit-hooks.yaml` are what is tested.
    static func hookSource(in folder: TemporaryDirectory) throws -> (path: String, rev: String) {
        let path = folder.file(".hook-source")
        let environment = ["GIT_CONFIG_GLOBAL": "/dev/null", "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"]
        try run(["git", "clone", "-q", "--depth", "1", "file://" + Paths.packageRoot, path], in: folder.path, environment: environment).requireSuccess()
        let manifest = try String(contentsOfFile: Paths.packageRoot + "/.pre-commit-hooks.yaml", encoding: .utf8)
        try manifest.write(toFile: path + "/.pre-commit-hooks.yaml", atomically: true, encoding: .utf8)
        try run(["git", "commit", "-q", "--allow-empty", "-am", "hooks as in the working tree"], in: path, environment: environment).requireSuccess()
        let rev = try run(["git", "rev-parse", "HEAD"], in: path, environment: environment)
        try rev.requireSuccess()
        return (path, rev.output.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Runs a program (found on PATH) with the CLI tests' runner; stdout and stderr together, as a
    /// terminal shows a commit's hook output.
    static func run(_ arguments: [String], in directory: String, environment: [String: String]) throws -> Result {
        let result = try CLI.run(arguments, in: directory, environment: environment, executable: "/usr/bin/env")
        return Result(status: result.status, output: result.stdout + result.stderr)
    }
}

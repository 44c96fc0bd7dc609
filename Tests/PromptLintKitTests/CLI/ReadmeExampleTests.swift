import Foundation
import Testing

/// Issue 14, part 5: every `promptlint …` line of the README's shell examples runs, as written, on a
/// copy of the repository's library, config and examples/, in README order (usage import before
/// usage report and budget, the baseline written before it is read), and prints something.
@Suite struct ReadmeExampleTests {
    /// Examples not run here, each with the reason (and where they are tested instead).
    static let notRunHere: [String: String] = [
        "promptlint lsp": "waits for an editor on stdin; Tests/lsp drives it with pytest-lsp",
        "promptlint usage import --source litellm --postgres": "needs a LiteLLM Postgres; PostgresImportTests runs it against the one .ci/run starts",
    ]

    /// The command lines of the README's ```sh blocks, comments cut.
    static func examples() throws -> [String] {
        let readme = try String(contentsOfFile: Paths.packageRoot + "/README.md", encoding: .utf8)
        var inShell = false
        var lines: [String] = []
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inShell = !inShell && line == "```sh"
                continue
            }
            guard inShell else { continue }
            // No example quotes a '#': everything after "  #" is a comment.
            let command = line.range(of: " #").map { String(line[..<$0.lowerBound]) } ?? String(line)
            let trimmed = command.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { lines.append(trimmed) }
        }
        return lines
    }

    @Test func everyExampleIsAValidCommandLine() throws {
        let examples = try Self.examples().filter { $0.hasPrefix("promptlint ") }
        #expect(examples.count >= 40)
        for example in examples {
            // Written to be pasted: no "a|b" alternatives, "[optional]" parts or "..." placeholders.
            #expect(!example.contains("|") && !example.contains("[--") && !example.contains("..."), "\(example)")
        }
    }

    @Test func everyExamplePrintsSomethingOnTheBundledLibrary() throws {
        let work = try TemporaryDirectory()
        for item in ["prompts", "examples", ".promptlint.yml"] {
            try FileManager.default.copyItem(atPath: Paths.packageRoot + "/" + item, toPath: work.file(item))
        }
        // `promptlint` on PATH is the binary under test.
        try FileManager.default.createDirectory(atPath: work.file(".bin"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: work.file(".bin/promptlint"), withDestinationPath: CLI.executable)
        let path = work.file(".bin") + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let home = try TemporaryDirectory()

        var ran = 0
        for example in try Self.examples() where example.hasPrefix("promptlint ") {
            if Self.notRunHere.keys.contains(where: { example.hasPrefix($0) }) { continue }
            let result = try CLI.run(["-c", example], in: work.path,
                                     environment: ["PATH": path, "PROMPTLINT_CACHE_DIR": home.file("cache"), "HOME": home.path],
                                     executable: "/bin/sh")
            // 1 is a documented outcome (findings, no search match, a crossed budget); 2 is an error.
            #expect(result.status == 0 || result.status == 1, "\(example): exit \(result.status)\n\(result.stderr)")
            #expect(!(result.stdout + result.stderr).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(example) printed nothing")
            #expect(!result.stderr.contains("error:"), "\(example): \(result.stderr)")
            ran += 1
        }
        #expect(ran >= 38)
        // What the examples promise they did.
        #expect(FileManager.default.fileExists(atPath: work.file("site/index.html")))
        #expect(FileManager.default.fileExists(atPath: work.file(".promptlint-baseline.json")))
        #expect(try work.read("examples/draft.yml") != String(contentsOfFile: Paths.packageRoot + "/examples/draft.yml", encoding: .utf8))
    }

    @Test func theSkippedExamplesStillExistInTheReadme() throws {
        let examples = try Self.examples()
        for prefix in Self.notRunHere.keys {
            #expect(examples.contains { $0.hasPrefix(prefix) }, "'\(prefix)' is no longer in the README: drop it from notRunHere")
        }
    }
}

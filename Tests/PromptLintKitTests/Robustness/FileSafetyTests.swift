import Foundation
import Testing
@testable import PromptLintKit

/// Issue 11: what `--fix` / `compress --write` do to real files (links, modes, concurrent edits,
/// signals), and inputs that are not regular files or never end.
@Suite(.serialized) struct FileSafetyTests {
    static let fixable = "template: Please summarize the ticket in 3 bullets.\n"
    static let fixed = "template: Summarize the ticket in 3 bullets.\n"

    func mode(_ path: String) -> mode_t {
        var info = stat()
        lstat(path, &info)
        return info.st_mode
    }

    @Test func aSymlinkedTemplateIsFixedThroughTheLinkKeepingTheTargetsMode() throws {
        let directory = try TemporaryDirectory(files: ["private/t.yml": Self.fixable, ".promptlint.yml": "library: prompts\n"])
        chmod(directory.file("private/t.yml"), 0o600)
        try FileManager.default.createDirectory(atPath: directory.file("prompts"), withIntermediateDirectories: true)
        symlink(directory.file("private/t.yml"), directory.file("prompts/t.yml"))
        let result = try CLI.run(["lint", "--fix", "prompts/t.yml"], in: directory.path)
        #expect(result.stderr.contains("fixed"), "\(result.stderr)")
        #expect(mode(directory.file("prompts/t.yml")) & S_IFMT == S_IFLNK)
        #expect(mode(directory.file("private/t.yml")) & 0o7777 == 0o600)
        #expect(try directory.read("private/t.yml") == Self.fixed)
    }

    @Test func hardLinkedReadOnlyAndLockedFilesAreRefused() throws {
        let directory = try TemporaryDirectory(files: ["t.yml": Self.fixable, "r.yml": Self.fixable, "l.yml": Self.fixable])
        link(directory.file("t.yml"), directory.file("other-name.yml"))
        #expect(throws: SourceError.self) {
            try AtomicFileWriter.write(Array(Self.fixed.utf8), to: directory.file("t.yml"), expecting: Array(Self.fixable.utf8))
        }
        #expect(try directory.read("other-name.yml") == Self.fixable)
        chmod(directory.file("r.yml"), 0o444)
        do {
            try AtomicFileWriter.write(Array(Self.fixed.utf8), to: directory.file("r.yml"), expecting: Array(Self.fixable.utf8))
            Issue.record("a read-only file was rewritten")
        } catch {
            #expect(error.message == "the file is read-only; not written")
        }
        let lock = try FileLock(file: directory.file("l.yml"), reportedAs: "l.yml")
        do {
            try AtomicFileWriter.write(Array(Self.fixed.utf8), to: directory.file("l.yml"), expecting: Array(Self.fixable.utf8))
            Issue.record("a locked file was rewritten")
        } catch {
            #expect(error.message.hasPrefix("another promptlint is writing this file"))
        }
        lock.release()
        try AtomicFileWriter.write(Array(Self.fixed.utf8), to: directory.file("l.yml"), expecting: Array(Self.fixable.utf8))
        #expect(try directory.read("l.yml") == Self.fixed)
        // Nothing left behind: no temporary file.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test func theTemporaryFileIsCreatedWithTheFinalModeAndAChangedFileIsKept() throws {
        let directory = try TemporaryDirectory(files: ["t.yml": Self.fixable])
        chmod(directory.file("t.yml"), 0o640)
        let oldMask = umask(0)
        defer { umask(oldMask) }
        try AtomicFileWriter.write(Array(Self.fixed.utf8), to: directory.file("t.yml"), expecting: Array(Self.fixable.utf8))
        #expect(mode(directory.file("t.yml")) & 0o7777 == 0o640)
        // An edit made after promptlint read the file wins: the write is refused.
        try "template: edited by hand\n".write(toFile: directory.file("t.yml"), atomically: false, encoding: .utf8)
        #expect(throws: SourceError.self) {
            try AtomicFileWriter.write(Array(Self.fixed.utf8), to: directory.file("t.yml"), expecting: Array(Self.fixed.utf8))
        }
        #expect(try directory.read("t.yml") == "template: edited by hand\n")
    }

    @Test func sigtermDuringFixesLeavesNoTemporaryFiles() throws {
        let directory = try TemporaryDirectory()
        for index in 0..<200 { try directory.write("prompts/t\(index).yml", Self.fixable + "description: \(String(repeating: "x ", count: 2_000))\n") }
        for delay in [0.05, 0.15, 0.3] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLI.executable)
            process.arguments = ["lint", "--fix", "--library", directory.file("prompts")]
            process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            process.terminate()
            process.waitUntilExit()
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.file("prompts")).filter { $0.hasPrefix(".") }
            #expect(leftovers.isEmpty, "left behind after SIGTERM at \(delay) s: \(leftovers)")
        }
    }

    @Test func fifosAndSymlinkLoopsInTheLibraryAreSkipped() throws {
        let directory = try TemporaryDirectory(files: ["prompts/a.yml": "template: Hello.\nmax_output_tokens: 10\n"])
        mkfifo(directory.file("prompts/pipe.yml"), 0o600)
        symlink(directory.file("prompts"), directory.file("prompts/loop"))
        symlink(directory.file("prompts"), directory.file("prompts/loop2"))
        let walk = LibraryWalk(root: directory.file("prompts"), include: [], exclude: [])
        #expect(walk.files.map(\.relative) == ["a.yml"])
        #expect(walk.skipped.count == 1 && walk.skipped[0].hasSuffix("pipe.yml: skipped (a FIFO)"), "\(walk.skipped)")
        let lint = try CLI.run(["lint", "--library", "prompts"], in: directory.path)
        #expect(lint.stderr.contains("pipe.yml: skipped (a FIFO)"), "\(lint.stderr)")
        let explicit = try CLI.run(["lint", "prompts/pipe.yml"], in: directory.path)
        #expect(explicit.status == 2)
        #expect(explicit.stdout.contains("not a regular file (a FIFO)") || explicit.stderr.contains("not a regular file (a FIFO)"), "\(explicit)")
    }

    func shell(_ command: String, environment: [String: String] = [:]) throws -> CLIResult {
        try CLI.run(["-c", command], environment: environment, executable: "/bin/sh")
    }

    @Test func closedStandardInputIsAnError() throws {
        let bin = CLI.executable
        for command in ["\(bin) lint - <&-", "\(bin) tokens - <&-", "\(bin) render support/ticket-summary --vars - <&-",
                        "\(bin) render support/ticket-summary --var ticket=@- <&-"] {
            let result = try shell("exec " + command)
            #expect(result.status == 2, "\(command): \(result.status) \(result.stderr)")
            #expect((result.stdout + result.stderr).contains("standard input is closed"), "\(command): \(result.stdout) \(result.stderr)")
        }
    }

    @Test func endlessStandardInputStopsAtTheCap() throws {
        let result = try shell("yes | exec \(CLI.executable) lint -", environment: ["PROMPTLINT_MAX_INPUT_MB": "2"])
        #expect(result.status == 2)
        #expect((result.stdout + result.stderr).contains("input larger than 2 MB; not read (set PROMPTLINT_MAX_INPUT_MB to raise the limit)"),
                "\(result.stdout) \(result.stderr)")
    }
}

import Foundation
import Testing
@testable import PromptLintKit

/// The executable alone is the whole tool: copied into an empty folder, away from the clone and
/// its build folder, it counts tokens, lints and prints help. `.ci/run` runs this suite again on the
/// installed release build (`PROMPTLINT_STANDALONE_BINARY`); `swift test` alone checks the debug build.
@Suite struct StandaloneBinaryTests {
    static let binary = ProcessInfo.processInfo.environment["PROMPTLINT_STANDALONE_BINARY"] ?? CLI.executable

    /// A copy of the binary as the only file of a fresh folder, and an empty working folder beside it.
    func isolatedCopy() throws -> (folder: TemporaryDirectory, binary: String, work: String) {
        let folder = try TemporaryDirectory()
        let copy = folder.file("bin/promptlint")
        try FileManager.default.createDirectory(atPath: folder.file("bin"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.binary, toPath: copy)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("bin")) == ["promptlint"])
        try FileManager.default.createDirectory(atPath: folder.file("work"), withIntermediateDirectories: true)
        return (folder, copy, folder.file("work"))
    }

    @Test func tokensLintAndHelpWorkFromAnEmptyFolder() throws {
        let (folder, binary, work) = try isolatedCopy()
        let text = "Please summarize the ticket in at most 3 bullet points.\nこんにちは世界\n"
        try folder.write("work/notes.txt", text)

        let tokens = try CLI.run(["tokens", "notes.txt", "-m", "gpt-4o", "--format", "json"], in: work, executable: binary)
        #expect(tokens.status == 0, "\(tokens.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(tokens.stdout.utf8)) as? [String: Any])
        #expect(object["tokens"] as? Int == Tokenizer.shared(.o200k_base).count(text))
        let cl100k = try CLI.run(["tokens", "notes.txt", "-m", "gpt-4", "--format", "json"], in: work, executable: binary)
        let cl100kObject = try #require(try JSONSerialization.jsonObject(with: Data(cl100k.stdout.utf8)) as? [String: Any])
        #expect(cl100kObject["tokens"] as? Int == Tokenizer.shared(.cl100k_base).count(text))

        let lint = try CLI.run(["lint", "notes.txt", "--fail-on", "warning"], in: work, executable: binary)
        #expect(lint.status == 1, "\(lint.stderr)")
        #expect(lint.stdout.contains("notes.txt:1:1: warning: \"Please\" is courtesy"))

        let help = try CLI.run(["--help"], in: work, executable: binary)
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: promptlint <subcommand>"))
        #expect(help.stdout.contains("lint"))
    }

    #if os(Linux)
    /// The installed binary carries the Swift runtime and Foundation: the only shared libraries it
    /// needs are the OS's (libc, libstdc++) and libyaml/libsqlite3, never the toolchain's or libcurl.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PROMPTLINT_STANDALONE_BINARY"] != nil))
    func theInstalledBinaryNeedsNoSwiftToolchain() throws {
        let ldd = try CLI.run([Self.binary], in: FileManager.default.currentDirectoryPath, executable: "/usr/bin/ldd")
        #expect(ldd.status == 0, "\(ldd.stderr)")
        #expect(ldd.stdout.contains("libyaml"))
        for library in ["libswiftCore", "libFoundation", "libcurl", "libdispatch", "/opt/swift"] {
            #expect(!ldd.stdout.contains(library), "links \(library):\n\(ldd.stdout)")
        }
    }
    #endif
}

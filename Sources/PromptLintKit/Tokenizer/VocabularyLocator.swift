import Foundation

/// Finds the shipped vocabulary files without `Bundle.module`, whose generated accessor stops the
/// process when the resource bundle is not where the build left it (a binary copied onto `PATH`
/// after `.build` was cleaned). Looked up, in order:
/// 1. `$PROMPTLINT_RESOURCES` (a directory holding `Vocab/` or the `.bpevocab` files);
/// 2. the resource bundle next to the executable, symlinks resolved (`promptlint_PromptLintKit.resources`
///    on Linux, `promptlint_PromptLintKit.bundle` on macOS), and `../share/promptlint`;
/// 3. the package's own `Sources/…/Vocab`, when the binary runs where it was built.
public enum VocabularyLocator {
    static let bundleNames = ["promptlint_PromptLintKit.resources", "promptlint_PromptLintKit.bundle/Contents/Resources",
                              "promptlint_PromptLintKit.bundle"]

    /// Directories that may hold `<encoding>.bpevocab`, most specific first.
    public static func searchDirectories(environment: [String: String] = ProcessInfo.processInfo.environment,
                                         executable: URL? = executablePath()) -> [String] {
        var roots: [String] = []
        if let custom = environment["PROMPTLINT_RESOURCES"], !custom.isEmpty { roots.append(custom) }
        if let executable {
            let folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
            roots += bundleNames.map { folder.appendingPathComponent($0).path }
            roots.append(folder.deletingLastPathComponent().appendingPathComponent("share/promptlint").path)
        }
        // This file is Sources/PromptLintKit/Tokenizer/VocabularyLocator.swift: its folder holds Vocab/.
        roots.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().path)
        return roots.flatMap { [$0 + "/Vocab", $0] }
    }

    /// The path of the vocabulary file for `encoding`, or an error naming every place looked at.
    public static func path(for encoding: Encoding, in directories: [String] = searchDirectories()) throws -> String {
        let name = encoding.rawValue + ".bpevocab"
        // access(2), not FileManager: this runs before every command, and Foundation's file and
        // bundle APIs cost milliseconds to warm up.
        for directory in directories where access(directory + "/" + name, R_OK) == 0 {
            return directory + "/" + name
        }
        throw VocabularyError.notFound(name, directories)
    }

    /// The running executable, symlinks resolved: `/proc/self/exe` on Linux, `Bundle.main` elsewhere.
    public static func executablePath() -> URL? {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if length > 0 { return URL(fileURLWithPath: String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)) }
        #endif
        return Bundle.main.executableURL
    }

    /// Throws a clear error when a vocabulary cannot be found, so a command can stop cleanly before it
    /// needs one instead of failing on first use.
    public static func checkAvailable() throws {
        for encoding in Encoding.allCases { _ = try path(for: encoding) }
    }
}

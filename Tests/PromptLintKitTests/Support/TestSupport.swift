import Foundation
@testable import PromptLintKit

/// A temporary folder populated with files, removed when the value is released.
final class TemporaryDirectory {
    let path: String

    init(files: [String: String] = [:]) throws {
        path = NSTemporaryDirectory() + "promptlint-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (relative, contents) in files { try write(relative, contents) }
    }

    func write(_ relative: String, _ contents: String) throws {
        let full = (path as NSString).appendingPathComponent(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try contents.write(toFile: full, atomically: true, encoding: .utf8)
    }

    func file(_ relative: String) -> String { (path as NSString).appendingPathComponent(relative) }

    func read(_ relative: String) throws -> String { try String(contentsOfFile: file(relative), encoding: .utf8) }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

enum Paths {
    /// The package root (this file is Tests/PromptLintKitTests/Support/TestSupport.swift).
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let fixtures = packageRoot + "/Tests/PromptLintKitTests/Fixtures"
    static let bundledLibrary = packageRoot + "/prompts"
}

/// Parses template YAML from a string (one file) and returns templates and issues.
func loadTemplates(_ text: String, path: String = "prompts/t.yml", name: String = "t") -> PromptLibrary.FileResult {
    PromptLibrary.parse(SourceFile(path: path, text: text), defaultName: name)
}

/// Deterministic RNG (SplitMix64) so property tests reproduce from their seed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

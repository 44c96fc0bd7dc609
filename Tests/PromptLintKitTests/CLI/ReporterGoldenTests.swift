import Foundation
import Testing

/// Golden files for every output format, over a fixture library with typical findings.
/// Set UPDATE_GOLDEN=1 to rewrite them after an intended change (then review the diff).
@Suite struct ReporterGoldenTests {
    static let formats: [(String, [String])] = [
        ("text.txt", ["lint"]),
        ("json.json", ["lint", "--format", "json"]),
        ("sarif.json", ["lint", "--format", "sarif"]),
        ("github.txt", ["lint", "--format", "github"]),
        ("statistics.txt", ["lint", "--statistics", "--no-source"]),
    ]

    @Test(arguments: formats.map(\.0))
    func matchesGolden(_ name: String) throws {
        let arguments = try #require(Self.formats.first { $0.0 == name }?.1)
        let dir = try TemporaryDirectory()
        try FileManager.default.copyItem(atPath: Paths.fixtures + "/lint", toPath: dir.file("prompts"))
        let result = try CLI.run(arguments, in: dir.path)
        #expect(result.status == 1, "\(result.stderr)")
        let golden = Paths.fixtures + "/golden/" + name
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try result.stdout.write(toFile: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: golden, encoding: .utf8)
        #expect(result.stdout == expected, "output differs from \(golden); rerun with UPDATE_GOLDEN=1 if intended")
    }
}

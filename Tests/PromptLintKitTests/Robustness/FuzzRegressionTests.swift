import Foundation
import Testing
@testable import PromptLintKit
import PromptLintFuzzTargets

/// Inputs on which a fuzz target once failed (scripts/fuzz wrote them; they live in
/// Fixtures/fuzz/TARGET) are replayed through the same target: a regression traps the test run.
@Suite struct FuzzRegressionTests {
    static let folder = Paths.fixtures + "/fuzz"

    static var inputs: [(target: String, file: String)] {
        let targets = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return targets.sorted().flatMap { target in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + target)) ?? []).sorted().map { (target, $0) }
        }
    }

    @Test func everyRegressionFolderNamesATarget() {
        #expect(!Self.inputs.isEmpty)
        for (target, file) in Self.inputs {
            #expect(FuzzTarget.named(target) != nil, "Fixtures/fuzz/\(target)/\(file): no fuzz target named '\(target)'")
        }
    }

    @Test(arguments: inputs.map { "\($0.target)/\($0.file)" })
    func replays(_ input: String) throws {
        let target = try #require(FuzzTarget.named(String(input.split(separator: "/")[0])))
        let bytes = try #require(FileManager.default.contents(atPath: Self.folder + "/" + input))
        target.run([UInt8](bytes))
    }

    /// The fix target's first finding: a 100-digit run before a Japanese unit overflowed `Int`.
    @Test func aRunOfDigitsSaturatesInsteadOfOverflowing() throws {
        let digits = String(repeating: "7", count: 100)
        let parsed = try #require(LengthLimitDetector.cjkNumber(Array((digits + "文字").utf8), 0))
        #expect(parsed.0 == Int.max)
        #expect(parsed.1 == 100)
        let fullWidth = try #require(LengthLimitDetector.cjkNumber(Array((String(repeating: "９", count: 30) + "字").utf8), 0))
        #expect(fullWidth.0 == Int.max)
        let kanji = try #require(LengthLimitDetector.cjkNumber(Array((String(repeating: "九", count: 40) + "千字").utf8), 0))
        #expect(kanji.0 == Int.max)
        // Ordinary numbers are unchanged.
        #expect(LengthLimitDetector.cjkNumber(Array("300文字".utf8), 0)?.0 == 300)
        #expect(LengthLimitDetector.cjkNumber(Array("1,200字".utf8), 0)?.0 == 1200)
        #expect(LengthLimitDetector.cjkNumber(Array("１２０字".utf8), 0)?.0 == 120)
        #expect(LengthLimitDetector.cjkNumber(Array("三百字".utf8), 0)?.0 == 300)
        #expect(LengthLimitDetector.cjkNumber(Array("二十字".utf8), 0)?.0 == 20)
    }
}

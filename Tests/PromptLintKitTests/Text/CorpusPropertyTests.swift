import Foundation
import Testing
@testable import PromptLintKit

/// What a safe fix must never change: placeholders, fenced code blocks and numbers (as multisets).
struct FixInvariants: Equatable {
    var placeholders: [String]
    var fences: [String]
    var numbers: [String]

    init(_ text: String) {
        let b = Array(text.utf8)
        let mask = ProseMask(text)
        let str = { (r: Range<Int>) in String(decoding: b[r], as: UTF8.self) }
        placeholders = mask.spans(of: [.mustache, .dollarPlaceholder, .bracePlaceholder]).map { str($0.range) }.sorted()
        fences = mask.spans(of: [.codeFence]).map { str($0.range).trimmingCharacters(in: .whitespacesAndNewlines) }.sorted()
        var nums: [String] = []
        var i = 0
        while i < b.count {
            if b[i] >= 0x30 && b[i] <= 0x39 {
                var j = i
                while j < b.count, b[j] >= 0x30 && b[j] <= 0x39 { j += 1 }
                nums.append(str(i..<j)); i = j
            } else { i += 1 }
        }
        numbers = nums.sorted()
    }
}

/// Applies the safe edits of every single-text analyzer at once (overlaps skipped, as the engine would).
func applyAllSafeFixes(_ text: String) -> String {
    let t = PromptText(text)
    let edits = TextAnalyzers.all.flatMap { $0.analyze(t) }.filter(\.isSafeFix).flatMap(\.edits)
    return TextEdit.apply(edits, to: text)
}

@Suite struct CorpusPropertyTests {
    static func fixtureTexts() throws -> [(String, String)] {
        let dir = try #require(Bundle.module.resourceURL?.appendingPathComponent("Fixtures/corpus"))
        let files = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        return try files.map { ($0.lastPathComponent, try String(contentsOf: $0, encoding: .utf8)) }
    }

    @Test func fixturesArePresent() throws {
        #expect(try Self.fixtureTexts().count >= 40)
    }

    @Test func safeFixesKeepPlaceholdersCodeAndNumbers() throws {
        for (name, text) in try Self.fixtureTexts() {
            let fixed = applyAllSafeFixes(text)
            let before = FixInvariants(text), after = FixInvariants(fixed)
            #expect(before.placeholders == after.placeholders, "\(name)")
            #expect(before.fences == after.fences, "\(name)")
            #expect(before.numbers == after.numbers, "\(name)")
        }
    }

    @Test func fixesConvergeAndStaySafe() throws {
        for (name, text) in try Self.fixtureTexts() {
            // Apply to a fixed point (bounded), like the engine's fix loop.
            var current = text
            for _ in 0..<4 {
                let next = applyAllSafeFixes(current)
                if next == current { break }
                current = next
            }
            #expect(FixInvariants(text) == FixInvariants(current), "\(name)")
        }
    }

    @Test func matchedTextEqualsRange() throws {
        for (name, text) in try Self.fixtureTexts() {
            let t = PromptText(text)
            let b = Array(text.utf8)
            for a in TextAnalyzers.all {
                for m in a.analyze(t) {
                    #expect(String(decoding: b[m.range], as: UTF8.self) == m.matched, "\(name) \(a)")
                    for e in m.edits { #expect(e.range.upperBound <= b.count, "\(name)") }
                }
            }
        }
    }
}

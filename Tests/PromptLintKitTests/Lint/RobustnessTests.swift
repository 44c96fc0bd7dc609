import Foundation
import Testing
@testable import PromptLintKit

/// Bad input never crashes: random mutations of real templates (YAML-significant characters,
/// truncation, invalid bytes) go through loading, linting, fixing and rendering.
@Suite struct RobustnessTests {
    static let alphabet: [UInt8] = Array(":-?[]{}#&*!|>'\"%@`\\\n\t ,\u{00e9}".utf8) + [0xFF, 0xC3, 0x00, 0x0D]

    @Test func mutatedTemplatesNeverCrash() throws {
        let library = PromptLibrary.load(root: Paths.bundledLibrary)
        let engine = LintEngine(configuration: LintConfiguration.defaults())
        var rng = SeededRandom(seed: 2026)
        var loaded = 0
        for template in library.templates {
            for _ in 0..<40 {
                var bytes = template.file.bytes
                for _ in 0..<Int.random(in: 1...4, using: &rng) {
                    let position = Int.random(in: 0...bytes.count, using: &rng)
                    switch Int.random(in: 0..<4, using: &rng) {
                    case 0: bytes.insert(Self.alphabet.randomElement(using: &rng)!, at: position)
                    case 1 where position < bytes.count: bytes.remove(at: position)
                    case 2 where position < bytes.count: bytes[position] = Self.alphabet.randomElement(using: &rng)!
                    default: bytes = Array(bytes.prefix(position))
                    }
                }
                let file = SourceFile(path: template.file.path, bytes: bytes)
                if (try? file.validateText()) == nil { continue }
                let result = PromptLibrary.parse(file, defaultName: template.name)
                for issue in result.issues { #expect(!issue.error.message.isEmpty) }
                guard !result.templates.isEmpty else { continue }
                loaded += 1
                for diagnostic in engine.lint(result.templates) {
                    #expect(diagnostic.range.lowerBound <= diagnostic.range.upperBound)
                    #expect(diagnostic.range.upperBound <= bytes.count)
                }
                let compressed = Compressor(engine: engine, applyUnsafe: true, requireSavings: false).compress(file, defaultName: template.name)
                #expect(PromptLibrary.parse(SourceFile(path: file.path, bytes: compressed.compressed), defaultName: template.name).templates.count == result.templates.count)
                _ = try? TemplateRenderer(library: library).render(result.templates[0], values: [:])
            }
        }
        #expect(loaded > 100)
    }
}

@Suite struct PhraseSearchTests {
    @Test func wholeWordsWithScalarAwareBoundaries() {
        #expect(PhraseSearch.wholeWordRanges(of: "utilize", in: "Utilize—then utilizes; re-utilize.", ignoreCase: true) == [0..<7, 28..<35])
        #expect(PhraseSearch.wholeWordRanges(of: "use", in: "reuse useful", ignoreCase: true).isEmpty)
        #expect(PhraseSearch.wholeWordRanges(of: "api", in: "日本apiです", ignoreCase: true).isEmpty)
    }
}

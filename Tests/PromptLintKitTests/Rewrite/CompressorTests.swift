import Foundation
import Testing
@testable import PromptLintKit

@Suite struct CompressorTests {
    static func compressor(unsafe: Bool = false) -> Compressor {
        var configuration = LintConfiguration.defaults()
        configuration.settings.measureAllFixes = true
        return Compressor(engine: LintEngine(configuration: configuration), applyUnsafe: unsafe)
    }

    @Test func rewritesThePoliteJSONInstruction() throws {
        let file = SourceFile(path: "p.txt", text: "Please make sure that you always respond in JSON format.\nSummarize the ticket in 3 bullets.\n")
        let result = Self.compressor().compress(file, defaultName: "p")
        #expect(String(decoding: result.compressed, as: UTF8.self) == "Always respond in JSON.\nSummarize the ticket in 3 bullets.\n")
        #expect(result.applied.map(\.code).sorted() == ["PL102", "PL201", "PL201"])
    }

    /// For every scalar style: only the content changes, comments and the rest stay byte for byte,
    /// and the document re-parses with the same keys.
    @Test(arguments: [
        "    content: In order to help the team, summarize the ticket in 3 bullets.\n",
        "    content: 'In order to help the team, summarize the ticket in 3 bullets.'\n",
        "    content: \"In order to help the team, summarize the ticket in 3 bullets.\"\n",
        "    content: |\n      In order to help the team, summarize the ticket in 3 bullets.\n",
        "    content: >\n      In order to help the team, summarize the ticket\n      in 3 bullets.\n",
    ])
    func everyScalarStyleKeepsTheRestOfTheFile(_ content: String) throws {
        let header = "# Team prompt — keep this comment\nname: t\nmodel: gpt-4o-mini   # trailing comment\nmax_output_tokens: 100\nmessages:\n  - role: user\n"
        let footer = "# footer comment\n"
        let file = SourceFile(path: "t.yml", text: header + content + footer)
        let result = Self.compressor().compress(file, defaultName: "t")
        let text = String(decoding: result.compressed, as: UTF8.self)
        #expect(text.hasPrefix(header))
        #expect(text.hasSuffix(footer))
        let template = try #require(PromptLibrary.parse(SourceFile(path: "t.yml", bytes: result.compressed), defaultName: "t").templates.first)
        #expect(template.messages.first?.text.hasPrefix("To help the team, summarize the ticket") == true, "\(text)")
        #expect(template.model == "gpt-4o-mini")
        #expect(template.maxOutputTokens == 100)
        // A second run changes nothing: the fixes converged.
        let again = Self.compressor().compress(SourceFile(path: "t.yml", bytes: result.compressed), defaultName: "t")
        #expect(!again.changed)
    }

    @Test func guardRefusesMeaningChanges() throws {
        func template(_ text: String, limit: Int? = nil) -> PromptTemplate {
            PromptTemplate(name: "t", file: SourceFile(path: "t.txt", text: text), format: .plainText, maxOutputTokens: limit,
                           messages: [PromptMessage(role: .user, text: text, source: .span(SourceFile(path: "t.txt", text: text), 0..<text.utf8.count))])
        }
        #expect(CompressionGuard.violation(before: template("Do not include PII."), after: template("Include PII.")) == "the meaning word 'not' would be removed")
        #expect(CompressionGuard.violation(before: template("Use {{name}} twice."), after: template("Use twice.")) == "a placeholder, code span or URL would change")
        #expect(CompressionGuard.violation(before: template("List 5 items."), after: template("List items.")) != nil)
        #expect(CompressionGuard.violation(before: template("Reply in one sentence."), after: template("Reply.")) == "the last length limit would be removed")
        #expect(CompressionGuard.violation(before: template("Please reply in one sentence."), after: template("Reply in one sentence.")) == nil)
    }

    /// Example data is verbatim: no pass may touch it, and the guard refuses a candidate that
    /// changes it (here: deleting the end marker, which would turn the example into instructions).
    @Test func exampleSectionsSurviveEveryPass() throws {
        let example = "EXAMPLE ESSAYS\nYou'll really just work harder.  \nYou should actually write very plainly.\nEND EXAMPLE ESSAYS\n"
        let text = "You should write an essay in 500 words.\n" + example + "Please be direct.\n"
        let result = Self.compressor(unsafe: true).compress(SourceFile(path: "p.txt", text: text), defaultName: "p")
        let compressed = String(decoding: result.compressed, as: UTF8.self)
        #expect(compressed == "Write an essay in 500 words.\n" + example + "Be direct.\n")
        func template(_ text: String) -> PromptTemplate {
            PromptTemplate(name: "t", file: SourceFile(path: "t.txt", text: text), format: .plainText,
                           messages: [PromptMessage(role: .user, text: text, source: .span(SourceFile(path: "t.txt", text: text), 0..<text.utf8.count))])
        }
        let withoutEndMarker = text.replacingOccurrences(of: "END EXAMPLE ESSAYS\n", with: "")
        #expect(CompressionGuard.violation(before: template(text), after: template(withoutEndMarker)) != nil)
    }

    @Test func unsafeFixesOnlyWithUnsafe() throws {
        let file = SourceFile(path: "p.txt", text: "Write a really short title of at most 8 words.\n")
        let safe = Self.compressor().compress(file, defaultName: "p")
        #expect(!safe.changed)
        #expect(safe.suggestions.contains { $0.code == "PL202" })
        let unsafe = Self.compressor(unsafe: true).compress(file, defaultName: "p")
        #expect(String(decoding: unsafe.compressed, as: UTF8.self) == "Write a short title of at most 8 words.\n")
    }

    /// Property over real prompts: placeholders, code blocks and numbers survive, tokens never
    /// grow, and a second compression changes nothing.
    @Test func corpusPropertiesHold() throws {
        let folder = Paths.fixtures + "/corpus"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(names.count >= 30)
        let compressor = Self.compressor(unsafe: true)
        for name in names {
            let file = try SourceFile.read(path: folder + "/" + name)
            let result = compressor.compress(file, defaultName: "p")
            let before = String(decoding: result.original, as: UTF8.self)
            let after = String(decoding: result.compressed, as: UTF8.self)
            let a = CompressionGuard.invariants(of: before)
            let b = CompressionGuard.invariants(of: after)
            #expect(a.protectedSpans == b.protectedSpans, "\(name)")
            #expect(a.numbers == b.numbers, "\(name)")
            let tokenizer = Tokenizer.shared(.o200k_base)
            #expect(tokenizer.count(after) <= tokenizer.count(before), "\(name)")
            let again = compressor.compress(SourceFile(path: file.path, bytes: result.compressed), defaultName: "p")
            #expect(!again.changed, "\(name) did not converge: \(again.applied.map(\.title))")
        }
    }

    @Test func unifiedDiff() {
        let diff = UnifiedDiff.render("a\nb\nc\n", "a\nB\nc\n", oldLabel: "old", newLabel: "new")
        #expect(diff == "--- old\n+++ new\n@@ -1,4 +1,4 @@\n a\n-b\n+B\n c\n \n")
        #expect(UnifiedDiff.render("same", "same", oldLabel: "x", newLabel: "y").isEmpty)
    }
}

@Suite struct AtomicWriteTests {
    @Test func refusesAFileChangedOnDiskAndKeepsPermissions() throws {
        let dir = try TemporaryDirectory(files: ["a.yml": "one\n"])
        let path = dir.file("a.yml")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        try AtomicFileWriter.write(Array("two\n".utf8), to: path, expecting: Array("one\n".utf8))
        #expect(try dir.read("a.yml") == "two\n")
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
        #expect(throws: SourceError.self) {
            try AtomicFileWriter.write(Array("three\n".utf8), to: path, expecting: Array("one\n".utf8))
        }
        #expect(try dir.read("a.yml") == "two\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }
}

@Suite struct JSONMinifyTests {
    @Test func keepsStringsAndPlaceholdersVerbatim() {
        #expect(JSONBlocks.minify("{\n  \"a b\": \"x  y\",\n  \"n\": {{ count }},\n  \"m\": ${ max },\n  \"q\": \"\\\" z\"\n}") ==
                "{\"a b\":\"x  y\",\"n\":{{ count }},\"m\":${ max },\"q\":\"\\\" z\"}")
    }
}

import Testing
@testable import PromptLintKit

private func parse(_ text: String, path: String = "t.yml") throws -> [YAMLDocument] {
    try YAMLParser().parse(SourceFile(path: path, text: text))
}

private func parseError(_ text: String) -> SourceError? {
    do {
        _ = try parse(text)
        return nil
    } catch {
        return error as? SourceError
    }
}

@Suite struct YAMLParserTests {
    @Test func mappingWithRangesAndStyles() throws {
        let text = "a: plain\nb: 'single'\nc: \"double\"\nd: |\n  literal\ne: >\n  folded\n"
        let root = try #require(try parse(text).first?.root)
        #expect(root["a"]?.scalar?.style == .plain)
        #expect(root["b"]?.scalar?.style == .singleQuoted)
        #expect(root["c"]?.scalar?.style == .doubleQuoted)
        #expect(root["d"]?.scalar?.style == .literal)
        #expect(root["e"]?.scalar?.style == .folded)
        #expect(root["d"]?.string == "literal\n")
        let b = try #require(root["b"])
        #expect(b.start == SourceLocation(offset: 12, line: 2, column: 4))
        #expect(SourceFile(path: "", text: text).string(b.range) == "'single'")
    }

    @Test func multiDocumentStream() throws {
        let docs = try parse("name: a\n---\nname: b\n...\n---\nname: c\n")
        #expect(docs.map { $0.root["name"]?.string } == ["a", "b", "c"])
        #expect(docs[1].root.start.line == 3)
    }

    @Test func syntaxErrorIsLocated() throws {
        let error = try #require(parseError("a: b\nc: [1, 2\nd: e\n"))
        #expect(error.location != nil)
        #expect(error.description.hasPrefix("t.yml:"))
        #expect(error.message.contains("YAML syntax error"))
        let tabs = try #require(parseError("a:\n\tb: c\n"))
        #expect(tabs.location?.line == 2)
    }

    @Test func duplicateKeyIsReportedAtTheSecondKey() throws {
        let error = try #require(parseError("name: a\ndescription: x\nname: b\n"))
        #expect(error.location?.line == 3)
        #expect(error.location?.column == 1)
        #expect(error.message == "duplicate key 'name' (first defined at line 1)")
        let nested = try #require(parseError("vars:\n  x: 1\n  x: 2\n"))
        #expect(nested.location == SourceLocation(offset: 15, line: 3, column: 3))
    }

    @Test func aliasesAreExpanded() throws {
        let root = try #require(try parse("base: &b {model: gpt-4o}\ncopy: *b\n").first?.root)
        #expect(root["copy"]?["model"]?.string == "gpt-4o")
    }

    @Test func aliasBombIsRejectedQuickly() throws {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        let error = try #require(parseError(text))
        #expect(error.message.contains("alias bomb"))
        #expect(error.location != nil)
    }

    @Test func unknownAliasIsAnError() throws {
        let error = try #require(parseError("a: *missing\n"))
        #expect(error.location?.line == 1)
    }

    @Test func nonASCIIPositionsCountCharacters() throws {
        let text = "ä: 'ü'\nb: \"日本\"\n"
        let root = try #require(try parse(text).first?.root)
        let b = try #require(root["b"])
        #expect(b.start.line == 2)
        #expect(b.start.column == 4)
        #expect(SourceFile(path: "", text: text).string(b.range) == "\"日本\"")
        let a = try #require(root.mapping?.first?.value)
        #expect(a.start.column == 4)
        #expect(a.start.offset == 4)
    }

    @Test func invalidUTF8AndBinaryAreRejected() throws {
        let bad = SourceFile(path: "x.yml", bytes: Array("name: a\nb: ".utf8) + [0xFF, 0x0A])
        #expect(throws: SourceError.self) { try bad.validateText() }
        do { try bad.validateText() } catch {
            #expect(error.location?.line == 2)
            #expect(error.message.contains("invalid UTF-8"))
        }
        let binary = SourceFile(path: "x.yml", bytes: [0x61, 0x00, 0x62])
        do { try binary.validateText(); Issue.record("expected an error") } catch {
            #expect(error.message.contains("binary"))
        }
    }

    @Test func deepNestingIsBounded() throws {
        let text = String(repeating: "[", count: 2000) + String(repeating: "]", count: 2000)
        let error = try #require(parseError(text))
        #expect(error.message.contains("nesting"))
    }

    @Test func emptyFileHasOneEmptyOrNoDocument() throws {
        let docs = try parse("")
        #expect(docs.count <= 1)
        let comments = try parse("# only a comment\n")
        #expect(comments.allSatisfy { $0.root.string == "" })
    }
}

import Testing
@testable import PromptLintKit

@Suite struct ProseMaskTests {
    /// The non-prose substrings of a text, with their kinds.
    func spans(_ s: String) -> [String] {
        let m = ProseMask(s)
        let b = Array(s.utf8)
        return m.spans.map { String(decoding: b[$0.range], as: UTF8.self) }
    }

    func kinds(_ s: String) -> [ProseMask.Kind] { ProseMask(s).spans.map(\.kind) }

    @Test func fencedCodeBlocks() {
        let s = "Intro\n```python\nprint('please')\n```\nAfter\n  ~~~\n  code\n  ~~~\nEnd"
        #expect(spans(s) == ["```python\nprint('please')\n```", "  ~~~\n  code\n  ~~~"])
        #expect(kinds(s) == [.codeFence, .codeFence])
    }

    @Test func unclosedBacktickFenceRunsToEnd() {
        #expect(spans("Text\n```json\n{\"a\": 1}") == ["```json\n{\"a\": 1}"])
    }

    @Test func bareTildeLineIsNotAFence() {
        #expect(spans("Title\n~~~~~~~~\nplease do it").isEmpty)
    }

    @Test func inlineCode() {
        #expect(spans("Use `please` and ``a ` b`` here") == ["`please`", "``a ` b``"])
        #expect(spans("An unmatched ` backtick").isEmpty)
    }

    @Test func placeholders() {
        let s = "Hi {{name}}, {{#items}}x{{/items}} ${lang} ${tone:formal} {topic} {{{raw}}}"
        #expect(spans(s) == ["{{name}}", "{{#items}}", "{{/items}}", "${lang}", "${tone:formal}", "{topic}", "{{{raw}}}"])
        #expect(kinds(s) == [.mustache, .mustache, .mustache, .dollarPlaceholder, .dollarPlaceholder, .bracePlaceholder, .mustache])
    }

    @Test func jsonObjectAndQuotedData() {
        let s = #"Return { "label": "please", "score": 1 } now"#
        #expect(spans(s) == [#"{ "label": "please", "score": 1 }"#])
        #expect(kinds(s) == [.json])
    }

    @Test func xmlTagsAndBracketPlaceholders() {
        let s = "<rules id=\"1\">please</rules> [INSERT TEXT] [x] a < b"
        #expect(spans(s) == ["<rules id=\"1\">", "</rules>", "[INSERT TEXT]"])
    }

    @Test func dataElementContent() {
        let s = "Reply politely.\n<examples>\n[human]: Thanks.\n</examples>\n<Transcript id=\"1\">please</Transcript> <b>keep</b>"
        #expect(spans(s) == ["<examples>", "\n[human]: Thanks.\n", "</examples>", "<Transcript id=\"1\">", "please", "</Transcript>", "<b>", "</b>"])
        #expect(PoliteFillerAnalyzer.analyze(s).isEmpty)
        #expect(spans("<input>Hi {{name}}, please</input>") == ["<input>", "Hi ", "{{name}}", ", please", "</input>"])
    }

    @Test func urls() {
        #expect(spans("See https://example.com/please?x=1. And www.test.org, ok") == ["https://example.com/please?x=1", "www.test.org"])
    }

    @Test func quotedExamples() {
        let s = "Reply with a phrase such as \"please wait\" or “thank you” or 'kindly'. Don't stop, it's fine."
        #expect(spans(s) == ["\"please wait\"", "“thank you”", "'kindly'"])
        #expect(kinds(s) == [.quoted, .quoted, .quoted])
    }

    @Test func quoteWrappingAWholeLineStaysProse() {
        let s = "\"Please act as a travel guide and tell me about the best places to visit in the city I name next.\""
        let m = ProseMask(s)
        #expect(m.spans.count == 2)
        #expect(m.isProse(1..<7))
    }

    @Test func unclosedQuoteIsProse() {
        #expect(spans("He said \"please\n\nand left").isEmpty)
    }

    @Test func isProseRange() {
        let m = ProseMask("a `b` c")
        #expect(m.isProse(0..<2))
        #expect(!m.isProse(1..<4))
        #expect(m.isProse(5..<7))
    }
}

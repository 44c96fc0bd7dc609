import Testing
@testable import PromptLintKit

@Suite struct SourceHighlighterTests {
    func diagnostic(_ code: String, _ range: Range<Int>, severity: Severity = .warning) -> Diagnostic {
        Diagnostic(code: code, rule: code, severity: severity, message: "m \(code)", path: "f.yml", range: range,
                   start: SourceLocation(offset: range.lowerBound, line: 1, column: 1), end: SourceLocation(offset: range.upperBound, line: 1, column: 1))
    }

    /// The source starts at file offset 100 on line 7.
    func view(_ text: String) -> MessageView {
        MessageView(role: "system", tokens: 0, source: Array(text.utf8), sourceOffset: 100, firstLine: 7)
    }

    @Test func marksTheExactBytes() {
        let html = SourceHighlighter.render(view("say please now"), findings: [diagnostic("PL102", 104..<110)])
        #expect(html == "<span class=\"ln\">7</span>say <mark class=\"finding warning\" data-codes=\"PL102\" title=\"PL102 warning: m PL102\">please</mark> now")
    }

    @Test func overlappingFindingsSplitIntoSegments() {
        let html = SourceHighlighter.render(view("abcdef"), findings: [diagnostic("A", 100..<104), diagnostic("B", 102..<106, severity: .error)])
        #expect(html.contains(">ab</mark>") && html.contains("data-codes=\"A B\"") && html.contains(">cd</mark>") && html.contains(">ef</mark>"))
        #expect(html.contains("class=\"finding error\" data-codes=\"A B\""))
    }

    @Test func lineNumbersAndPointsAndEscaping() {
        let html = SourceHighlighter.render(view("<a>\nline two"), findings: [diagnostic("P", 104..<104)])
        #expect(html.contains("<span class=\"ln\">7</span>&lt;a&gt;\n<span class=\"ln\">8</span><mark class=\"finding warning point\""))
    }
}

import Testing
@testable import PromptLintKit

/// Applies all edits of the matches (safe only unless `unsafe`).
func fix(_ text: String, _ matches: [TextMatch], unsafe: Bool = false) -> String {
    TextEdit.apply(matches.filter { unsafe || $0.isSafeFix }.flatMap(\.edits), to: text)
}

/// Checks that every match's `matched` equals the text at its byte range.
func checkRanges(_ text: String, _ matches: [TextMatch], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let b = Array(text.utf8)
    for m in matches {
        #expect(String(decoding: b[m.range], as: UTF8.self) == m.matched, sourceLocation: sourceLocation)
    }
}

/// One analyzer example: the input, the exact matched substrings, and the text after applying the fixes.
struct FixCase: Sendable, CustomTestStringConvertible {
    var input: String
    var matched: [String]
    var fixed: String
    var testDescription: String { input.debugDescription }
    init(_ input: String, _ matched: [String], _ fixed: String) { self.input = input; self.matched = matched; self.fixed = fixed }
}

func verify<A: TextAnalyzer>(_ a: A.Type, _ c: FixCase, unsafe: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let ms = a.analyze(c.input)
    #expect(ms.map(\.matched) == c.matched, sourceLocation: sourceLocation)
    checkRanges(c.input, ms, sourceLocation: sourceLocation)
    #expect(fix(c.input, ms, unsafe: unsafe) == c.fixed, sourceLocation: sourceLocation)
}

func expectClean<A: TextAnalyzer>(_ a: A.Type, _ input: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let ms = a.analyze(input)
    #expect(ms.isEmpty, "unexpected: \(ms.map(\.matched))", sourceLocation: sourceLocation)
}

extension RepeatedInstructionAnalyzer {
    /// One message's repetitions as matches on the second copy (`relatedRange` = the first), for
    /// tests that check one text; the rule reads `repetitions(in:)` directly.
    static func analyze(_ text: String) -> [TextMatch] { analyze(PromptText(text)) }

    static func analyze(_ t: PromptText) -> [TextMatch] {
        repetitions(in: [t]).map { r in
            t.match(r.second.range, "Repeats an earlier instruction (\"\(r.first.text)\"); say it once.",
                    code: "repeated", language: t.languages.first ?? .english, related: r.first.range)
        }
    }
}

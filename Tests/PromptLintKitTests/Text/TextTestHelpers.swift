import Testing
@testable import PromptLintKit

/// Applies all edits of the matches (safe only unless `unsafe`).
func fix(_ text: String, _ matches: [TextMatch], unsafe: Bool = false) -> String {
    TextEdit.apply(matches.filter { unsafe || $0.isSafeFix }.flatMap(\.edits), to: text)
}

/// Checks that every match's `matched` equals the text at its byte range.
func checkRanges(_ text: String, _ matches: [TextMatch], sourceLocation: SourceLocation = #_sourceLocation) {
    let b = Array(text.utf8)
    for m in matches {
        #expect(String(decoding: b[m.range], as: UTF8.self) == m.matched, sourceLocation: sourceLocation)
    }
}

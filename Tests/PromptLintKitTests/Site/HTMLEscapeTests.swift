import Testing
@testable import PromptLintKit

@Suite struct HTMLEscapeTests {
    @Test func markupBecomesText() {
        #expect(HTML.escape("<script>alert('x')</script>") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        #expect(HTML.escape("a & \"b\"") == "a &amp; &quot;b&quot;")
        #expect(HTML.escape("plain 日本語 text") == "plain 日本語 text")
    }

    @Test func controlCharactersAreReplacedButLineBreaksKept() {
        #expect(HTML.escape("a\u{0}b\u{1B}c") == "a\u{FFFD}b\u{FFFD}c")
        #expect(HTML.escape("a\tb\nc\r\n") == "a\tb\nc\r\n")
    }

    /// Property: whatever the input, the output has no raw markup character.
    @Test func noMarkupSurvivesRandomText() {
        var random = SeededRandom(seed: 17)
        let alphabet = Array("<>&\"' abc/=\u{0}\u{7F}é日\n")
        for _ in 0..<2000 {
            let text = String((0..<Int.random(in: 0...24, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            let escaped = HTML.escape(text)
            #expect(!escaped.contains("<") && !escaped.contains(">") && !escaped.contains("\"") && !escaped.contains("'"))
            // Every '&' starts an entity.
            #expect(escaped.components(separatedBy: "&").dropFirst().allSatisfy { $0.hasPrefix("amp;") || $0.hasPrefix("lt;") || $0.hasPrefix("gt;") || $0.hasPrefix("quot;") || $0.hasPrefix("#39;") })
        }
    }
}

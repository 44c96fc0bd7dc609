import Testing
@testable import PromptLintKit

/// Every analyzer on odd inputs: no crash, ranges inside the text and on UTF-8 boundaries, edits apply.
@Suite struct TextRobustnessTests {
    static let odd: [String] = [
        "", " ", "\n\n\n\n", "```", "~~~~", "`", "\"", "'", "{{", "}}", "${", "<", "[", "please", "Please.", ".", "!?",
        "\r\n\r\n\r\n\r\nPlease.\r\n", "é", "日本語", "😀 please 😀", "Please, ", "Thank you", "Could you please?",
        "You are a helpful assistant", "1-2-3-4 words", "under words", "max", "2–", "—please—", "please\u{2019}s",
        "\u{FEFF}Please summarize.", "a\u{0301} please", "PLEASE PLEASE PLEASE", "- \n- please\n-", "#####",
        "**", "****", "** **", "**a**", "a\n====", "====\na\n====", "─", "────\n", "# ----", "You will:", "You will:\n- Read\n- Write",
        "You are tasked with", "You are tasked with running.", "You should not", "You will", "EXAMPLE\nEND EXAMPLE",
        "## Input sample\nplease", "Your task is to:", "‘please", "\"Please", "**x**\n# ", "a**b**\n#\t",
    ]

    static func check(_ s: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let t = PromptText(s)
        let b = Array(s.utf8)
        let boundary = { (i: Int) in i == b.count || (i < b.count && b[i] & 0xC0 != 0x80) }
        var all: [TextMatch] = TextAnalyzers.all.flatMap { $0.analyze(t) }
        all += RepeatedInstructionAnalyzer.analyze(t)
        for m in all {
            #expect(m.range.lowerBound >= 0 && m.range.upperBound <= b.count, sourceLocation: sourceLocation)
            #expect(boundary(m.range.lowerBound) && boundary(m.range.upperBound), "\(s.debugDescription)", sourceLocation: sourceLocation)
            for e in m.edits {
                #expect(boundary(e.range.lowerBound) && boundary(e.range.upperBound), "\(s.debugDescription)", sourceLocation: sourceLocation)
            }
            _ = m.applyingFix(to: s)
        }
        _ = RequestedLengthEstimator.estimate(t)
        _ = LengthLimitDetector.detect(t)
    }

    @Test(arguments: odd) func oddInputs(_ s: String) { Self.check(s) }

    @Test func randomTexts() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["please", " ", "\n", "```", "`", "\"", "“", "”", "'", "{{x}}", "${y}", "{z}", "<a>", "</a>", "[X]", ".",
                      "!", "?", ",", "Thank you", "You are", "a helpful assistant", "in order to", "3", "-", "words",
                      "日本", "。", "お願いします", "por favor", "é", "😀", "\t", "very", "just", "=====", "http://x.y",
                      "**", "You will", " act", ":", "─────", "# ", "You are tasked with", " creating", "You should",
                      " not", "EXAMPLE", "END EXAMPLE", "## Output", "- [ ] ", "bold", "‘"]
        for _ in 0..<300 {
            var s = ""
            for _ in 0..<Int.random(in: 0..<30, using: &rng) { s += pieces.randomElement(using: &rng)! }
            Self.check(s)
        }
    }
}

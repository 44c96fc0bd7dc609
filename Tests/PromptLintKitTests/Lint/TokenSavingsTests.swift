import Testing
@testable import PromptLintKit

/// `tokensSaved` tokenizes only a window around an edit; it must equal the full recount.
@Suite struct TokenSavingsTests {
    static let texts = [
        "Please summarize the ticket.\n\nUse at most 3 bullets.   \nThank you!\n",
        "Rules:\n=====\n- one\n- two\n\n\n\n  indented line\nEnd.",
        "こんにちは。\nよろしくお願いします。\n  Next: 123456 items!!\n\tTabbed\n",
        "x.\n\n  text\n  more   \nlast line without newline",
    ]

    @Test func windowedCountEqualsFullRecount() throws {
        var rng = SeededRandom(seed: 7)
        for text in Self.texts {
            let file = SourceFile(path: "t.txt", text: text)
            let template = PromptLibrary.plainText(file, name: "t")
            for encoding in Encoding.allCases {
                let model = encoding == .cl100k_base ? "gpt-4" : "gpt-4o"
                let context = TemplateContext(template: template, settings: LintSettings(defaultModel: model))
                let bytes = Array(text.utf8)
                let boundaries = [0] + text.unicodeScalars.indices.dropFirst().map { text.utf8.distance(from: text.utf8.startIndex, to: $0) } + [bytes.count]
                for _ in 0..<60 {
                    let a = boundaries.randomElement(using: &rng)!
                    let b = boundaries.randomElement(using: &rng)!
                    let edit = TextEdit(range: min(a, b)..<max(a, b), replacement: ["", " ", "X", "\n", "ok."].randomElement(using: &rng)!)
                    let full = context.tokens(text) - context.tokens(TextEdit.apply([edit], to: text))
                    #expect(context.tokensSaved(message: 0, edits: [edit]) == full, "\(encoding) \(edit) in \(text.debugDescription)")
                }
            }
        }
    }
}

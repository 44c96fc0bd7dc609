/// A fenced block that holds *the prompt* of a prompt document, not code.
///
/// Teams keep prompts in Markdown: a description, a "## System Prompt" heading and the prompt in a
/// fence, or the whole prompt wrapped in ```` ```markdown ````. Treated as code, such a prompt is
/// invisible to every wording rule. A fence is the prompt when its info string is empty or a prose
/// format (`markdown`, `md`, `text`, `txt`, `plaintext`, `prompt`), its content reads as prose (few
/// code characters), and
/// - the heading (or `Label:` line) just above it names a prompt (System Prompt, Prompt,
///   Instructions, System message; プロンプト, 指示; instrucciones, indicaciones) and not an
///   output, format, template or example; or
/// - it is a `markdown`/`text` fence holding most (70%) of the text; or
/// - it is the text's only fence and holds nearly all (80%) of it.
/// Only its fence lines are then masked; fences inside it are code as usual.
enum PromptFence {
    static let proseInfoStrings: Set<String> = ["markdown", "md", "text", "txt", "plaintext", "prompt"]
    static let promptHeadingWords = ["system prompt", "prompt", "instructions", "system message", "プロンプト", "指示",
                                     "instrucciones", "indicaciones"]
    /// A fence under "Output format" or "Example prompt" is what the model should produce or data.
    static let otherHeadingWords = ["output", "format", "template", "example", "sample", "response", "result", "schema",
                                    "出力", "例", "salida", "ejemplo", "plantilla", "formato"]

    struct Block {
        /// From the opening fence line's start to the end of the closing fence line (or the text).
        var range: Range<Int>
        var openingLineEnd: Int
        /// Start of the closing fence line; nil when the fence runs to the end of the text.
        var closingLineStart: Int?
        /// The first word after the fence characters, lowercased.
        var info: String

        var content: Range<Int> {
            let start = min(openingLineEnd + 1, range.upperBound)
            return start..<max(start, closingLineStart ?? range.upperBound)
        }
    }

    /// `textSubstance`: the text's non-blank bytes (`nonBlankCount` of all of it), counted once by
    /// the caller for all the text's fences.
    static func isPrompt(_ block: Block, in b: [UInt8], fenceCount: Int, textSubstance: () -> Int) -> Bool {
        guard block.info.isEmpty || proseInfoStrings.contains(block.info) else { return false }
        let content = block.content
        let substance = nonBlankCount(b, content)
        guard substance >= 80, readsAsProse(b, content) else { return false }
        if let heading = headingAbove(block.range.lowerBound, in: b) {
            if otherHeadingWords.contains(where: { heading.contains($0) }) { return false }
            if promptHeadingWords.contains(where: { heading.contains($0) }) { return true }
        }
        let total = textSubstance()
        if !block.info.isEmpty, substance * 10 >= total * 7 { return true }
        return fenceCount == 1 && substance * 10 >= total * 8
    }

    /// The lowercased text of the nearest non-blank line above `lineStart` when it is a Markdown
    /// heading, a bold line or a line ending in ":".
    static func headingAbove(_ lineStart: Int, in b: [UInt8]) -> String? {
        var newline = lineStart - 1                            // the newline that ends the line above
        while newline >= 0 {
            let start = SentenceSplitter.lineStart(b, newline)
            let first = Bytes.skipSpaces(start, b)
            var last = newline
            while last > first, Bytes.isWhitespace(b[last - 1]) { last -= 1 }
            if first < last {
                let isHeading = b[first] == 0x23
                let isBold = last - first > 4 && b[first] == 0x2A && b[first + 1] == 0x2A
                // "Label:" or "ラベル：" (full-width colon, EF BC 9A).
                let isLabel = b[last - 1] == 0x3A || (last - first >= 3 && b[last - 3] == 0xEF && b[last - 2] == 0xBC && b[last - 1] == 0x9A)
                guard isHeading || isBold || isLabel else { return nil }
                return String(decoding: Bytes.folded(String(decoding: b[first..<last], as: UTF8.self)), as: UTF8.self)
            }
            newline = start - 1
        }
        return nil
    }

    static func nonBlankCount(_ b: [UInt8], _ r: Range<Int>) -> Int {
        var n = 0
        for k in r where !Bytes.isWhitespace(b[k]) { n += 1 }
        return n
    }

    /// Code has braces, semicolons, `=` and `<>` in numbers prose never has: under 2% of the bytes.
    static func readsAsProse(_ b: [UInt8], _ r: Range<Int>) -> Bool {
        var code = 0
        for k in r {
            switch b[k] {
            case 0x7B, 0x7D, 0x3B, 0x3D, 0x3C, 0x3E, 0x28, 0x29: code += 1
            default: break
            }
        }
        // Mustache placeholders ({{x}}) are four braces each; allow them.
        var braces = 0
        var k = r.lowerBound
        while k + 1 < r.upperBound {
            if b[k] == 0x7B, b[k + 1] == 0x7B { braces += 4; k += 2 } else { k += 1 }
        }
        return (code - min(code, braces)) * 50 < max(1, r.count)
    }
}

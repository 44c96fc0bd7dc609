/// PL206: a pretty-printed JSON example the model does not need indented.
struct PrettyPrintedJSONRule: Rule {
    static let definition = RuleDefinition(RuleDescription(
        code: "PL206", identifier: "pretty_printed_json", family: .bloat,
        summary: "A pretty-printed JSON example whose indentation costs tokens.",
        explanation: """
        ## What it does
        Finds JSON examples (a fenced ```json block, or a block whose whole content parses as a JSON object
        or array) written across several indented lines, in a prompt that does not ask for formatted output.

        ## Why is this bad?
        Indentation and line breaks are tokens: a 20-line pretty-printed schema often costs 30–40% more
        than the same JSON on one line, and the model reads both equally well.

        ## Fix safety
        Safe: only whitespace outside JSON strings is removed; keys, values, order and placeholders stay.
        Skipped when the prompt mentions pretty-printing, indentation or formatting of the output.
        """,
        defaultSeverity: .info, fixApplicability: .safe,
        triggeringExamples: [
            RuleExample("Return only an object like this:\n```json\n«{\n  \"name\": \"Ada\",\n  \"tags\": [\n    \"x\"\n  ]\n}»\n```"),
        ],
        nonTriggeringExamples: [
            RuleExample("Return only an object like this:\n```json\n{\"name\": \"Ada\", \"tags\": [\"x\"]}\n```"),
            RuleExample("Return only pretty-printed JSON with 2-space indentation, like:\n```json\n{\n  \"name\": \"Ada\"\n}\n```"),
            RuleExample("Return only code like:\n```python\nx = {\n  \"a\": 1\n}\n```"),
        ],
        corrections: [
            RuleCorrection("Return only:\n```json\n{\n  \"name\": \"{{name}}\",\n  \"ok\": true\n}\n```\n",
                           "Return only:\n```json\n{\"name\":\"{{name}}\",\"ok\":true}\n```\n"),
        ]
    )) { _ in PrettyPrintedJSONRule() }

    var description: RuleDescription { Self.definition.description }

    static let formattingWords = ["pretty", "indent", "formatted json", "format the json", "readable json", "multi-line", "multiline"]

    func check(_ context: TemplateContext) -> [Finding] {
        var findings: [Finding] = []
        for index in context.instructionMessageIndices {
            let text = context.messages[index].text
            let lowered = text.lowercased()
            if Self.formattingWords.contains(where: { lowered.contains($0) }) { continue }
            for block in JSONBlocks.find(in: text) {
                let minified = JSONBlocks.minify(block.content)
                guard minified != block.content else { continue }
                let edits = [TextEdit(range: block.range, replacement: minified)]
                let saved = context.tokensSaved(message: index, edits: edits)
                guard saved > 0 else { continue }
                let fix = context.fix(message: index, edits: [(block.range, minified)], title: "Write the JSON example on one line", applicability: .safe)
                findings.append(context.finding(message: index, range: block.range,
                    "pretty-printed JSON example: on one line it costs \(saved) token\(saved == 1 ? "" : "s") less per call", fix: fix, tokensSaved: saved))
            }
        }
        return findings
    }
}

/// JSON examples inside prompt text: fenced blocks tagged `json`, or untagged fenced blocks whose
/// content is a JSON object or array.
enum JSONBlocks {
    struct Block {
        /// UTF-8 range of the JSON content (inside the fence).
        var range: Range<Int>
        var content: String
    }

    static func find(in text: String) -> [Block] {
        let bytes = Array(text.utf8)
        var blocks: [Block] = []
        var lineStart = 0
        var openFence: (contentStart: Int, tag: String)?
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self).trimmingWhitespace()
            if line.hasPrefix("```") {
                if let fence = openFence {
                    var contentEnd = lineStart
                    if contentEnd > fence.contentStart, bytes[contentEnd - 1] == 0x0A { contentEnd -= 1 }
                    if contentEnd > fence.contentStart {
                        let content = String(decoding: bytes[fence.contentStart..<contentEnd], as: UTF8.self)
                        let trimmed = content.trimmingWhitespace()
                        let looksJSON = (trimmed.hasPrefix("{") && trimmed.hasSuffix("}")) || (trimmed.hasPrefix("[") && trimmed.hasSuffix("]"))
                        if (fence.tag == "json" || fence.tag.isEmpty) && looksJSON && content.contains("\n") && isJSON(content) {
                            blocks.append(Block(range: fence.contentStart..<contentEnd, content: content))
                        }
                    }
                    openFence = nil
                } else {
                    openFence = (min(lineEnd + 1, bytes.count), String(line.dropFirst(3)).trimmingWhitespace().lowercased())
                }
            }
            lineStart = lineEnd + 1
        }
        return blocks
    }

    /// True when the text parses as JSON once Mustache placeholders are replaced by a string.
    static func isJSON(_ text: String) -> Bool {
        var probe = text
        for tag in MustacheScan(text).tags.reversed() {
            let bytes = Array(probe.utf8)
            probe = String(decoding: bytes[..<tag.range.lowerBound] + Array("0".utf8) + bytes[tag.range.upperBound...], as: UTF8.self)
        }
        guard let data = probe.data(using: .utf8) else { return false }
        return (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil
    }

    /// Removes whitespace outside strings; everything else is kept byte for byte.
    static func minify(_ text: String) -> String {
        var out: [UInt8] = []
        var inString = false
        var escaped = false
        for byte in text.utf8 {
            if inString {
                out.append(byte)
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                continue
            }
            if byte == 0x22 { inString = true; out.append(byte); continue }
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { continue }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

import Foundation

/// PL206: a pretty-printed JSON example the model does not need indented.
struct PrettyPrintedJSONRule: Rule {
    static let definition = RuleDefinition(RuleDescription(
        code: "PL206", identifier: "pretty_printed_json", family: .bloat,
        summary: "A pretty-printed JSON example whose indentation costs tokens.",
        explanation: """
        ## What it does
        Finds JSON examples written in the prompt's text (a `{…}` or `[…]` object that parses as JSON) across
        several indented lines, in a prompt that does not ask for formatted output. Fenced code blocks are
        never edited, so a JSON example inside ``` is left alone.

        ## Why is this bad?
        Indentation and line breaks are tokens: a 20-line pretty-printed schema often costs 30–40% more
        than the same JSON on one line, and the model reads both equally well.

        ## Fix safety
        Safe: only whitespace outside JSON strings is removed; keys, values, order and placeholders stay.
        Skipped when the prompt mentions pretty-printing, indentation or formatting of the output.
        """,
        defaultSeverity: .info, fixApplicability: .safe,
        triggeringExamples: [
            RuleExample("Return only an object like this:\n«{\n  \"name\": \"Ada\",\n  \"tags\": [\n    \"x\"\n  ]\n}»\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("Return only an object like this:\n{\"name\": \"Ada\", \"tags\": [\"x\"]}\n"),
            RuleExample("Return only an object like this:\n```json\n{\n  \"name\": \"Ada\"\n}\n```"),
            RuleExample("Return only pretty-printed JSON with 2-space indentation, like:\n{\n  \"name\": \"Ada\"\n}\n"),
            RuleExample("Return only code like:\n```python\nx = {\n  \"a\": 1\n}\n```"),
        ],
        corrections: [
            RuleCorrection("Return only:\n{\n  \"name\": \"{{name}}\",\n  \"ok\": true\n}\n",
                           "Return only:\n{\"name\":\"{{name}}\",\"ok\":true}\n"),
        ]
    )) { _ in PrettyPrintedJSONRule() }

    var description: RuleDescription { Self.definition.description }

    static let formattingWords = ["pretty", "indent", "formatted json", "format the json", "readable json", "multi-line", "multiline"]

    func check(_ context: TemplateContext) -> [Finding] {
        var findings: [Finding] = []
        for index in context.instructionMessageIndices {
            let blocks = JSONBlocks.find(in: context.texts[index])
            guard !blocks.isEmpty else { continue }
            // Only now (rarely) pay for the case-folded search of formatting requests.
            let lowered = context.messages[index].text.lowercased()
            if Self.formattingWords.contains(where: { lowered.contains($0) }) { continue }
            for block in blocks {
                let minified = JSONBlocks.minify(block.content)
                guard minified != block.content else { continue }
                let edits = [TextEdit(range: block.range, replacement: minified)]
                let saved = context.tokensSaved(message: index, edits: edits)
                guard saved > 0 else { continue }
                let fix = context.fix(message: index, edits: edits, title: "Write the JSON example on one line", applicability: .safe)
                findings.append(context.finding(message: index, range: block.range,
                    "pretty-printed JSON example: on one line it costs \(saved) token\(saved == 1 ? "" : "s") less per call", fix: fix, tokensSaved: saved))
            }
        }
        return findings
    }
}

/// JSON examples written in the prose of a prompt (not in code fences, which are never edited):
/// a `{…}` or `[…]` span over several lines that parses as JSON.
enum JSONBlocks {
    struct Block {
        /// UTF-8 range of the JSON text.
        var range: Range<Int>
        var content: String
    }

    static func find(in text: String) -> [Block] { find(in: PromptText(text)) }

    /// Reuses the prose analysis a template context already holds.
    static func find(in prose: PromptText) -> [Block] {
        prose.mask.spans(of: [.json]).compactMap { span in
            guard !prose.mask.isInCodeFence(span.range.lowerBound) else { return nil }
            let content = prose.string(span.range)
            guard content.contains("\n"), isJSON(content) else { return nil }
            return Block(range: span.range, content: content)
        }
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

    /// Removes whitespace outside strings and outside `{{…}}` / `${…}` placeholders; everything
    /// else is kept byte for byte.
    static func minify(_ text: String) -> String {
        var out: [UInt8] = []
        var inString = false
        var escaped = false
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if !inString, byte == 0x7B || byte == 0x24, index + 1 < bytes.count, bytes[index + 1] == 0x7B {
                // Copy a placeholder verbatim, up to its closing braces.
                let close: [UInt8] = byte == 0x24 ? [0x7D] : [0x7D, 0x7D]
                var end = index + 2
                while end < bytes.count, !bytes[end...].starts(with: close) { end += 1 }
                end = min(bytes.count, end + close.count)
                out.append(contentsOf: bytes[index..<end])
                index = end
                continue
            }
            index += 1
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

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

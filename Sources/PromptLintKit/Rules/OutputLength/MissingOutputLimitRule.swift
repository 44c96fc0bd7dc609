/// PL301: nothing bounds the length of the answer.
struct MissingOutputLimitRule: Rule {
    static let definition = RuleDefinition(RuleDescription(
        code: "PL301", identifier: "missing_output_limit", family: .outputLength,
        summary: "No output limit: neither `max_output_tokens` nor a length instruction in the text.",
        explanation: """
        ## What it does
        Passes when the template sets an output limit (`max_output_tokens`; Prompty `model.options.maxOutputTokens`
        or `model.parameters.max_tokens`; dotprompt `config.maxOutputTokens`; `config.max_tokens` as Langfuse
        and promptfoo write it) or its text bounds the answer: a count with a unit ("under 100 words", "in at
        most 3 bullet points", "2–3 sentences", 「100文字以内」), a single unit ("one sentence", "a single JSON
        object", "yes or no"), or an exclusive output ("Return only the SQL"). Otherwise it reports the template.
        Vague words ("brief", "concise", "short", 簡潔に) are not limits, and the message says so.

        It reports only prompts whose output is an answer. A cap would cut an artefact (code, a whole file,
        a web page, a document, a rewrite or translation), and it is not an answer length for an image
        prompt or for an agent or interactive prompt (tools, commands, a simulation, a conversation): those
        are left alone, and the message says which cases were considered.

        ## Why is this bad?
        Output tokens cost 4–8× input tokens, and an unbounded answer is the most expensive part of a call:
        a model asked to "summarize" may write 80 words or 800. A number in the instruction or a
        `max_output_tokens` caps the bill.

        ## Fix
        Set `max_output_tokens`, or give a number: "in at most 3 bullet points", "under 120 words".
        """,
        defaultSeverity: .error,
        triggeringExamples: [
            .template("«model»: gpt-4o\ntemplate: Summarize the ticket for the on-call engineer.\n"),
            .template("model: gpt-4o\ntemplate: Write a «concise» summary of the ticket.\n"),
            .plainText("«I»dentify the risks in this contract."),
            // A number about the input is not a limit on the answer.
            .plainText("«E»xplain the root cause of the outage. The last 20 lines show the log format."),
            .template("model: gpt-4o\ntemplate: 「チケットを«簡潔に»要約してください。」\n"),
        ],
        nonTriggeringExamples: [
            .template("model: gpt-4o\nmax_output_tokens: 200\ntemplate: Summarize the ticket.\n"),
            .template("model: gpt-4o\ntemplate: Summarize the ticket in at most 3 bullet points.\n"),
            .template("model: gpt-4o\ntemplate: Return only the SQL query.\n"),
            .template("model: gpt-4o\ntemplate: Is the review positive? Answer yes or no.\n"),
            .template("model: gpt-4o\ntemplate: チケットを100文字以内で要約してください。\n"),
            .template("model: gpt-4o\nconfig: {max_tokens: 300}\ntemplate: Summarize the ticket.\n"),
            .plainText("Summarize this article in under 100 words."),
            .plainText("Hyper-realistic photo of a harbour at dawn, 85mm lens, shallow depth of field, 4:5 aspect ratio."),
            .plainText("Write the complete code for each file of the project."),
            .plainText("Use this agent when the user asks to deploy. Run the deploy command and report failures."),
            .plainText("Explain the root cause of the outage in two sentences. The last 20 lines show the log format."),
        ]
    )) { _ in MissingOutputLimitRule() }

    var description: RuleDescription { Self.definition.description }

    func check(_ context: TemplateContext) -> [Finding] {
        if context.template.maxOutputTokens != nil { return [] }
        // A fragment included by other templates with {{> name}} is limited by its includer.
        if context.settings.includedAsPartial.contains(context.template.name) { return [] }
        let indices = context.instructionMessageIndices
        if indices.contains(where: { context.texts[$0].lengthReport.hasLimit }) { return [] }
        // A cap fits an answer; it would cut an artefact (code, a file, a page, a document), and an image
        // prompt or an agent working in turns has no answer length.
        guard OutputKindDetector.kind(of: indices.map { context.messages[$0].text }.joined(separator: "\n")) == .answer else { return [] }
        var considered = " (considered: not an image prompt, not an artefact such as code, a file, a page or a document, not an agent or interactive prompt"
        if let aboutInput = indices.lazy.compactMap({ context.texts[$0].lengthReport.inputCounts.first }).first {
            considered += "; '\(aboutInput.matched)' describes the input, not the answer"
        }
        considered += ")"
        for index in indices {
            if let vague = context.texts[index].lengthReport.vague.first {
                let word = vague.matched.trimmingWhitespace()
                return [context.finding(message: index, range: vague.range,
                                        "'\(word)' is not a limit: give a number (e.g. 'in at most 3 sentences') or set max_output_tokens" + considered)]
            }
        }
        let message = "no output limit: set max_output_tokens or bound the answer in the text (e.g. 'in at most 3 bullet points', 'under 100 words', 'Return only the JSON')" + considered
        if context.template.format == .plainText, let first = indices.first {
            let text = context.messages[first].text
            let start = text.utf8.firstIndex(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }).map { text.utf8.distance(from: text.utf8.startIndex, to: $0) } ?? 0
            let end = min(text.utf8.count, start + (text.unicodeScalars.first.map { String($0).utf8.count } ?? 0))
            return [context.finding(message: first, range: start..<end, message)]
        }
        return [context.finding(templateStart: message)]
    }
}

/// PL203: the same instruction (or a near-duplicate) stated twice in a template.
struct RepeatedInstructionRule: Rule {
    static let definition = RuleDefinition(RuleDescription(
        code: "PL203", identifier: "repeated_instruction", family: .bloat,
        summary: "The same instruction, or a near-duplicate, is stated twice in a template.",
        explanation: """
        ## What it does
        Compares every sentence and bullet of a template's messages after normalising case, punctuation,
        stop words and word endings, and reports pairs that are identical or nearly so (≥ 80% of their
        content words shared), pointing at both places — also across messages.

        ## Why is this bad?
        Repetition is paid for twice on every call. Authors repeat instructions when the model ignored
        them once; the fix for that is a clearer single instruction, not a second copy.

        ## Fix safety
        An exact repetition (same words after normalising) in the same section is deleted safely. A
        repeat in another section (a heading between the copies: parallel sections, a final checklist),
        a near-duplicate (it may differ in a detail) and a list item that repeats a sentence (often a
        field of an output template) are reported without a fix.
        """,
        defaultSeverity: .warning, fixApplicability: .safe,
        readsProseOnly: true,
        triggeringExamples: [
            RuleExample("Always answer in valid JSON format.\nSummarize the ticket in 3 bullets.\n«Always answer in a valid JSON format!»"),
            .template("model: gpt-4o\nmax_output_tokens: 50\nmessages:\n  - role: system\n    content: Never reveal the internal ticket notes to the customer.\n  - role: user\n    content: \"«Never reveal internal ticket notes to the customer.» Reply in 2 lines.\"\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("Answer in valid JSON.\nSummarize the ticket in 3 bullets."),
            RuleExample("Summarize the first ticket in 3 bullets.\nSummarize the second log in 5 numbered lines."),
            // An output template with a blank to fill, shown under each section.
            RuleExample("## Core reading\n- Man's Search for Meaning, by Victor Frankl. This book was chosen because _____.\n## Extended reading\n- Man's Search for Meaning, by Victor Frankl. This book was chosen because _____."),
            // The same words with other figures: two tiers, not one instruction said twice.
            RuleExample("Tier B proposes new ideas. Give it a novelty score between 80% and 90% for this tier.\n\nTier C improves existing ideas.\n\nTier D is derivative. Give it a novelty score between 20% and 50% for this tier."),
        ],
        corrections: [
            RuleCorrection("## Billing\nNever include customer personal data in the summary.\n## Refunds\nNever include customer personal data in the summary.\n",
                           "## Billing\nNever include customer personal data in the summary.\n## Refunds\nNever include customer personal data in the summary.\n"),
            RuleCorrection("Check:\n- All tests pass.\n## Before finalizing, verify\n- All tests pass.\n",
                           "Check:\n- All tests pass.\n## Before finalizing, verify\n- All tests pass.\n", unsafe: true),
            RuleCorrection("Never include customer personal data in the summary.\nSummarize the ticket in 3 bullets.\nNever include customer personal data in the summary.\n",
                           "Never include customer personal data in the summary.\nSummarize the ticket in 3 bullets.\n"),
        ]
    )) { _ in RepeatedInstructionRule() }

    var description: RuleDescription { Self.definition.description }

    func check(_ context: TemplateContext) -> [Finding] {
        let indices = context.instructionMessageIndices
        let repetitions = RepeatedInstructionAnalyzer.repetitions(in: indices.map { context.texts[$0] })
        return repetitions.map { repetition in
            let secondIndex = indices[repetition.second.messageIndex]
            let firstIndex = indices[repetition.first.messageIndex]
            var finding = context.finding(message: secondIndex, range: repetition.second.range, "")
            let firstRange = context.fileRange(message: firstIndex, repetition.first.range)
            let firstLine = context.file.location(ofByte: firstRange.lowerBound).line
            let kind = repetition.similarity >= 0.999 ? "repeats" : "nearly repeats"
            finding.message = "\(kind) the instruction on line \(firstLine) (\"\(Self.shortened(repetition.first.text))\"): say it once"
            finding.related = [(range: firstRange, file: context.file, message: "first stated here")]
            // Only an exact repeat (same words after normalising) in the same role is deleted: a
            // near-duplicate differs in a detail, and a list item that repeats a sentence is usually a
            // field of an output template that restates a step ("Determine the level" / "- Level").
            if repetition.similarity >= 0.999,
               let sentence = context.texts[secondIndex].sentence(containing: repetition.second.range.lowerBound),
               sentence.range == repetition.second.range, Self.isDeletable(repetition.second.text),
               Self.isListItem(context.texts[firstIndex], repetition.first.range) == Self.isListItem(context.texts[secondIndex], repetition.second.range),
               // Only in the same section of the same message: a heading between the copies means
               // parallel sections (or a final checklist) that each need the line.
               firstIndex == secondIndex,
               !Self.hasHeading(in: context.texts[secondIndex], between: repetition.first.range.upperBound, and: repetition.second.range.lowerBound) {
                let edits = [TextEdit(range: sentence.removalRange, replacement: "")]
                finding.fix = context.fix(message: secondIndex, edits: edits,
                                          title: "Delete the repeated instruction", applicability: .safe)
                finding.tokensSaved = context.tokensSaved(message: secondIndex, edits: edits)
            }
            return finding
        }
    }

    /// Headings, lines that introduce a list ("…:"), and output-format fields ("Label: [x]") are
    /// structure, not instructions: they are reported but never deleted automatically.
    static func isDeletable(_ sentence: String) -> Bool {
        let trimmed = sentence.trimmingWhitespace()
        if trimmed.hasPrefix("#") || trimmed.hasSuffix(":") { return false }
        if trimmed.contains(":") && (trimmed.contains("[") || trimmed.contains("{")) { return false }
        return true
    }

    /// True when the sentence at `range` is a list item (a marker opens its line).
    static func isListItem(_ text: PromptText, _ range: Range<Int>) -> Bool {
        let bytes = text.bytes
        let lineStart = SentenceSplitter.lineStart(bytes, range.lowerBound)
        let first = Bytes.skipSpaces(lineStart, bytes)
        return first < range.lowerBound && SentenceSplitter.listMarkerEnd(bytes, first) > first
    }

    /// True when a Markdown heading line starts between two UTF-8 offsets of a text.
    static func hasHeading(in text: PromptText, between start: Int, and end: Int) -> Bool {
        let bytes = text.bytes
        guard start < end, end <= bytes.count else { return false }
        var index = start
        while index < end {
            if (index == 0 || bytes[index - 1] == 0x0A) && bytes[index] == 0x23 { return true }
            index += 1
        }
        return false
    }

    static func shortened(_ text: String) -> String {
        let trimmed = text.trimmingWhitespace()
        return trimmed.count > 60 ? String(trimmed.prefix(57)) + "…" : trimmed
    }
}

/// PL205: trailing spaces, runs of blank lines, decorative rules (`=====`), and decoration: emoji headings,
/// empty headings, a doubled title, literal `\n`, HTML comments, change notes.
enum WhitespaceWasteRule {
    static let definition = AnalyzerRule.definition(RuleDescription(
        code: "PL205", identifier: "whitespace_waste", family: .bloat,
        summary: "Whitespace and decoration: trailing spaces, 3+ blank lines, =====/──── lines, emoji headings, empty headings, a doubled title, literal \\n, HTML comments, change notes.",
        explanation: """
        ## What it does
        Finds trailing spaces and tabs, runs of three or more blank lines, and decorative lines made of
        one repeated character (`=====`, `-----`, `*****`, box drawing `────`, also after `# ` or `// `),
        outside code blocks and Markdown tables. A `=====` or `-----` line right under a title is a
        Markdown heading: the fix keeps the heading and writes it as `# Title` / `## Title`.

        It also finds decoration and authoring leftovers: emoji in headings (`## 🎯 Objective`), empty
        headings (a heading followed at once by another of the same or a higher level), a title written
        twice, literal `\n` escapes in prose, HTML comments (`<!-- … -->`) and author change notes
        ("Changelog", "Key changes and rationale", "Version history").

        ## Why is this bad?
        Whitespace and ASCII art are tokens too: a decorative line of 40 `=` costs several tokens on every
        call and the model gains nothing from it. The message reports the tokens the fix saves.

        ## Fix safety
        Safe for whitespace, decorative lines, a heading's emoji, the second copy of a title and an HTML
        comment of plain words on a line of its own: nothing the model could use is lost. Unsafe: deleting
        an empty heading, another HTML comment, or a change-notes section. A literal `\n` is reported
        without a fix.
        """,
        defaultSeverity: .warning, fixApplicability: .mixed,
        triggeringExamples: [
            RuleExample("Summarize the ticket.«   »\nUse at most 3 bullet points.", prefixVariant: false),
            RuleExample("Rules:\n«========================================»\nAnswer in 1 sentence.", prefixVariant: false),
            RuleExample("Rules:\n\n«────────────────────────»\nAnswer in 1 sentence.", prefixVariant: false),
            RuleExample("«# --------------------------------------------------»\nAnswer in 1 sentence.", prefixVariant: false),
            RuleExample("## «🎯» Objective\nAnswer in 1 sentence.", prefixVariant: false),
            RuleExample("«# Rules»\n# Tone\nAnswer in 1 sentence.", prefixVariant: false),
            RuleExample("Answer in 1 sentence.«\\n\\n»Be brief.", prefixVariant: false),
            RuleExample("«<!-- v2: tightened the tone -->»\nAnswer in 1 sentence.", prefixVariant: false),
            RuleExample("Answer in 1 sentence.\n«**Changelog:**»\n- v2: shorter", prefixVariant: false),
        ],
        nonTriggeringExamples: [
            RuleExample("Summarize the ticket.\n\nUse at most 3 bullet points."),
            RuleExample("| a | b |\n|---|---|\n| 1 | 2 |\nExplain the table in 1 sentence."),
            RuleExample("```\nx = 1   \n=====\n```\nExplain the code in 1 sentence."),
            RuleExample("# Rules\nAnswer in 1 sentence.\n## Tone\nBe warm."),
            RuleExample("Write a changelog for the release in at most 5 bullets."),
        ],
        corrections: [
            RuleCorrection("Summarize the ticket.   \nUse at most 3 bullet points.", "Summarize the ticket.\nUse at most 3 bullet points."),
            RuleCorrection("Rules:\n\n────────────────────────\nAnswer in 1 sentence.", "Rules:\n\nAnswer in 1 sentence."),
            RuleCorrection("Rules\n========\nAnswer in 1 sentence.", "# Rules\nAnswer in 1 sentence."),
            RuleCorrection("Intro\n\nRules\n--------\nAnswer in 1 sentence.", "Intro\n\n## Rules\nAnswer in 1 sentence."),
            RuleCorrection("## 🎯 Objective\nAnswer in 1 sentence.", "## Objective\nAnswer in 1 sentence."),
            RuleCorrection("# Identity\n\n# Identity\nAnswer in 1 sentence.", "# Identity\nAnswer in 1 sentence."),
            RuleCorrection("<!-- tightened the tone -->\nAnswer in 1 sentence.", "Answer in 1 sentence."),
        ]
    ), analyze: { WhitespaceWasteAnalyzer.analyze($0) + DecorationAnalyzer.analyze($0) }, fixTitle: fixTitle, describe: describeSavings)

    /// The analyzer's message and the tokens the fix saves on every call.
    static func describeSavings(_ match: TextMatch, in context: TemplateContext, message index: Int) -> String {
        let saved = context.tokensSaved(message: index, edits: match.edits)
        return match.message + (saved > 0 ? " (saves \(saved) token\(saved == 1 ? "" : "s") per call)" : "")
    }

    /// What the fix does, in the words a reviewer of `--fix` output expects.
    static func fixTitle(_ match: TextMatch) -> String {
        switch match.code {
        case "decoration.emoji-heading": return "Remove the emoji"
        case "decoration.duplicate-title": return "Remove the second copy of the title"
        case "decoration.empty-heading": return "Remove the empty heading"
        case "decoration.html-comment": return "Remove the comment"
        case "decoration.change-notes": return "Remove the change notes"
        default: break
        }
        guard match.code == "whitespace.decorative" else { return "Remove the whitespace" }
        // A setext underline's fix also inserts "# " before its title.
        return match.edits.count > 1 ? "Make the underlined title a '\(match.edits[0].replacement.trimmingWhitespace())' heading" : "Remove the decorative line"
    }
}

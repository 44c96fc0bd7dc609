/// PL104: "You should reply in JSON." → "Reply in JSON."; "You will act as a tutor." → "Act as a tutor."
enum ModalLeadInRule {
    static let definition = AnalyzerRule.definition(RuleDescription(
        code: "PL104", identifier: "modal_lead_in", family: .preamble,
        summary: "An instruction framed as a statement (\"You should reply…\", \"You will act as…\") instead of an imperative.",
        explanation: """
        ## What it does
        Finds sentences and list items that open with "You will", "You'll", "You need to", "You are to" or
        "You should" followed by a directive verb ("reply", "act", "summarize", …), possibly after an
        adverb ("You should only reply"). Frames followed by a verb that describes the input ("You will be
        given", "You will receive", "You will see") and "You must" are left alone.

        Also finds "You are tasked with" + a gerund ("…extracting" → "Extract"), and a
        line such as "You will:" or "Your task is to:" that only introduces a list whose items are all
        imperatives (not when the text above is a list too, which the two would then run into).

        ## Why is this bad?
        "You will summarize the ticket" and "Summarize the ticket" ask for the same thing; the frame costs
        2–3 tokens on every call, and prompts written this way repeat it on every line.

        ## Fix safety
        Safe for "You will", "You'll", "You need to" and "You are to": the fix deletes the frame and
        capitalises the verb ("You will not" becomes "Do not"). Unsafe for "You should": an imperative is
        firmer than a recommendation, so that fix is applied only with `--unsafe-fixes` or `compress --unsafe`;
        likewise the gerund rewrite and the removal of a list introduction, which change the layout.
        """,
        defaultSeverity: .info, fixApplicability: .mixed,
        readsProseOnly: true,
        triggeringExamples: [
            RuleExample("«You will» act as a SQL reviewer. Report at most 5 issues."),
            RuleExample("«You should» only reply with the label. Use 1 word."),
            RuleExample("Rules:\n- «You need to» cite the ticket ID.\n- Reply in 2 sentences."),
            RuleExample("Reply in 1 line. «You will» not add a greeting."),
            RuleExample("«You are tasked with extracting» an outline of at most 10 lines."),
            RuleExample("Act as a reviewer.\n\n«You will:»\n- Read the diff.\n- Report at most 5 issues."),
        ],
        nonTriggeringExamples: [
            RuleExample("You will be given a support ticket. Summarize it in 3 bullets."),
            RuleExample("You will receive a diff. Report at most 5 issues."),
            RuleExample("You must reply in 1 line."),
            RuleExample("You will be given:\n- a ticket\n- a diff\nSummarize both in 2 sentences."),
            RuleExample("Should you reply in JSON? Answer in 1 word."),
            RuleExample("Quote the user: \"You should act now.\" Reply in 1 line."),
            RuleExample("You are tasked with translating the text and providing 3 examples."),
            RuleExample("You are an SRE. You are responsible for ensuring the uptime of 3 services. Reply in 2 lines."),
            RuleExample("Rules:\n- Be brief.\n\nYou will:\n- Read the diff.\n- Report at most 5 issues."),
            RuleExample("You will:\n- A summary of the diff\n- At most 5 issues"),
        ],
        corrections: [
            RuleCorrection("You will act as a SQL reviewer. Report at most 5 issues.", "Act as a SQL reviewer. Report at most 5 issues."),
            RuleCorrection("Reply in 1 line. You will not add a greeting.", "Reply in 1 line. Do not add a greeting."),
            RuleCorrection("You should only reply with the label. Use 1 word.", "Only reply with the label. Use 1 word.", unsafe: true),
            RuleCorrection("You are tasked with extracting an outline of at most 10 lines.", "Extract an outline of at most 10 lines.", unsafe: true),
            RuleCorrection("Act as a reviewer.\n\nYou will:\n- Read the diff.\n- Report at most 5 issues.",
                           "Act as a reviewer.\n\n- Read the diff.\n- Report at most 5 issues.", unsafe: true),
        ]
    ), analyze: { ModalLeadInAnalyzer.analyze($0) + ListIntroductionAnalyzer.analyze($0) }, fixTitle: { "Remove '\($0.matched)'" })
}

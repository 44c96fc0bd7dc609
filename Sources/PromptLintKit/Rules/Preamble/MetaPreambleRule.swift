/// PL103: "Your task is to", "I'm going to give you", "Here is the text:" …
enum MetaPreambleRule {
    static let definition = AnalyzerRule.definition(RuleDescription(
        code: "PL103", identifier: "meta_preamble", family: .preamble,
        summary: "Talk about the prompt instead of the task (\"Your task is to\", \"Here is the text:\").",
        explanation: """
        ## What it does
        Finds framing such as "Your task is to", "Your primary task is to", "Your purpose/mission/primary
        function is to", "I'm going to give you", "I will provide you with", "The following is", "Below are
        some guidelines…", "Here are some…", "Here is the text:" where the message already makes clear what follows.

        ## Why is this bad?
        The words describe the prompt rather than instruct the model; "Your task is to summarize" and
        "Summarize" produce the same answer, and the longer one is paid for on every call.

        ## Fix safety
        Safe for "Your (primary/main) task is to" and "Your job is to" (and Spanish "tu tarea es"): the sentence says
        exactly the same without them. Unsafe for "Your role is to", "Your goal is to", "Your objective
        is to", "Your purpose/mission is to", "Your sole task is to", which also frame a role, a goal or a restriction: applied only with `--unsafe-fixes`.
        """,
        defaultSeverity: .info, fixApplicability: .mixed,
        readsProseOnly: true,
        triggeringExamples: [
            RuleExample("«Your task is to» summarize the ticket in 3 bullet points."),
            RuleExample("«I'm going to give you» a support ticket. Summarize it in 3 bullet points."),
            RuleExample("«Your primary function is to» parse the page into Markdown. Return only the Markdown."),
            RuleExample("«Below are» some guidelines and examples to help you: keep each answer under 50 words."),
        ],
        nonTriggeringExamples: [
            RuleExample("Summarize the ticket in 3 bullet points."),
            RuleExample("Describe the task of a release manager in 2 sentences."),
        ],
        corrections: [
            RuleCorrection("Your task is to summarize the ticket in 3 bullet points.", "Summarize the ticket in 3 bullet points."),
            RuleCorrection("Your role is to triage the ticket in 1 line.", "Your role is to triage the ticket in 1 line."),
            RuleCorrection("Your role is to triage the ticket in 1 line.", "Triage the ticket in 1 line.", unsafe: true),
        ]
    ), analyze: MetaPreambleAnalyzer.analyze, fixTitle: { "Remove '\($0.matched.trimmingWhitespace())'" })
}

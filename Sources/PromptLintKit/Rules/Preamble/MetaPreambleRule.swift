/// PL103: "Your task is to", "I'm going to give you", "Here is the text:" …
struct MetaPreambleRule: Rule {
    static let definition = RuleDefinition(RuleDescription(
        code: "PL103", identifier: "meta_preamble", family: .preamble,
        summary: "Talk about the prompt instead of the task (\"Your task is to\", \"Here is the text:\").",
        explanation: """
        ## What it does
        Finds framing such as "Your task is to", "Your job is to", "I'm going to give you", "I will provide
        you with", "The following is a", "Here is the text:" where the message already makes clear what follows.

        ## Why is this bad?
        The words describe the prompt rather than instruct the model; "Your task is to summarize" and
        "Summarize" produce the same answer, and the longer one is paid for on every call.

        ## Fix safety
        Safe for "Your task is to" and "Your job is to" (and Spanish "tu tarea es"): the sentence says
        exactly the same without them. Unsafe for "Your role is to", "Your goal is to", "Your objective
        is to", which also frame a role or a goal: applied only with `--unsafe-fixes`.
        """,
        defaultSeverity: .info, fixApplicability: .safe,
        triggeringExamples: [
            RuleExample("«Your task is to» summarize the ticket in 3 bullet points."),
            RuleExample("«I'm going to give you» a support ticket. Summarize it in 3 bullet points."),
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
    )) { _ in MetaPreambleRule() }

    var description: RuleDescription { Self.definition.description }

    func check(_ context: TemplateContext) -> [Finding] {
        context.instructionMessageIndices.flatMap { index in
            context.findings(from: MetaPreambleAnalyzer.analyze(context.texts[index]), message: index, applicability: .safe,
                             fixTitle: { "Remove '\($0.matched.trimmingWhitespace())'" })
        }
    }
}

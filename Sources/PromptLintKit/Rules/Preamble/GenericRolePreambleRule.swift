/// PL101: "You are a helpful assistant." and its relatives in every shipped language.
enum GenericRolePreambleRule {
    static let definition = AnalyzerRule.definition(RuleDescription(
        code: "PL101", identifier: "generic_role_preamble", family: .preamble,
        summary: "A generic role (\"You are a helpful assistant\") that adds nothing task-specific.",
        explanation: """
        ## What it does
        Flags role sentences made only of generic words: "You are a helpful assistant.", "You are an AI
        assistant", "As an AI language model, …", 「あなたは親切なAIアシスタントです。」, "Eres un asistente útil.".
        A specific role ("You are a senior PostgreSQL DBA reviewing migrations") is not flagged.

        ## Why is this bad?
        Chat models already behave as helpful assistants. The sentence is paid for on every call (input
        tokens × calls per month) and tells the model nothing about the task; a specific role or a
        direct instruction does.

        ## Fix safety
        The fix deletes the sentence. It is safe for a pure role line; disclaimers ("As an AI language
        model…") may carry an instruction and are unsafe to delete.
        """,
        defaultSeverity: .warning, fixApplicability: .mixed,
        readsProseOnly: true,
        triggeringExamples: [
            RuleExample("«You are a helpful assistant.» Summarize the ticket in 3 bullet points."),
            RuleExample("«You are an AI assistant.»\nClassify the review as positive or negative."),
            RuleExample("«あなたは親切なAIアシスタントです。»チケットを3行で要約してください。"),
            RuleExample("«Eres un asistente útil.» Resume el texto en 2 frases."),
        ],
        nonTriggeringExamples: [
            RuleExample("You are a senior PostgreSQL DBA reviewing migrations. List at most 5 risks."),
            RuleExample("You are an assistant that extracts invoice fields. Return only the JSON object."),
        ],
        corrections: [
            RuleCorrection("You are a helpful assistant. Summarize the ticket in 3 bullet points.", "Summarize the ticket in 3 bullet points."),
        ]
    ), analyze: GenericRolePreambleAnalyzer.analyze, fixTitle: { _ in "Remove the generic role sentence" })
}

/// PL101: "You are a helpful assistant." and its relatives in every shipped language.
enum GenericRolePreambleRule {
    static let definition = AnalyzerRule.definition(RuleDescription(
        code: "PL101", identifier: "generic_role_preamble", family: .preamble,
        summary: "A generic role (\"You are a helpful assistant\") that adds nothing task-specific.",
        explanation: """
        ## What it does
        Flags role sentences made only of generic words: "You are a helpful assistant.", "You are an AI
        assistant", "As an AI language model, …", 「あなたは親切なAIアシスタントです。」, "Eres un asistente útil.".
        A specific role ("You are a senior PostgreSQL DBA reviewing migrations") is not flagged, and neither is
        an identity statement ("You are ChatGPT, a large language model trained by OpenAI"): a product name is a
        fact the product may need.

        A generic role that frames the task ("You are an AI assistant designed to retrieve technical
        documentation", "…that retrieves…", "…specialized in retrieving…") is reported up to the task, which
        becomes the instruction: "Retrieve technical documentation".

        ## Why is this bad?
        Chat models already behave as helpful assistants. The sentence is paid for on every call (input
        tokens × calls per month) and tells the model nothing about the task; a specific role or a
        direct instruction does.

        ## Fix safety
        The fix deletes the sentence. It is safe for a pure role line; disclaimers ("As an AI language
        model…") may carry an instruction and are unsafe to delete. For a framed task the fix deletes the
        framing: safe when the verb is already an imperative ("designed to retrieve"), unsafe when it must
        be conjugated ("that retrieves" → "Retrieve"); a gerund ("specialized in retrieving") has no fix.
        """,
        defaultSeverity: .warning, fixApplicability: .mixed,
        readsProseOnly: true,
        triggeringExamples: [
            RuleExample("«You are a helpful assistant.» Summarize the ticket in 3 bullet points."),
            RuleExample("«You are an AI assistant.»\nClassify the review as positive or negative."),
            RuleExample("«あなたは親切なAIアシスタントです。»チケットを3行で要約してください。"),
            RuleExample("«Eres un asistente útil.» Resume el texto en 2 frases."),
            RuleExample("«You are an AI assistant designed to »retrieve technical documentation. Answer in 3 lines."),
            RuleExample("«You are a friendly and helpful assistant that »resolves billing questions in 2 sentences."),
            RuleExample("«You are an advanced AI specialized in »rating sales calls. Return only the score."),
        ],
        nonTriggeringExamples: [
            RuleExample("You are a senior PostgreSQL DBA reviewing migrations. List at most 5 risks."),
            RuleExample("You are a billing assistant that extracts invoice fields. Return only the JSON object."),
            RuleExample("You are ChatGPT, a large language model trained by OpenAI. Answer in 2 sentences."),
        ],
        corrections: [
            RuleCorrection("You are a helpful assistant. Summarize the ticket in 3 bullet points.", "Summarize the ticket in 3 bullet points."),
            RuleCorrection("You are an AI assistant designed to retrieve technical documentation in 3 lines.", "Retrieve technical documentation in 3 lines."),
            RuleCorrection("You are an AI assistant that retrieves technical documentation in 3 lines.", "You are an AI assistant that retrieves technical documentation in 3 lines."),
            RuleCorrection("You are an AI assistant that retrieves technical documentation in 3 lines.", "Retrieve technical documentation in 3 lines.", unsafe: true),
        ]
    ), analyze: GenericRolePreambleAnalyzer.analyze, fixTitle: { $0.code == "role.framed" ? "Start with the task's verb" : "Remove the generic role sentence" })
}

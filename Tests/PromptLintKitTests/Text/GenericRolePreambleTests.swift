import Testing
@testable import PromptLintKit

@Suite struct GenericRolePreambleTests {
    static let positives: [FixCase] = [
        FixCase("You are a helpful assistant. Summarize the text.", ["You are a helpful assistant."], "Summarize the text."),
        FixCase("You are an AI assistant.\nList the bugs.", ["You are an AI assistant."], "List the bugs."),
        FixCase("You are a helpful, harmless and honest assistant. Answer in one sentence.",
                ["You are a helpful, harmless and honest assistant."], "Answer in one sentence."),
        FixCase("You are an AI assistant designed to retrieve technical documentation.",
                ["You are an AI assistant designed to "], "Retrieve technical documentation."),
        FixCase("Translate to French. You're a friendly AI chatbot!", ["You're a friendly AI chatbot!"], "Translate to French."),
        FixCase("あなたは親切なアシスタントです。次の文章を要約してください。", ["あなたは親切なアシスタントです。"], "次の文章を要約してください。"),
        FixCase("あなたは優秀なAIアシスタントです。", ["あなたは優秀なAIアシスタントです。"], ""),
        FixCase("Eres un asistente útil. Resume el texto.", ["Eres un asistente útil."], "Resume el texto."),
        FixCase("- You are a helpful assistant.\n- Reply in JSON.", ["You are a helpful assistant."], "- Reply in JSON."),
    ]

    @Test(arguments: positives) func flagsGenericRoles(_ c: FixCase) { verify(GenericRolePreambleAnalyzer.self, c) }

    /// "that retrieves" needs the verb conjugated: unsafe; a gerund needs the sentence rebuilt: no fix.
    @Test func framedTaskFixes() {
        verify(GenericRolePreambleAnalyzer.self, FixCase("You are an AI assistant that retrieves technical documentation.",
                                                         ["You are an AI assistant that "], "Retrieve technical documentation."), unsafe: true)
        let s = "You are a helpful assistant that extracts invoice fields."
        #expect(GenericRolePreambleAnalyzer.analyze(s).first?.isSafeFix == false)
        #expect(fix(s, GenericRolePreambleAnalyzer.analyze(s)) == s)
        let g = GenericRolePreambleAnalyzer.analyze("You are an AI assistant specialized in creating summaries.")
        #expect(g.map(\.matched) == ["You are an AI assistant specialized in "])
        #expect(g.first?.edits.isEmpty == true)
        #expect(GenericRolePreambleAnalyzer.baseForm(of: "applies") == "apply")
        #expect(GenericRolePreambleAnalyzer.baseForm(of: "processes") == "process")
        #expect(GenericRolePreambleAnalyzer.baseForm(of: "retrieves") == "retrieve")
    }

    @Test func disclaimerIsUnsafe() {
        let s = "As an AI language model, I cannot browse. Summarize the text."
        let ms = GenericRolePreambleAnalyzer.analyze(s)
        #expect(ms.map(\.matched) == ["As an AI language model, I cannot browse."])
        #expect(ms.first?.isSafeFix == false)
        #expect(fix(s, ms, unsafe: true) == "Summarize the text.")
    }

    @Test(arguments: [
        "You are a senior PostgreSQL DBA reviewing migrations.",
        "You are ChatGPT, a large language model trained by OpenAI. Answer briefly.",
        "You are Claude, an AI assistant made by Anthropic.",
        "You are an expert at interpreting the heart of a question.",
        "You are a billing assistant that extracts invoice fields from PDFs.",
        "Say \"You are a helpful assistant.\" to the user.",
        "```\nYou are a helpful assistant.\n```",
        "あなたはPostgreSQLの専門家です。",
        "Eres un asistente que extrae campos de facturas.",
    ]) func specificRolesAreNotFlagged(_ s: String) { expectClean(GenericRolePreambleAnalyzer.self, s) }
}

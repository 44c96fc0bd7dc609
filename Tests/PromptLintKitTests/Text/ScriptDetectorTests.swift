import Testing
@testable import PromptLintKit

@Suite struct ScriptDetectorTests {
    @Test func english() {
        #expect(ScriptDetector.languages(in: "Summarize the following text in three sentences.") == [.english])
        #expect(ScriptDetector.languages(in: "") == [.english])
        #expect(ScriptDetector.languages(in: "{{input}}") == [.english])
    }

    @Test func japanese() {
        #expect(ScriptDetector.dominant(in: "次の文章を100文字以内で要約してください。") == .japanese)
        #expect(ScriptDetector.languages(in: "以下のJSONを出力してください。") == [.japanese, .english])
    }

    @Test func spanish() {
        #expect(ScriptDetector.languages(in: "Resume el texto en menos de 100 palabras, por favor.") == [.spanish])
        #expect(ScriptDetector.dominant(in: "Eres un asistente útil que responde a las preguntas.") == .spanish)
    }

    @Test func mixedTextsGetSeveralPacks() {
        let langs = ScriptDetector.languages(in: "Please summarize the text for the team. 日本語で簡潔に答えてください。")
        #expect(langs.contains(.english) && langs.contains(.japanese))
    }
}

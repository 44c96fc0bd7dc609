/// Which output parameters a model takes, shared by `render --format json` and PL604.
public enum OutputParameters {
    /// Models that always think before answering: OpenAI's o-series and gpt-5 family (not the
    /// `-chat` variants), and Gemini's Pro models from 2.5. Claude reasons only with a thinking budget.
    public static func alwaysReasons(_ model: ModelInfo) -> Bool {
        guard model.supportsReasoning else { return false }
        let base = ModelOverlay.baseName(model.name)
        if base.hasPrefix("gemini-") { return base.contains("pro") }
        return isOpenAIReasoning(base)
    }

    static func isOpenAIReasoning(_ base: String) -> Bool {
        (["o1", "o3", "o4", "gpt-5"].contains { base.hasPrefix($0) }) && !base.contains("chat")
    }

    /// The Chat Completions key for the output cap: `max_completion_tokens` for OpenAI reasoning
    /// models (they reject `max_tokens`), `max_tokens` otherwise.
    public static func requestKey(for model: ModelInfo?) -> String {
        guard let model, model.supportsReasoning, ModelOverlay.isOpenAIFamily(ModelOverlay.baseName(model.name), provider: model.provider),
              isOpenAIReasoning(ModelOverlay.baseName(model.name)) else { return "max_tokens" }
        return "max_completion_tokens"
    }
}

/// PromptLintKit: the prompt library, linter, tokenizer and rewriter behind `promptlint`.
public enum PromptLintKit {
    public static let version = "0.1.0"
}

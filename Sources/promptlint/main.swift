import ArgumentParser
import PromptLintKit

struct PromptLint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promptlint",
        abstract: "Treat LLM prompts as code: a prompt library, a linter and a rewriter.",
        version: PromptLintKit.version
    )
}
PromptLint.main()

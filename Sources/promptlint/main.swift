import ArgumentParser
import Foundation
import PromptLintKit

struct PromptLint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promptlint",
        abstract: "Treat LLM prompts as code: a prompt library, a linter and a rewriter.",
        version: PromptLintKit.version,
        subcommands: [LintCommand.self, ListCommand.self, ShowCommand.self, RenderCommand.self, TokensCommand.self, CompressCommand.self,
                      RulesCommand.self, ExplainCommand.self, SearchCommand.self, SimilarCommand.self, LSPCommand.self, ReportCommand.self,
                      CostCommand.self, ModelsCommand.self, UsageCommand.self, BudgetCommand.self],
        defaultSubcommand: nil
    )
}

// Before any file is opened: a closed standard descriptor must not be reused by a template file.
StandardStreams.claim()

// Exit codes: 0 success, 1 findings (lint), 2 usage, config or input errors.
let arguments = Array(CommandLine.arguments.dropFirst())
// No command is a usage error (as git and cargo treat it): the help, on stderr, and exit 2.
if arguments.isEmpty {
    FileHandle.standardError.write(Data((PromptLint.helpMessage() + "\n").utf8))
    Foundation.exit(2)
}
// A mistyped command gets the nearest one ("lnt" → lint) rather than ArgumentParser's
// "unexpected argument".
if let first = arguments.first, !first.hasPrefix("-") {
    let names = PromptLint.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
    if !names.contains(first) {
        let suggestion = ClosestMatch.suggestion(for: first, in: names)
        FileHandle.standardError.write(Data("error: unknown command '\(first)'\(suggestion) (see `promptlint --help`)\n".utf8))
        Foundation.exit(2)
    }
}
do {
    var command = try PromptLint.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch let error as CommandError {
    FileHandle.standardError.write(Data((error.description + "\n").utf8))
    Foundation.exit(2)
} catch {
    let code = PromptLint.exitCode(for: error)
    if code == .success {
        print(PromptLint.fullMessage(for: error))
        Foundation.exit(0)
    }
    FileHandle.standardError.write(Data((PromptLint.fullMessage(for: error) + "\n").utf8))
    Foundation.exit(2)
}

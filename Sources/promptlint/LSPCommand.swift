import ArgumentParser
import Foundation
import PromptLintKit

struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server (LSP 3.17 over stdin/stdout) for editors.",
        discussion: "Diagnostics, quick fixes, hovers, token-and-cost lenses and completion for prompt files. The workspace folder the editor opens is where .promptlint.yml is looked for."
    )

    func run() throws {
        let status = LanguageServer(input: FileHandle.standardInput.fileDescriptor, output: FileHandle.standardOutput.fileDescriptor).run()
        throw ExitCode(status)
    }
}

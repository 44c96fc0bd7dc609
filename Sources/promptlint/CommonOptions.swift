import ArgumentParser
import Foundation
import PromptLintKit

/// An error already formatted for the user (`file:line:col: message`); exits with status 2.
struct CommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
    init(_ error: SourceError) { description = error.description }
}

struct LibraryOptions: ParsableArguments {
    @Option(name: .long, help: "The template library folder (default: 'library' in .promptlint.yml, or prompts/).")
    var library: String?

    @Option(name: .long, help: "The config file (default: the nearest .promptlint.yml).")
    var config: String?

    /// The workspace; the config and library are looked for upward from `paths` (files named on the
    /// command line), then from the working directory.
    func workspace(near paths: [String] = []) throws -> Workspace {
        do {
            let workspace = try Workspace(configPath: config, libraryOverride: library, near: paths)
            // A mistyped --library is an error in every command, even one that would not need it.
            if library != nil { try workspace.requireLibrary() }
            return workspace
        } catch {
            throw CommandError(error)
        }
    }

    /// Loads the library; load errors are printed, and fatal unless `tolerant`.
    func loadLibrary(_ workspace: Workspace, tolerant: Bool = false, optional: Bool = false) throws -> PromptLibrary {
        // Commands that also take plain files (tokens, compress) work without a library folder.
        if optional, library == nil, !workspace.hasLibrary {
            return PromptLibrary(root: workspace.libraryPath, templates: [], issues: [], files: [])
        }
        do { try workspace.requireLibrary() } catch { throw CommandError(error) }
        let library = workspace.loadLibrary()
        for issue in library.issues {
            Terminal.standardError.write(issue.description + "\n")
        }
        // Tolerant commands skip broken files, but a duplicated name leaves "which template?" open:
        // like lint, they stop.
        if !library.errors.isEmpty, !tolerant || library.issues.contains(where: \.isDuplicateName) {
            throw ExitCode(2)
        }
        return library
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Writes to stdout/stderr, with colour only on a terminal (and never with NO_COLOR).
struct Terminal: Sendable {
    let handle: FileHandle
    let useColor: Bool

    static let standardOutput = Terminal(handle: .standardOutput, fd: STDOUT_FILENO)
    static let standardError = Terminal(handle: .standardError, fd: STDERR_FILENO)

    init(handle: FileHandle, fd: Int32) {
        self.handle = handle
        let environment = ProcessInfo.processInfo.environment
        useColor = isatty(fd) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }

    func write(_ text: String) {
        handle.write(Data(text.utf8))
    }

    func paint(_ text: String, _ code: String) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
    func bold(_ text: String) -> String { paint(text, "1") }
    func dim(_ text: String) -> String { paint(text, "2") }
    func red(_ text: String) -> String { paint(text, "31") }
    func green(_ text: String) -> String { paint(text, "32") }
    func yellow(_ text: String) -> String { paint(text, "33") }
    func blue(_ text: String) -> String { paint(text, "34") }
    func cyan(_ text: String) -> String { paint(text, "36") }
}

/// Reads a file argument, or standard input for "-".
func readInput(_ path: String) throws -> SourceFile {
    do {
        return try path == "-" ? SourceFile.readStandardInput() : SourceFile.read(path: path)
    } catch {
        throw CommandError(error)
    }
}

/// `--prices FILE` on every command that prices: a newer LiteLLM price table than the snapshot.
struct PriceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A LiteLLM model_prices_and_context_window.json to price with (default: 'prices' in .promptlint.yml, else the bundled snapshot).", valueName: "FILE"))
    var prices: String?

    func registry(_ workspace: Workspace) throws -> ModelRegistry {
        do { return try ModelRegistry.configured(workspace.config, pricesFile: prices) } catch { throw CommandError(error) }
    }
}

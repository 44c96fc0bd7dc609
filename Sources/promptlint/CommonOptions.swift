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
    @OptionGroup var colorOptions: ColorOptions

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

/// `--color`: every command that takes library options takes it.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable, Sendable {
    case auto, always, never
}

struct ColorOptions: ParsableArguments {
    @Option(help: "Colour output: auto (on a terminal, unless NO_COLOR is set; FORCE_COLOR or CLICOLOR_FORCE turn it on), always or never.")
    var color: ColorChoice = .auto

    // Parsing is done before any command writes: the choice is in place for every Terminal.
    func validate() throws { Terminal.choice.set(color) }
}

/// Writes to stdout/stderr, with colour as `--color` and the environment say.
struct Terminal: Sendable {
    let handle: FileHandle
    let useColor: Bool

    static var standardOutput: Terminal { Terminal(handle: .standardOutput, fd: STDOUT_FILENO) }
    static var standardError: Terminal { Terminal(handle: .standardError, fd: STDERR_FILENO) }

    /// The `--color` of this run (one per process, set while parsing).
    static let choice = ColorSetting()

    init(handle: FileHandle, fd: Int32) {
        self.handle = handle
        useColor = Terminal.colorEnabled(choice: Terminal.choice.value, isTerminal: isatty(fd) == 1,
                                         environment: ProcessInfo.processInfo.environment)
    }

    /// `--color always|never` wins; then NO_COLOR (set and not empty) turns colour off, FORCE_COLOR or
    /// CLICOLOR_FORCE (set, not empty and not "0") turn it on; else a terminal that is not "dumb".
    static func colorEnabled(choice: ColorChoice, isTerminal: Bool, environment: [String: String]) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            for name in ["FORCE_COLOR", "CLICOLOR_FORCE"] {
                if let value = environment[name], !value.isEmpty, value != "0", value != "false" { return true }
            }
            return isTerminal && environment["TERM"] != "dumb"
        }
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

/// The process's colour choice, behind a lock (Swift 6: no unguarded global state).
final class ColorSetting: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = ColorChoice.auto

    var value: ColorChoice { lock.withLock { stored } }
    func set(_ choice: ColorChoice) { lock.withLock { stored = choice } }
}

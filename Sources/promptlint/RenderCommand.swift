import ArgumentParser
import Foundation
import PromptLintKit

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Fill a template's variables strictly and print the messages or a request body.",
        discussion: """
        A variable the template uses that is neither given nor defaulted, a given variable the template \
        does not declare, and a value outside a variable's enum are errors (exit status 2).
        """
    )

    @OptionGroup var options: LibraryOptions

    @Argument(help: "Template name (e.g. support/ticket-summary) or path to a template file.")
    var template: String

    @Option(name: .customLong("var"), help: ArgumentHelp("A variable: NAME=VALUE, NAME=@FILE (file contents), or NAME=@- (stdin).", valueName: "NAME=VALUE"))
    var variables: [String] = []

    @Option(name: .customLong("vars"), help: ArgumentHelp("A YAML or JSON file of variables, or - for stdin.", valueName: "FILE"))
    var variablesFile: String?

    @Option(help: "Output format: text (messages with role headers) or json (an OpenAI-style request body).")
    var format: OutputFormat = .text

    func run() throws {
        let workspace = try options.workspace()
        let library = try options.loadLibrary(workspace, tolerant: true)
        let found: PromptTemplate
        do { found = try workspace.resolveTemplate(template, in: library) } catch { throw CommandError(error) }
        let values = try collectValues()
        var rendered: RenderedPrompt
        do {
            rendered = try TemplateRenderer(library: library).render(found, values: values)
        } catch {
            throw CommandError(error.description)
        }
        // The request key of the output cap depends on the model (o-series reject max_tokens).
        if format == .json, let name = found.model ?? workspace.config.defaultModel {
            let registry = (try? ModelRegistry.configured(workspace.config)) ?? .builtIn
            rendered.outputLimitKey = OutputParameters.requestKey(for: registry.lookup(name))
        }
        switch format {
        case .text: Terminal.standardOutput.write(rendered.text)
        case .json: Terminal.standardOutput.write(rendered.requestBody.serialized() + "\n")
        }
    }

    func collectValues() throws -> [String: TemplateValue] {
        try Self.parseValues(variables: variables, variablesFile: variablesFile)()
    }

    /// Reads `--vars` and `--var` (shared with `tokens`).
    static func parseValues(variables: [String], variablesFile: String?) -> () throws -> [String: TemplateValue] {
        { try collect(variables: variables, variablesFile: variablesFile) }
    }

    static func collect(variables: [String], variablesFile: String?) throws -> [String: TemplateValue] {
        var values: [String: TemplateValue] = [:]
        var stdinUsed = false
        if let variablesFile {
            stdinUsed = variablesFile == "-"
            let file = try readInput(variablesFile)
            do { values = try TemplateValue.readVariablesFile(file) } catch { throw CommandError(error) }
        }
        for assignment in variables {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw CommandError("--var '\(assignment)': expected NAME=VALUE or NAME=@FILE")
            }
            let name = String(assignment[..<equals])
            var value = String(assignment[assignment.index(after: equals)...])
            if value.hasPrefix("@") {
                let path = String(value.dropFirst())
                if path == "-" {
                    if stdinUsed { throw CommandError("--var \(name)=@-: standard input is already used") }
                    stdinUsed = true
                }
                value = try readInput(path).text
            }
            values[name] = .string(value)
        }
        return values
    }
}

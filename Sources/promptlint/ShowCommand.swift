import ArgumentParser
import PromptLintKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a template: metadata, variables and messages.")

    @OptionGroup var options: LibraryOptions

    @Argument(help: "Template name (e.g. support/ticket-summary) or path to a template file.")
    var template: String

    func run() throws {
        let workspace = try options.workspace()
        let library = try options.loadLibrary(workspace, tolerant: true)
        let found: PromptTemplate
        do { found = try workspace.resolveTemplate(template, in: library) } catch { throw CommandError(error) }
        let out = Terminal.standardOutput
        out.write(out.bold(found.name) + "  " + out.dim("\(found.file.path):\(found.location.line)") + "\n")
        if let description = found.description { out.write("  \(description)\n") }
        out.write("  model: \(found.model ?? "-")    max_output_tokens: \(found.maxOutputTokens.map(String.init) ?? "none")")
        if !found.tags.isEmpty { out.write("    tags: \(found.tags.joined(separator: ", "))") }
        out.write("\n")
        if !found.variables.isEmpty {
            out.write(out.bold("variables") + "\n")
            for variable in found.variables {
                var details: [String] = []
                if variable.isRequired { details.append("required") }
                if let value = variable.defaultValue { details.append("default: \(value)") }
                if let allowed = variable.allowedValues { details.append("one of: \(allowed.joined(separator: ", "))") }
                let suffix = details.isEmpty ? "" : " (\(details.joined(separator: "; ")))"
                out.write("  \(out.cyan(variable.name))\(suffix)\(variable.description.map { " — \($0)" } ?? "")\n")
            }
        }
        for message in found.messages {
            out.write(out.bold("### \(message.role.rawValue)") + "\n" + message.text + (message.text.hasSuffix("\n") ? "" : "\n"))
        }
    }
}

import ArgumentParser
import PromptLintKit

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the library's templates.")

    @OptionGroup var options: LibraryOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Only templates with this tag (repeatable).")
    var tag: [String] = []

    func run() throws {
        let workspace = try options.workspace()
        let library = try options.loadLibrary(workspace, tolerant: true)
        let templates = library.templates.filter { template in tag.allSatisfy { template.tags.contains($0) } }
        let out = Terminal.standardOutput
        let registry = (try? ModelRegistry.configured(workspace.config)) ?? .builtIn
        let defaultModel = workspace.config.defaultModel ?? "gpt-4o-mini"
        switch format {
        case .json:
            out.write(JSONValue.array(templates.map { template in
                .object([
                    ("name", .string(template.name)),
                    ("file", .string(template.file.path)),
                    ("format", .string(template.format.rawValue)),
                    ("model", template.model.map(JSONValue.string) ?? .null),
                    ("max_output_tokens", template.maxOutputTokens.map(JSONValue.int) ?? .null),
                    ("tags", .array(template.tags.map(JSONValue.string))),
                    ("description", template.description.map(JSONValue.string) ?? .null),
                    ("variables", .array(template.variables.map { .string($0.name) })),
                    ("tokens", .int(Self.staticTokens(template, registry: registry, defaultModel: defaultModel))),
                ])
            }).serialized() + "\n")
        case .text:
            let nameWidth = min(40, templates.map(\.name.count).max() ?? 4)
            let modelWidth = min(24, templates.map { ($0.model ?? "-").count }.max() ?? 5)
            for template in templates {
                let name = template.name.padding(toLength: max(nameWidth, template.name.count), withPad: " ", startingAt: 0)
                let model = (template.model ?? "-").padding(toLength: max(modelWidth, (template.model ?? "-").count), withPad: " ", startingAt: 0)
                let tokens = String(Self.staticTokens(template, registry: registry, defaultModel: defaultModel))
                let tokenColumn = String(repeating: " ", count: max(0, 5 - tokens.count)) + tokens
                out.write("\(out.bold(name))  \(out.cyan(model))  \(tokenColumn) tok  \(template.description ?? "")".trimmingTrailingWhitespace() + "\n")
            }
            out.write(out.dim("\(templates.count) template\(templates.count == 1 ? "" : "s") in \(workspace.libraryPath)") + "\n")
        }
        if !library.errors.isEmpty { throw ExitCode(2) }
    }

    /// Exact static prompt tokens with the template's model's encoding.
    static func staticTokens(_ template: PromptTemplate, registry: ModelRegistry, defaultModel: String) -> Int {
        let tokenizer = Tokenizer.shared(ModelResolution(template.model ?? defaultModel, registry: registry).encoding)
        return template.messages.reduce(0) { $0 + tokenizer.count($1.text) }
    }
}

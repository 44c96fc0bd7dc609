import ArgumentParser
import Foundation
import PromptLintKit

struct SimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "List the templates most similar to one (near-duplicates to merge).",
        discussion: """
        The score is the Jaccard similarity (0–1) of the two templates' message text, compared as sets of 3-word \
        shingles. The lint rule PL501 (near_duplicate_template) reports pairs above 0.85.

        Exit status: 0 when similar templates were found, 1 when none were, 2 on usage or library errors.
        """
    )

    @OptionGroup var options: LibraryOptions

    @Argument(help: "A template name (or the path of a template file).")
    var template: String

    @Option(help: "Show at most this many templates.")
    var limit: Int = 10

    @Option(help: "Leave out templates below this similarity (0–1).")
    var minimum: Double = 0.05

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be a positive number") }
        guard (0...1).contains(minimum) else { throw ValidationError("--minimum must be between 0 and 1") }
    }

    func run() throws {
        let workspace = try options.workspace()
        let library = try options.loadLibrary(workspace, tolerant: true)
        let target: PromptTemplate
        do { target = try workspace.resolveTemplate(template, in: library) } catch { throw CommandError(error) }
        var templates = library.templates
        let targetIndex: Int
        if let found = templates.firstIndex(where: { $0.name == target.name && $0.file.path == target.file.path }) {
            targetIndex = found
        } else {
            templates.append(target)
            targetIndex = templates.count - 1
        }
        let index = SimilarityIndex(templates: templates)
        let similar = index.mostSimilar(to: targetIndex, limit: limit, minimum: minimum)
        let out = Terminal.standardOutput
        switch format {
        case .json:
            out.write(JSONValue.array(similar.enumerated().map { rank, entry in
                .object([
                    ("rank", .int(rank + 1)),
                    ("name", .string(templates[entry.index].name)),
                    ("score", .double((entry.score * 1000).rounded() / 1000)),
                    ("description", templates[entry.index].description.map(JSONValue.string) ?? .null),
                    ("file", .string(templates[entry.index].file.path)),
                ])
            }).serialized() + "\n")
        case .text:
            for (rank, entry) in similar.enumerated() {
                let other = templates[entry.index]
                out.write("\(rank + 1). \(out.bold(other.name))  \(out.dim(String(format: "%.2f", entry.score)))  \(other.description ?? "")\n")
                out.write("   \(out.cyan(other.file.path))\n")
            }
            if similar.isEmpty { Terminal.standardError.write("no template is similar to '\(target.name)'\n") }
        }
        if !library.errors.isEmpty { throw ExitCode(2) }
        if similar.isEmpty { throw ExitCode(1) }
    }
}

import ArgumentParser
import Foundation
import PromptLintKit

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the library: ranked by name, tags, description, variable names and message text.",
        discussion: """
        Matching ignores case, accents and plural/verb endings ("tickets", "summarized"), forgives a typo in words of \
        3 letters or more ("jsn" finds "json"), and finds Chinese, Japanese and Korean text by character pairs.

        The index is cached in $PROMPTLINT_CACHE_DIR (default ~/.cache/promptlint) and rebuilt whenever a template \
        file (path, size, modification time), the config or promptlint changes; --no-cache skips it.

        Exit status (like grep): 0 when something matched, 1 when nothing did, 2 on usage or library errors.
        """
    )

    @OptionGroup var options: LibraryOptions

    @Argument(help: "The words to look for.")
    var query: [String]

    @Option(help: "Only templates with this tag (repeatable; all must match).")
    var tag: [String] = []

    @Option(help: "Only templates written for this model (case-insensitive).")
    var model: String?

    @Option(help: "Only templates whose model (or the default model) is in this price tier: economy, standard or premium.")
    var tier: ModelTier?

    @Option(name: .customLong("max-tokens"), help: "Only templates whose static prompt is at most N tokens (counted with the model's encoding).")
    var maxTokens: Int?

    @Option(help: "Show at most this many results.")
    var limit: Int = 10

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be a positive number") }
        if let maxTokens, maxTokens < 0 { throw ValidationError("--max-tokens must not be negative") }
        guard !query.joined().trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("give the words to search for") }
    }

    @Flag(name: .customLong("no-cache"), help: "Build the index from the templates without reading or writing the search cache.")
    var noCache = false

    func run() throws {
        let workspace = try options.workspace()
        do { try workspace.requireLibrary() } catch { throw CommandError(error) }
        let registry: ModelRegistry
        do { registry = try ModelRegistry.configured(workspace.config) } catch { throw CommandError(error) }
        let defaultModel = workspace.config.defaultModel ?? "gpt-4o-mini"
        var loaded: PromptLibrary?
        // Tokens are always counted, so results (and JSON) are the same with and without the cache.
        func build(countTokens: Bool) -> SearchIndexCache.Entry {
            let library = workspace.loadLibrary()
            loaded = library
            return SearchIndexCache.Entry(index: SearchIndex(templates: library.templates, defaultModel: defaultModel, registry: registry,
                                                             countTokens: countTokens),
                                          issues: library.issues.map(\.description), errorCount: library.errors.count, fromCache: false)
        }
        let entry: SearchIndexCache.Entry
        if noCache {
            entry = build(countTokens: true)
        } else {
            // The config decides the library, default model and model registry: any change to it rebuilds the cache.
            let configBytes = workspace.config.path.flatMap { FileManager.default.contents(atPath: $0) }.map { String(decoding: $0, as: UTF8.self) } ?? ""
            entry = SearchIndexCache.index(root: workspace.libraryPath, include: workspace.config.include, exclude: workspace.config.exclude,
                                           settings: defaultModel + "\u{0}" + configBytes, directory: SearchIndexCache.defaultDirectory()) {
                build(countTokens: true)
            }
        }
        for issue in entry.issues { Terminal.standardError.write(issue + "\n") }
        let index = entry.index
        let filter = SearchFilter(tags: tag, model: model, tier: tier, maxTokens: maxTokens)
        let hits = index.search(SearchQuery(query.joined(separator: " ")), limit: limit, filter: filter)
        var results: [SearchResultRow] = []
        for (rank, hit) in hits.enumerated() {
            let document = index.documents[hit.document]
            // Only the results' files are read again (from the cache, nothing else is parsed).
            let template = loaded?.template(named: document.name)
                ?? PromptLibrary.loadFile(path: document.path, libraryRoot: workspace.libraryPath).templates.first { $0.name == document.name }
            let match = template.flatMap { MatchLine.best(in: $0, terms: hit.matchedTerms) }
            results.append(SearchResultRow(rank: rank + 1, document: document, score: hit.score, match: match))
        }
        SearchResultRow.print(results, format: format)
        if entry.errorCount > 0 { throw ExitCode(2) }
        if results.isEmpty { throw ExitCode(1) }
    }
}

extension ModelTier: ExpressibleByArgument {}

/// One result line of `search` (and the shape of its JSON).
struct SearchResultRow {
    var rank: Int
    var document: SearchDocument
    var score: Float
    var match: MatchLine?

    static func print(_ rows: [SearchResultRow], format: OutputFormat) {
        let out = Terminal.standardOutput
        switch format {
        case .json:
            out.write(JSONValue.array(rows.map { row in
                .object([
                    ("rank", .int(row.rank)),
                    ("name", .string(row.document.name)),
                    ("score", .double((Double(row.score) * 1000).rounded() / 1000)),
                    ("description", row.document.description.map(JSONValue.string) ?? .null),
                    ("file", .string(row.document.path)),
                    ("line", row.match.map { .int($0.line) } ?? .null),
                    ("match", row.match.map { .string($0.text) } ?? .null),
                    ("highlights", .array((row.match?.highlights ?? []).map { .array([.int($0.lowerBound), .int($0.upperBound)]) })),
                    ("tags", .array(row.document.tags.map(JSONValue.string))),
                    ("model", row.document.model.map(JSONValue.string) ?? .null),
                    ("static_tokens", row.document.staticTokens.map(JSONValue.int) ?? .null),
                ])
            }).serialized() + "\n")
        case .text:
            for row in rows {
                let score = String(format: "%.2f", row.score)
                out.write("\(row.rank). \(out.bold(row.document.name))  \(out.dim(score))  \(row.document.description ?? "")\n")
                let place = "\(row.document.path):\(row.match?.line ?? 1)"
                if let match = row.match, !match.highlights.isEmpty {
                    out.write("   \(match.highlighted { out.useColor ? out.paint($0, "1;33") : $0 })\n")
                }
                out.write("   \(out.cyan(place))\n")
            }
            if rows.isEmpty { Terminal.standardError.write("no templates matched\n") }
        }
    }
}

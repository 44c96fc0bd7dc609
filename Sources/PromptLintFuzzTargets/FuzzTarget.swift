import PromptLintKit

/// One fuzz target: an input of bytes fed to one part of the kit, with the properties that must
/// hold for every input. A violated property is a crash (`fatalError`), which libFuzzer records
/// with the input; the sanitizer adds memory errors and leaks, `-timeout` hangs.
public struct FuzzTarget: Sendable {
    public var name: String
    public var summary: String
    public var run: @Sendable ([UInt8]) -> Void

    public static let all: [FuzzTarget] = [.yaml, .mustache, .tokenizer, .searchCache, .fix]

    public static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }

    /// YAML loading: the parser and the template reader return templates or located errors.
    public static let yaml = FuzzTarget(name: "yaml", summary: "YAML parser and template reader") { bytes in
        let file = SourceFile(path: "fuzz.yml", bytes: bytes)
        _ = try? YAMLParser().parse(file)
        let result = PromptLibrary.parse(file, format: .yaml, defaultName: "fuzz")
        for issue in result.issues where issue.severity == .error {
            check(issue.error.path == "fuzz.yml", "an error names another file: \(issue)")
        }
    }

    /// Mustache scanner and renderer: the input's first line is a partial, the rest the template
    /// (so inputs reach partials, cycles and nesting); any text renders or fails with a message.
    public static let mustache = FuzzTarget(name: "mustache", summary: "Mustache scanner and renderer") { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        let scan = MustacheScan(text)
        // Ranges are in the decoded text, which is longer than the input when invalid bytes became U+FFFD.
        let length = text.utf8.count
        for tag in scan.tags { check(tag.range.upperBound <= length && tag.nameRange.lowerBound >= tag.range.lowerBound, "tag out of range") }
        let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let partial = String(parts.first ?? "")
        let body = parts.count > 1 ? String(parts[1]) : ""
        var values: [String: TemplateValue] = [:]
        for tag in scan.allNames {
            values[tag.rootName] = tag.rootName.count % 3 == 0 ? .list([.string("a"), .map(["x": .string("y")])]) : .string(tag.rootName)
        }
        let renderer = MustacheRenderer(partials: ["p": partial, "q": body])
        if let output = try? renderer.render(body, template: "q", values: values) {
            check(output.utf8.count <= MustacheRenderer.maxOutputBytes, "output over the bound")
        }
    }

    /// Tokenizer: both encodings round-trip every valid UTF-8 text exactly, and count == encode.count.
    public static let tokenizer = FuzzTarget(name: "tokenizer", summary: "BPE tokenizer (cl100k_base, o200k_base)") { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        for encoding in [Encoding.cl100k_base, .o200k_base] {
            let tokenizer = Tokenizer.shared(encoding)
            let ids = tokenizer.encode(text)
            check(tokenizer.decodeBytes(ids) == Array(text.utf8), "\(encoding) does not round-trip")
            check(tokenizer.count(text) == ids.count, "\(encoding) count differs from encode")
        }
    }

    /// Search cache reader: any payload decodes to nil or to an index every query can run on.
    public static let searchCache = FuzzTarget(name: "search-cache", summary: "search cache file reader") { bytes in
        guard let entry = SearchIndexCache.decode(payload: bytes[...]) else { return }
        let index = entry.index
        var queries = ["a", "summarize ticket", "jsn"]
        queries += index.index.vocabulary.prefix(3)
        for query in queries {
            for hit in index.search(SearchQuery(query), limit: 5) {
                check(hit.document < index.documents.count, "hit outside the documents")
                check(hit.score.isFinite, "score not finite")
            }
        }
    }

    /// The fix path: input → lint → fix (unsafe fixes too) → reload; the fixed file loads as the
    /// same number of templates and keeps every protected token.
    public static let fix = FuzzTarget(name: "fix", summary: "lint, fix and reload") { bytes in
        let file = SourceFile(path: "fuzz.yml", bytes: bytes)
        guard (try? file.validateText()) != nil else { return }
        let before = PromptLibrary.parse(file, format: .yaml, defaultName: "fuzz")
        guard !before.templates.isEmpty else { return }
        let result = Compressor(engine: engine, applyUnsafe: true, requireSavings: false).compress(file, format: .yaml, defaultName: "fuzz")
        guard result.changed else { return }
        let after = PromptLibrary.parse(SourceFile(path: "fuzz.yml", bytes: result.compressed), format: .yaml, defaultName: "fuzz")
        check(after.templates.count == before.templates.count, "fixed file loads as \(after.templates.count) templates, not \(before.templates.count)")
        check(after.issues.filter { $0.severity == .error }.count <= before.issues.filter { $0.severity == .error }.count, "fix added load errors")
        for (old, new) in zip(before.templates, after.templates) {
            if let violation = CompressionGuard.violation(before: old, after: new) { check(false, "fix broke a protected token: \(violation)") }
        }
    }

    static let engine: LintEngine = {
        // The built-in rules with their defaults, plus a custom replace rule (its replacement holds the phrase).
        let config = """
        custom_rules:
          house:
            message: "Use '{replacement}' instead of '{match}'"
            replace: {"JS": "JS (JavaScript)", "utilize": "use"}
        """
        do {
            return LintEngine(configuration: try LintConfiguration.resolve(try ProjectConfig.parse(SourceFile(path: ".promptlint.yml", text: config))))
        } catch {
            fatalError("the fuzz configuration does not load: \(error)")
        }
    }()

    static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("fuzz property violated: \(message())") }
    }
}

import Foundation
import Testing

@Suite struct SearchCommandTests {
    static let library = Paths.fixtures + "/search-library"
    /// Keeps the search cache out of the user's ~/.cache.
    let cache: TemporaryDirectory

    init() throws { cache = try TemporaryDirectory() }

    func run(_ arguments: [String], in directory: String = Paths.packageRoot) throws -> CLIResult {
        try CLI.run(arguments, in: directory, environment: ["PROMPTLINT_CACHE_DIR": cache.path])
    }

    func json(_ result: CLIResult) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    @Test func textOutput() throws {
        let result = try run(["search", "--library", Self.library, "refund", "policy"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("1. support/refund-reply  ") == true)
        #expect(lines.first?.hasSuffix("Draft a reply to a customer asking for a refund.") == true)
        #expect(lines.contains("   Explain whether the refund is possible under this policy: {{policy}}"))
        #expect(lines.contains { $0.hasSuffix("support/refund-reply.yml:12") })
        #expect(!result.stdout.contains("\u{1B}["))
    }

    @Test func jsonOutputFiltersAndLimit() throws {
        let result = try run(["search", "--library", Self.library, "--format", "json", "jsn extraction"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try json(result)
        let first = try #require(rows.first)
        #expect(first["rank"] as? Int == 1)
        #expect(first["name"] as? String == "extraction/invoice-json")
        #expect((first["score"] as? Double ?? 0) > 0)
        #expect(first["description"] as? String == "Extract invoice fields as JSON.")
        #expect((first["file"] as? String)?.hasSuffix("extraction/invoice-json.yml") == true)
        #expect(first["line"] as? Int != nil)
        #expect(first["match"] as? String != nil)

        let filtered = try json(try run(["search", "--library", Self.library, "--format", "json", "--tag", "support", "--tag", "summarization",
                                             "--model", "GPT-4o-mini", "ticket"]))
        #expect(filtered.map { $0["name"] as? String } == ["support/ticket-summary"])
        let tiered = try json(try run(["search", "--library", Self.library, "--format", "json", "--tier", "standard", "ticket"]))
        #expect(tiered.map { $0["name"] as? String } == ["support/ticket-summary-legacy"])
        let small = try json(try run(["search", "--library", Self.library, "--format", "json", "--max-tokens", "30", "ticket"]))
        #expect(!small.isEmpty)
        #expect(small.allSatisfy { ($0["static_tokens"] as? Int ?? .max) <= 30 })
        let none = try run(["search", "--library", Self.library, "--max-tokens", "1", "ticket"])
        #expect(none.status == 1)
        let badTier = try run(["search", "--library", Self.library, "--tier", "gold", "ticket"])
        #expect(badTier.status == 2)
        let limited = try json(try run(["search", "--library", Self.library, "--format", "json", "--limit", "2", "ticket"]))
        #expect(limited.count == 2)
        let japanese = try json(try run(["search", "--library", Self.library, "--format", "json", "請求書"]))
        #expect(japanese.first?["name"] as? String == "ja/invoice-extraction")
    }

    @Test func noMatchExitsWithOne() throws {
        let result = try run(["search", "--library", Self.library, "kubernetes"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let json = try run(["search", "--library", Self.library, "--format", "json", "kubernetes"])
        #expect(json.status == 1)
        #expect(json.stdout == "[]\n")
        let usage = try run(["search", "--library", Self.library, "--limit", "0", "x"])
        #expect(usage.status == 2)
    }

    @Test func cacheIsReusedAndNeverStale() throws {
        let dir = try TemporaryDirectory(files: [
            "prompts/a.yml": "description: Summarize a ticket.\ntemplate: Summarize the ticket in 3 bullets.\n",
            "prompts/b.yml": "description: Review a diff.\ntemplate: Review the diff for bugs.\n",
        ])
        let first = try run(["search", "ticket"], in: dir.path)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("1. a  "))
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".bin") }
        #expect(files.count == 1)
        let cached = try run(["search", "ticket"], in: dir.path)
        #expect(cached.stdout == first.stdout)
        // Edit a template: the next search sees the change.
        try dir.write("prompts/b.yml", "description: Review a diff.\ntemplate: Review the diff and the ticket for bugs, ticket first.\n")
        let edited = try run(["search", "--format", "json", "ticket"], in: dir.path)
        #expect(try json(edited).compactMap { $0["name"] as? String }.sorted() == ["a", "b"])
        // Remove one, add one.
        try FileManager.default.removeItem(atPath: dir.file("prompts/a.yml"))
        try dir.write("prompts/c.yml", "template: Triage the incoming ticket.\n")
        let changed = try run(["search", "--format", "json", "ticket"], in: dir.path)
        #expect(try json(changed).compactMap { $0["name"] as? String }.sorted() == ["b", "c"])
        // A config change (default model → tier) rebuilds too.
        try dir.write(".promptlint.yml", "model: claude-sonnet-4-5\n")
        let standard = try run(["search", "--format", "json", "--tier", "standard", "ticket"], in: dir.path)
        #expect(try json(standard).count == 2)
        let uncached = try run(["search", "--no-cache", "--format", "json", "--tier", "standard", "ticket"], in: dir.path)
        #expect(uncached.stdout == standard.stdout)
        // The same library named from elsewhere prints paths as named there.
        let elsewhere = try run(["search", "--library", dir.file("prompts"), "--format", "json", "ticket"])
        #expect(try json(elsewhere).allSatisfy { ($0["file"] as? String)?.hasPrefix(dir.path) == true })
        // A corrupt cache file is rebuilt, not trusted.
        try Data("PLSEARCH garbage".utf8).write(to: URL(fileURLWithPath: cache.path + "/" + files[0]))
        let recovered = try run(["search", "--format", "json", "--tier", "standard", "ticket"], in: dir.path)
        #expect(recovered.stdout == standard.stdout)
    }

    @Test func similarListsTheDuplicateFirst() throws {
        let result = try run(["similar", "--library", Self.library, "support/ticket-summary"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("1. support/ticket-summary-legacy  1.00  "))
        let rows = try json(try run(["similar", "--library", Self.library, "--format", "json", "--limit", "1", "support/ticket-summary"]))
        #expect(rows.count == 1)
        #expect(rows.first?["score"] as? Double == 1)
        let missing = try run(["similar", "--library", Self.library, "support/ticket-summry"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("did you mean 'support/ticket-summary'?"))
    }

    @Test func lintReportsTheDuplicatePair() throws {
        let result = try CLI.run(["lint", "--library", Self.library, "--format", "json"])
        #expect(result.stdout.contains("PL501"))
        #expect(result.stdout.contains("near-duplicate of 'support/ticket-summary-legacy'"))
    }
}

import Foundation
import Testing

@Suite struct CompressCommandTests {
    static let template = "# keep me\nmodel: gpt-4o-mini\nmax_output_tokens: 100\nvariables:\n  ticket: {required: true}\nmessages:\n  - role: system\n    content: |\n      You are a helpful assistant. In order to help the team, summarize the ticket in 3 bullets.\n  - role: user\n    content: \"{{ticket}}\"\n"

    @Test func dryRunShowsDiffAndSavingsAndWritesNothing() throws {
        let dir = try TemporaryDirectory(files: ["prompts/t.yml": Self.template])
        let result = try CLI.run(["compress", "t", "--calls-per-month", "1000000"], in: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("-You are a helpful assistant. In order to help the team, summarize the ticket in 3 bullets."))
        #expect(result.stdout.contains("+To help the team, summarize the ticket in 3 bullets."))
        #expect(result.stdout.contains("per month at 1000000 calls"))
        #expect(try dir.read("prompts/t.yml") == Self.template)
    }

    @Test func jsonHasTheDocumentedFields() throws {
        let dir = try TemporaryDirectory(files: ["prompts/t.yml": Self.template])
        let result = try CLI.run(["compress", "--all", "--format", "json"], in: dir.path)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let item = try #require(items.first)
        for key in ["file", "name", "encoding", "tokens_before", "tokens_after", "original", "compressed", "edits"] {
            #expect(item[key] != nil, "missing \(key)")
        }
        #expect((item["compressed"] as? [String])?.first == "To help the team, summarize the ticket in 3 bullets.\n")
        #expect((item["edits"] as? [[String: Any]])?.map { $0["code"] as? String }.contains("PL101") == true)
        #expect((item["tokens_after"] as? Int ?? 0) < (item["tokens_before"] as? Int ?? 0))
    }

    @Test func writeEditsInPlaceAndConverges() throws {
        let dir = try TemporaryDirectory(files: ["prompts/t.yml": Self.template])
        let result = try CLI.run(["compress", "prompts/t.yml", "--write"], in: dir.path)
        #expect(result.status == 0)
        let written = try dir.read("prompts/t.yml")
        #expect(written == Self.template.replacingOccurrences(of: "You are a helpful assistant. In order to help", with: "To help"))
        let again = try CLI.run(["compress", "prompts/t.yml", "--format", "json"], in: dir.path)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [[String: Any]])
        #expect(items.first?["tokens_before"] as? Int == items.first?["tokens_after"] as? Int)
    }

    @Test func stdinAndUnknownTarget() throws {
        let result = try CLI.run(["compress", "-", "--format", "json"], stdin: "In order to save time, reply in one sentence.")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect((items.first?["compressed"] as? [String])?.first == "To save time, reply in one sentence.")
        let unknown = try CLI.run(["compress", "support/ticket-summry"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean 'support/ticket-summary'?"))
    }
}

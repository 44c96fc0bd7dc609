import Foundation
import Testing
@testable import PromptLintKit

@Suite struct TokensCommandTests {
    func json(_ result: CLIResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
    }

    @Test func plainFileIsCountedExactlyWithoutFraming() throws {
        let text = "Summarize the ticket in at most 3 bullet points.\nこんにちは世界\n"
        let dir = try TemporaryDirectory(files: ["notes.txt": text])
        let result = try CLI.run(["tokens", "notes.txt", "-m", "gpt-4o", "--format", "json"], in: dir.path)
        let object = try json(result)
        #expect(object["tokens"] as? Int == Tokenizer.shared(.o200k_base).count(text))
        #expect(object["encoding"] as? String == "o200k_base")
        #expect(object["estimate"] as? Bool == false)
        #expect(object["chat_overhead_tokens"] is NSNull)
        let cl100k = try json(try CLI.run(["tokens", "notes.txt", "-m", "gpt-4", "--format", "json"], in: dir.path))
        #expect(cl100k["tokens"] as? Int == Tokenizer.shared(.cl100k_base).count(text))
    }

    @Test func stdinAndKnownCount() throws {
        let result = try CLI.run(["tokens", "-", "--format", "json"], stdin: "hello world")
        #expect(try json(result)["tokens"] as? Int == 2)
    }

    @Test func templateCountsPerMessageWithCost() throws {
        let object = try json(try CLI.run(["tokens", "support/ticket-summary", "--format", "json"]))
        #expect(object["model"] as? String == "gpt-4o-mini")
        let messages = try #require(object["messages"] as? [[String: Any]])
        #expect(messages.map { $0["role"] as? String } == ["system", "user"])
        let total = messages.compactMap { $0["tokens"] as? Int }.reduce(0, +)
        #expect(object["tokens"] as? Int == total)
        #expect(object["chat_overhead_tokens"] as? Int == 9)
        let cost = try #require(object["cost"] as? [String: Any])
        // gpt-4o-mini: $0.15 in / $0.60 out per 1M; 200 output tokens.
        let expected = Double(total + 9) * 0.15 / 1_000_000 + 200 * 0.60 / 1_000_000
        #expect(abs((cost["per_call"] as? Double ?? 0) - expected) < 1e-12)
        let text = try CLI.run(["tokens", "support/ticket-summary"])
        #expect(text.stdout.contains("per 1,000 calls"))
        #expect(text.stdout.contains("tokens/100 chars"))
    }

    @Test func renderedCountsUseTheValues() throws {
        let object = try json(try CLI.run(["tokens", "support/ticket-summary", "--var", "ticket=" + String(repeating: "word ", count: 50), "--format", "json"]))
        let user = try #require((object["messages"] as? [[String: Any]])?.last?["tokens"] as? Int)
        #expect(user >= 50)
    }

    @Test func estimatesAreLabelled() throws {
        let object = try json(try CLI.run(["tokens", "support/ticket-summary", "-m", "claude-sonnet-4", "--format", "json"]))
        #expect(object["estimate"] as? Bool == true)
        let text = try CLI.run(["tokens", "support/ticket-summary", "-m", "claude-sonnet-4"])
        #expect(text.stdout.contains("estimate"))
        let compare = try CLI.run(["tokens", "support/ticket-summary", "--compare"])
        #expect(compare.stdout.contains("claude-sonnet-4 *"))
        #expect(compare.stdout.contains("* estimate: the model's tokenizer is not public"))
    }

    @Test func configOverridesPrices() throws {
        let dir = try TemporaryDirectory(files: [
            "notes.txt": "hello world",
            ".promptlint.yml": "models:\n  - name: acme-llm\n    encoding: cl100k_base\n    input_price: 1000000\n    output_price: 0\n",
        ])
        let object = try json(try CLI.run(["tokens", "notes.txt", "-m", "acme-llm", "--format", "json"], in: dir.path))
        #expect((object["cost"] as? [String: Any])?["per_call"] as? Double == 2.0)
        try dir.write(".promptlint.yml", "models:\n  - name: acme\n    input_prise: 1\n")
        let bad = try CLI.run(["tokens", "notes.txt"], in: dir.path)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("unknown key 'input_prise' in a model; did you mean 'input_price'?"))
    }
}

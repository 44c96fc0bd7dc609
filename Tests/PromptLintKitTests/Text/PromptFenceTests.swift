import Foundation
import Testing
@testable import PromptLintKit

/// Issue 12, part 1: a prompt kept inside a fence of a Markdown document is linted as prose.
@Suite struct PromptFenceTests {
    static let body = """
    You are a helpful assistant. Please summarize the customer's ticket in order to help the on-call
    engineer, in at most 3 bullet points, and name the product area it concerns.
    """

    func isProse(_ text: String, _ phrase: String, promptFences: Bool = true) -> Bool {
        let mask = ProseMask(text, promptFences: promptFences)
        let start = text.utf8.count - text[text.range(of: phrase)!.lowerBound...].utf8.count
        return mask.isProse(start..<(start + phrase.utf8.count))
    }

    @Test(arguments: ["## System Prompt", "# Prompt", "### INSTRUCTIONS", "**System prompt**", "System message:", "## システムプロンプト", "## Instrucciones del sistema"])
    func aFenceUnderAPromptHeadingIsProse(_ heading: String) {
        let text = "# Ticket summariser\n\nUsed by the escalation bot since March.\n\n\(heading)\n\n```\n\(Self.body)\n```\n"
        #expect(isProse(text, "Please summarize"), "\(heading)")
        #expect(!isProse(text, "```"))
        #expect(!isProse(text, "Please summarize", promptFences: false))
    }

    @Test func aMarkdownFenceHoldingMostOfTheFileIsProseAndItsCodeStaysCode() {
        let text = "Prompt v3:\n\n````markdown\n\(Self.body)\nReturn the result like this:\n```json\n{\"area\": \"billing\", \"please\": 1}\n```\n````\n"
        #expect(isProse(text, "Please summarize"))
        #expect(!isProse(text, "\"please\": 1"))
        let mask = ProseMask(text)
        #expect(mask.codeFences.count == 3, "\(mask.codeFences)")   // the two prompt fence lines and the inner JSON block
    }

    @Test func aFileThatIsOneBareFenceIsProse() {
        let text = "```\n\(Self.body)\n```\n"
        #expect(isProse(text, "Please summarize"))
    }

    @Test(arguments: [
        // An output format the model must fill in, even under a heading with "prompt" in it.
        "## Output format\n\n```markdown\n\(body)\n```\n",
        "## Example prompt\n\n```text\n\(body)\n```\n",
        // Code.
        "## System Prompt\n\n```python\n\(body)\n```\n",
        "## Prompt\n\n```\ndef summarize(ticket):\n    return {\"bullets\": [line for line in ticket.split(';') if line]}  # please\n    x = (1 + 2) * (3 + 4); y = {k: v for k, v in z}\n```\n",
        // A small fence in a long document under no prompt heading.
        "Summarize the ticket for the on-call engineer in at most 3 bullet points, naming the product area and the customer impact, and saying what support already tried and what it needs from engineering.\n\nReturn the bullets like:\n\n```\n- Please check the billing area first; the customer cannot pay.\n```\n",
    ])
    func otherFencesStayCode(_ text: String) {
        let phrase = ["Please summarize", "please", "Please check"].first { text.contains($0) }!
        #expect(!isProse(text, phrase), "\(text)")
    }

    @Test func lintReportsThePromptInsideAFenceAtItsFilePosition() throws {
        let document = "# Ticket summariser\n\n## System Prompt\n\n```\n\(Self.body)\n```\n"
        let dir = try TemporaryDirectory(files: ["prompt.md": document])
        let result = try CLI.run(["lint", "prompt.md", "--format", "json", "--fail-on", "never"], in: dir.path)
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let polite = try #require(findings.first { $0["code"] as? String == "PL102" })
        #expect(polite["line"] as? Int == 6 && polite["column"] as? Int == 30, "\(polite)")
        #expect(findings.contains { $0["code"] as? String == "PL201" })
        // Off in the config: the fence is code again.
        try dir.write(".promptlint.yml", "prompt_fences: never\n")
        let off = try CLI.run(["lint", "prompt.md", "--format", "json", "--fail-on", "never"], in: dir.path)
        let offFindings = try #require(try JSONSerialization.jsonObject(with: Data(off.stdout.utf8)) as? [[String: Any]])
        #expect(!offFindings.contains { $0["code"] as? String == "PL102" })
        try dir.write(".promptlint.yml", "prompt_fences: sometimes\n")
        let bad = try CLI.run(["lint", "prompt.md"], in: dir.path)
        #expect(bad.status == 2 && bad.stderr.contains("'prompt_fences' must be auto or never"), "\(bad.stderr)")
    }
}

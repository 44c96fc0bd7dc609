import Foundation
import Testing

@Suite struct LibraryCommandTests {
    @Test func listShowsTheBundledLibrary() throws {
        let result = try CLI.run(["list"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("support/ticket-summary"))
        #expect(result.stdout.contains("gpt-4o-mini"))
        let json = try CLI.run(["list", "--format", "json", "--tag", "support"])
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(parsed?.contains { $0["name"] as? String == "support/ticket-summary" } == true)
        #expect(parsed?.allSatisfy { ($0["tags"] as? [String])?.contains("support") == true } == true)
    }

    @Test func showPrintsMetadataAndMessages() throws {
        let result = try CLI.run(["show", "support/ticket-summary"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("max_output_tokens: 200"))
        #expect(result.stdout.contains("### system"))
        let missing = try CLI.run(["show", "support/ticket-summry"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("did you mean 'support/ticket-summary'?"))
    }

    @Test func renderFromVarsFileAndAtFile() throws {
        let dir = try TemporaryDirectory(files: ["ticket.txt": "Login fails & <b>", "vars.yml": "ticket: From YAML\naudience: manager\n",
                                                 "vars.json": "{\"ticket\": \"From JSON\"}"])
        let text = try CLI.run(["render", "support/ticket-summary", "--var", "ticket=@" + dir.file("ticket.txt"), "--var", "audience=manager"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Login fails & <b>"))
        #expect(text.stdout.contains("for an manager"))
        let json = try CLI.run(["render", "support/ticket-summary", "--vars", dir.file("vars.yml"), "--format", "json"])
        let body = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(body?["model"] as? String == "gpt-4o-mini")
        #expect(body?["max_tokens"] as? Int == 200)
        #expect((body?["messages"] as? [[String: String]])?.last?["content"] == "From YAML")
        let fromJSON = try CLI.run(["render", "support/ticket-summary", "--vars", dir.file("vars.json")])
        #expect(fromJSON.stdout.contains("From JSON"))
        let stdin = try CLI.run(["render", "support/ticket-summary", "--var", "ticket=@-"], stdin: "piped ticket")
        #expect(stdin.stdout.contains("piped ticket"))
    }

    @Test func renderErrorsExitWithTwo() throws {
        let result = try CLI.run(["render", "support/ticket-summary", "--var", "audience=ceo"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("missing value for variable 'ticket'"))
        #expect(result.stderr.contains("value 'ceo' of variable 'audience' is not allowed"))
        let usage = try CLI.run(["render"])
        #expect(usage.status == 2)
    }

    @Test func malformedTemplateInLibraryIsLocated() throws {
        let dir = try TemporaryDirectory(files: ["prompts/bad.yml": "name: x\ntemplate: [oops\n", "prompts/ok.yml": "template: hi\n"])
        let result = try CLI.run(["list"], in: dir.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("prompts/bad.yml:3:1: YAML syntax error"))
        #expect(result.stdout.contains("ok"))
    }

    @Test func configSetsTheLibraryAndRejectsUnknownKeys() throws {
        let dir = try TemporaryDirectory(files: [".promptlint.yml": "library: team-prompts\n", "team-prompts/a.yml": "template: hi\n"])
        let result = try CLI.run(["list"], in: dir.path)
        #expect(result.status == 0)
        #expect(result.stdout.contains("a "))
        try dir.write(".promptlint.yml", "libary: x\n")
        let bad = try CLI.run(["list"], in: dir.path)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains(".promptlint.yml:1:1: unknown key 'libary' in .promptlint.yml; did you mean 'library'?"))
    }
}

import Testing
@testable import PromptLintKit

@Suite struct SitePathsTests {
    @Test func namesBecomeSafeFileNames() {
        #expect(SitePaths.templatePage("support/ticket-summary") == "t/support~2Fticket-summary.html")
        #expect(SitePaths.templatePage("<script>") == "t/~3Cscript~3E.html")
        #expect(SitePaths.templatePage("..") == "t/~2E~2E.html")
        #expect(SitePaths.templatePage("A") != SitePaths.templatePage("a"))
    }

    /// Property: distinct names give distinct pages, even ignoring case, and only safe characters.
    @Test func injectiveOnRandomNames() {
        var random = SeededRandom(seed: 4)
        let alphabet = Array("aAbB/-_.~ 0é<")
        var seen: [String: String] = [:]
        for _ in 0..<5000 {
            let name = String((0..<Int.random(in: 1...6, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            let page = SitePaths.templatePage(name).lowercased()
            if let other = seen[page] { #expect(other == name, "\(name) and \(other) share \(page)") }
            seen[page] = name
            #expect(page.dropFirst(2).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_~.".contains($0)) })
        }
    }
}

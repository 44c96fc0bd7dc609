import Testing
@testable import PromptLintKit

@Test func versionIsSet() {
    #expect(!PromptLintKit.version.isEmpty)
}

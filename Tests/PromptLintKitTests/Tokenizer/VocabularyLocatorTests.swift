import Foundation
import Testing
@testable import PromptLintKit

@Suite struct VocabularyLocatorTests {
    @Test func findsTheVocabulariesFromTheDefaultPlaces() throws {
        try VocabularyLocator.checkAvailable()
        #expect(try VocabularyLocator.path(for: .o200k_base).hasSuffix("o200k_base.bpevocab"))
    }

    @Test func environmentOverrideComesFirst() {
        let folders = VocabularyLocator.searchDirectories(environment: ["PROMPTLINT_RESOURCES": "/opt/pl"],
                                                          executable: URL(fileURLWithPath: "/usr/local/bin/promptlint"))
        #expect(Array(folders.prefix(2)) == ["/opt/pl/Vocab", "/opt/pl"])
        #expect(folders.contains("/usr/local/bin/promptlint_PromptLintKit.resources/Vocab"))
        #expect(folders.contains("/usr/local/share/promptlint/Vocab"))
    }

    /// A binary whose resources are gone fails with a message naming the fix, instead of crashing.
    @Test func missingVocabularyIsAClearError() {
        #expect {
            try VocabularyLocator.path(for: .cl100k_base, in: ["/nonexistent/a", "/nonexistent/b"])
        } throws: { error in
            let message = String(describing: error)
            return message.contains("cl100k_base.bpevocab") && message.contains("/nonexistent/a") && message.contains("PROMPTLINT_RESOURCES")
        }
    }
}

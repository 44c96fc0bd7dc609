import Testing
@testable import PromptLintKit

/// Cases found by the hand review of compress rewrites: each was a meaning change before its fix.
@Suite struct RewriteReviewRegressionTests {
    @Test func metaPreambleBeforeAColonIsLeftToTheListRule() {
        let text = "Act as a tutor.\n\nYour task is to:\n- Define LLM in 1 sentence.\n- Explain tokens in 2 sentences."
        #expect(MetaPreambleAnalyzer.analyze(PromptText(text)).isEmpty)
        let intro = ListIntroductionAnalyzer.analyze(PromptText(text))
        #expect(intro.map(\.matched) == ["Your task is to:"])
        #expect(TextEdit.apply(intro.flatMap(\.edits), to: text) == "Act as a tutor.\n\n- Define LLM in 1 sentence.\n- Explain tokens in 2 sentences.")
    }

    @Test func boldIsKeptWhenThePromptAsksForBoldOrEmphasisesARestriction() {
        #expect(MarkdownEmphasisAnalyzer.analyze(PromptText("Use markdown, bold for updates.\n- **Mission** status in 1 line")).isEmpty)
        #expect(MarkdownEmphasisAnalyzer.analyze(PromptText("Accept **only** A, B or C. **Never** explain.")).isEmpty)
        #expect(MarkdownEmphasisAnalyzer.analyze(PromptText("Review the **security** of the diff.")).count == 1)
        #expect(MarkdownEmphasisAnalyzer.analyze(PromptText("Steps:\n1. **Reconstruct all turns in order.**\n2. Summarize them.")).isEmpty)
    }

    @Test func quotedLineAfterAnExampleIntroductionIsData() {
        let text = "Tease the player, e.g.:\n  \"Bold choice, Scott, hope you're ready for some very specific brushstroke trivia tonight.\"\nKeep it to 1 line."
        #expect(IntensifierAnalyzer.analyze(PromptText(text)).isEmpty)
        let instruction = "Follow this:\n\"Please summarize the whole ticket for the customer in three short bullet points and nothing more.\""
        #expect(!PoliteFillerAnalyzer.analyze(PromptText(instruction)).isEmpty)
    }

    @Test func nearDuplicatesAndListFieldsAreReportedWithoutFix() throws {
        let text = "## Steps\nDetermine the target WCAG conformance level (AA or AAA).\n## Output\n- Target WCAG conformance level (AA or AAA)\nReply in at most 20 lines."
        let template = PromptTemplate(name: "t", file: SourceFile(path: "t.txt", text: text), format: .plainText,
                                      messages: [PromptMessage(role: .user, text: text, source: .span(SourceFile(path: "t.txt", text: text), 0..<text.utf8.count))])
        var configuration = LintConfiguration.defaults()
        configuration.settings.measureAllFixes = true
        let findings = LintEngine(configuration: configuration).lint([template]).filter { $0.code == "PL203" }
        #expect(findings.count == 1)
        #expect(findings.allSatisfy { $0.fix == nil })
    }

    @Test func boldStaysInOutputSubsectionsChecklistsAndParallelLabels() {
        let nested = "## Output Format\n### Phase 1\n- **UI-PLAN-1.1**: the component\n## Steps\nRead the **diff** first."
        #expect(MarkdownEmphasisAnalyzer.analyze(PromptText(nested)).map(\.matched) == ["**diff**"])
        #expect(MarkdownEmphasisAnalyzer.analyze(PromptText("Track:\n- [ ] **Tests** pass")).isEmpty)
        let parallel = "Prompt parts:\n- **CONTEXT:** who asks\n- **Do not:** invent facts\n- **ACTION:** what to do"
        #expect(MarkdownEmphasisAnalyzer.analyze(PromptText(parallel)).isEmpty)
        #expect(MarkdownEmphasisAnalyzer.analyze(PromptText("Parts:\n- **CONTEXT:** who asks\n- **ACTION:** what to do")).count == 2)
    }

    @Test func sampleSectionsAndQuotedCourtesyAreData() {
        let transcript = "Summarize the talk in 3 bullets.\n\n## INPUT SAMPLE\nThank you, guys. Please check out the show.\n\n## STEPS\nBe brief."
        #expect(PoliteFillerAnalyzer.analyze(PromptText(transcript)).isEmpty)
        #expect(PoliteFillerAnalyzer.analyze(PromptText("Be modest in asking, ‘Could you please highlight the change?’ Reply in 1 line.")).isEmpty)
        #expect(!ProseMask.isExampleTitle("Examples of tone"))
        #expect(ProseMask.isExampleTitle("Sample conversation"))
    }

    @Test func schemaLinesAreNotRepeatedInstructions() {
        let text = "{\n  \"scene_description\": \"Describe the whole scene in detail\",\n}\nThen:\n{\n  \"scene_description\": \"Describe the whole scene in detail\",\n}\n// repeat for every single object here\n// repeat for every single object here"
        #expect(RepeatedInstructionAnalyzer.analyze(PromptText(text)).isEmpty)
    }
}

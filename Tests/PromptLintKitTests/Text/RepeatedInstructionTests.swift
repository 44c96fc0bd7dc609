import Testing
@testable import PromptLintKit

@Suite struct RepeatedInstructionTests {
    @Test func identicalSentencesInOneMessage() {
        let s = "Always answer in valid JSON format. Be nice. Always answer in valid JSON format."
        let ms = RepeatedInstructionAnalyzer.analyze(s)
        #expect(ms.map(\.matched) == ["Always answer in valid JSON format."])
        #expect(ms.first?.range == 45..<80)
        #expect(ms.first?.relatedRange == 0..<35)
    }

    @Test func nearDuplicatesAcrossMessages() {
        let reps = RepeatedInstructionAnalyzer.repetitions(in: [
            "You must cite the sources you used for every claim.",
            "Summarize the document.\n- Cite the sources used for every claim!",
        ])
        #expect(reps.count == 1)
        #expect(reps.first?.first.messageIndex == 0)
        #expect(reps.first?.second.messageIndex == 1)
        #expect(reps.first?.second.text == "Cite the sources used for every claim!")
        #expect((reps.first?.similarity ?? 0) >= 0.8)
    }

    /// Structure is not an instruction said twice: a label before each block, and parallel list items.
    @Test func labelsAndParallelListItemsAreNotRepeats() {
        let labels = "Tier A: clear argument.\nCommon examples that meet this criteria:\n- one\nTier B: weak argument.\nCommon examples that meet this criteria:\n- two"
        #expect(RepeatedInstructionAnalyzer.repetitions(in: [labels]).isEmpty)
        let first = "- Output the first party's ARGUMENTS section listing claims, evidence, sources, quotes, rebuttals and weaknesses."
        let second = "- Output the second party's ARGUMENTS section listing claims, evidence, sources, quotes, rebuttals and weaknesses."
        #expect(RepeatedInstructionAnalyzer.repetitions(in: [first + "\n" + second]).isEmpty)
        // The same pair far apart is a near repeat: the filter, not the similarity, spares the list.
        #expect(RepeatedInstructionAnalyzer.repetitions(in: [first + "\na\nb\nc\nd\ne\n" + second]).count == 1)
        // The same instruction, exactly, stays a repeat even on the next line.
        let exact = "- Consider the design document and real-world risk.\n- Consider the design document and real-world risk."
        #expect(RepeatedInstructionAnalyzer.repetitions(in: [exact]).count == 1)
    }

    @Test func japaneseDuplicates() {
        let reps = RepeatedInstructionAnalyzer.repetitions(in: ["出力は必ず日本語で書いてください。", "注意：出力は必ず日本語で書いてください。"])
        #expect(reps.count == 1)
    }

    @Test func shortOrDifferentSentencesAreNotReported() {
        #expect(RepeatedInstructionAnalyzer.analyze("Be nice. Be nice.").isEmpty)
        #expect(RepeatedInstructionAnalyzer.analyze("Summarize the meeting notes for managers. Translate the meeting notes into German.").isEmpty)
    }

    @Test func quotedNamesDistinguishSentences() {
        let s = "In a section called \"ABOUT THIS PLAN\", write a 25 word sentence. In a section called \"OUTLINE SUMMARY\", write a 25 word sentence."
        #expect(RepeatedInstructionAnalyzer.analyze(s).isEmpty)
    }

    @Test func stemming() {
        #expect(RepeatedInstructionAnalyzer.stem("summaries") == "summari")
        #expect(RepeatedInstructionAnalyzer.stem("listing") == "list")
        #expect(RepeatedInstructionAnalyzer.stem("class") == "class")
        #expect(RepeatedInstructionAnalyzer.stem("model's") == "model")
    }
}

@Test func negationIsNotAStopWord() {
    let s = "The pattern-inside operator keeps findings that reside within its expression. The pattern-not-inside operator keeps findings that do not reside within its expression."
    #expect(RepeatedInstructionAnalyzer.analyze(s).isEmpty)
}

@Test func examplesInDataElementsAreNotInstructions() {
    let s = "<examples>\n[human]: I want to ask for a raise today.\n[human]: I want to ask for a raise today.\n</examples>"
    #expect(RepeatedInstructionAnalyzer.analyze(s).isEmpty)
}

@Test func tableRowsAreNotInstructions() {
    #expect(RepeatedInstructionAnalyzer.analyze("| Pattern | Detection Criteria | Skill Name |\n| a | b | c |\n| Pattern | Detection Criteria | Skill Name |").isEmpty)
}

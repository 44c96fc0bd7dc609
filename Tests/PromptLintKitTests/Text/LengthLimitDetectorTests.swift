import Testing
@testable import PromptLintKit

@Suite struct LengthLimitDetectorTests {
    func bounds(_ s: String) -> [String] { LengthLimitDetector.detect(s).bounds.map(\.matched) }

    @Test(arguments: [
        ("Answer in under 100 words.", "under 100 words"),
        ("Reply in at most 3 bullet points.", "at most 3 bullet points"),
        ("Write 2–3 sentences.", "2–3 sentences"),
        ("Write 2-3 sentences.", "2-3 sentences"),
        ("Give me 5 options.", "5 options"),
        ("Use no more than 2 paragraphs.", "no more than 2 paragraphs"),
        ("Limit your answer to 50 tokens.", "to 50 tokens"),
        ("List max 10 items.", "max 10 items"),
        ("Suggest up to 5 tags.", "up to 5 tags"),
        ("Summarize in three sentences.", "in three sentences"),
        ("Write a 100-word summary.", "100-word"),
        ("Keep it to 200 characters or less.", "to 200 characters or less"),
        ("100文字以内で要約してください。", "100文字以内"),
        ("3つのポイントを挙げてください。", "3つ"),
        ("要点を３行程度でまとめてください。", "３行程度"),
        ("五つの案を出してください。", "五つ"),
        ("Resume el texto en menos de 100 palabras.", "en menos de 100 palabras"),
        ("Escribe máximo 3 frases.", "máximo 3 frases"),
    ]) func counts(_ s: String, _ m: String) {
        let r = LengthLimitDetector.detect(s)
        #expect(r.bounds.map(\.matched) == [m])
        #expect(r.bounds.first?.kind == .count)
        #expect(r.hasLimit)
    }

    @Test func severalBounds() {
        #expect(bounds("Return 3-5 Markdown bullets of 10 words each.") == ["3-5 Markdown bullets", "10 words"])
        let r = LengthLimitDetector.detect("Output only the label.")
        #expect(r.bounds.map(\.matched) == ["Output only", "the label"])
        #expect(r.bounds.map(\.kind) == [.exclusiveOutput, .singleUnit])
    }

    @Test func placeholderCounts() {
        let r = LengthLimitDetector.detect("Write {{n}} words about ${topic}. Then ${count:3} short paragraphs.")
        #expect(r.bounds.map(\.matched) == ["{{n}} words", "${count:3} short paragraphs"])
        #expect(r.bounds.map(\.maximum) == [nil, 3])
        #expect(RequestedLengthEstimator.estimate("Then ${count:3} short paragraphs.")?.estimatedTokens == 405)
        #expect(LengthLimitDetector.detect("Use {max_words} words.").bounds.map(\.matched) == ["{max_words} words"])
        #expect(LengthLimitDetector.detect("Summarize {{text}} words of wisdom.").bounds.isEmpty)
    }

    @Test func countValues() {
        let b = LengthLimitDetector.detect("Write 2 to 4 short paragraphs.").bounds
        #expect(b.map(\.matched) == ["2 to 4 short paragraphs"])
        #expect(b.first?.minimum == 2 && b.first?.maximum == 4 && b.first?.unit == .paragraphs)
    }

    @Test(arguments: [
        ("Summarize in one sentence.", "in one sentence"),
        ("Write a two-line summary.", "two-line"),
        ("Return a single JSON object.", "a single JSON object"),
        ("Answer with a single word.", "a single word"),
        ("Answer yes or no.", "yes or no"),
        ("Reply with one word.", "with one word"),
        ("Respond with a number from 1 to 10.", "a number"),
        ("Output the label.", "the label"),
        ("一言で答えてください。", "一言で"),
        ("Responde sí o no.", "sí o no"),
    ]) func singleUnits(_ s: String, _ m: String) { #expect(bounds(s) == [m]) }

    @Test(arguments: [
        ("Return only the SQL.", "Return only"),
        ("Answer with the final result only.", "Answer with the final result only"),
        ("Respond with just the JSON.", "Respond with just"),
        ("Only output the code.", "Only output"),
        ("Print the diff and nothing else.", "nothing else"),
        ("JSONのみを出力してください。", "のみを出力"),
        ("Devuelve solo el código.", "Devuelve solo"),
    ]) func exclusiveOutput(_ s: String, _ m: String) {
        let r = LengthLimitDetector.detect(s)
        #expect(r.bounds.map(\.matched) == [m])
        #expect(r.bounds.first?.kind == .exclusiveOutput)
    }

    @Test(arguments: [
        ("Be brief.", "brief"), ("Answer briefly.", "briefly"), ("Keep it concise.", "concise"),
        ("Write concisely.", "concisely"), ("Give a short answer.", "short"), ("Be succinct.", "succinct"),
        ("簡潔に答えてください。", "簡潔に"), ("短く書いてください。", "短く"), ("Da una respuesta breve.", "breve"),
    ]) func vagueWordsAreNotLimits(_ s: String, _ m: String) {
        let r = LengthLimitDetector.detect(s)
        #expect(!r.hasLimit)
        #expect(r.vague.map(\.matched) == [m])
        #expect(r.vague.first?.message.contains("not a limit") == true || r.vague.first?.language == .japanese)
        #expect(VagueLengthAnalyzer.analyze(s).map(\.matched) == [m])
    }

    @Test(arguments: [
        "Write a detailed essay about the topic.",
        "In short, explain the idea.",
        "Plan the short-term roadmap.",
        "At least 500 words.",
        "I have 3 cats and one dog.",
        "Take one step at a time.",
        "Use a number of examples.",
        "Use `max 10 items` as the label.",
        "Print \"only output\" literally.",
        "Use only the provided context.",
        "500字以上で書いてください。",
        "- phase: 3\n  name: Architecture Audit",
        "Output (TODO Only) the list.",
        "Even briefly mentioned tools must appear.",
    ]) func notLimits(_ s: String) { #expect(bounds(s).isEmpty, "\(bounds(s))") }

    @Test(arguments: [
        "A teenage boy, short hair, black glasses.",
        "Do not just make the sentence shorter by cutting words out.",
        "In short, explain the idea.",
        "Plan the short-term roadmap.",
        "Write a short story about a dragon.",
    ]) func notVague(_ s: String) { #expect(LengthLimitDetector.detect(s).vague.isEmpty) }

    @Test func vagueWordNextToABoundIsNotReported() {
        let r = LengthLimitDetector.detect("Keep it concise: at most 200 lines. Be brief.")
        #expect(r.bounds.map(\.matched) == ["at most 200 lines"])
        #expect(r.vague.map(\.matched) == ["brief"])
    }

    @Test func lowerBounds() {
        let r = LengthLimitDetector.detect("Write at least 500 words. Then 3 paragraphs or more.")
        #expect(r.lowerBounds.map(\.matched) == ["at least 500 words", "3 paragraphs or more"])
        #expect(!r.hasLimit)
    }
}

/// Issue 12, part 6: a sentence that describes the input is not a bound on the answer.
@Suite struct InputDescriptionTests {
    @Test(arguments: [
        "Explain the root cause of the outage. The last 20 lines show the log format.",
        "You will be given 3 documents. Compare their claims.",
        "Below are 5 customer emails about the refund.",
        "The input contains 12 paragraphs of meeting notes; find the decisions.",
        "The attached transcript has 40 lines per speaker.",
    ])
    func inputDescriptionsAreNotLimits(_ text: String) {
        #expect(!LengthLimitDetector.detect(text).hasLimit, "\(LengthLimitDetector.detect(text).bounds.map(\.matched))")
    }

    @Test(arguments: [
        ("The log has 20 lines. Summarize it in at most 3 sentences.", "at most 3 sentences"),
        ("Return 5 tags for the text below.", "5 tags"),
        ("Write 3 bullet points about the document.", "3 bullet points"),
        ("The summary has at most 3 sentences.", "at most 3 sentences"),
    ])
    func outputBoundsNearInputWordsStay(_ text: String, _ bound: String) {
        #expect(LengthLimitDetector.detect(text).bounds.map(\.matched) == [bound])
    }
}

extension InputDescriptionTests {
    @Test func aQualifiedCountInASentenceAboutTheInputStillBounds() {
        #expect(LengthLimitDetector.detect("The text is 3 paragraphs long; summarize it in one sentence.").bounds.map(\.matched) == ["in one sentence"])
    }
}

import Testing
@testable import PromptLintKit

@Suite struct WordyPhraseTests {
    static let table: [(TextLanguage, WordyPhrase)] = PhrasePack.all.flatMap { p in p.wordyPhrases.map { (p.language, $0) } }

    @Test func tablesAreLargeAndHaveNoDuplicates() {
        #expect(PhrasePack.english.wordyPhrases.count >= 400)
        #expect(PhrasePack.japanese.wordyPhrases.count >= 40)
        for p in PhrasePack.all {
            let phrases = p.wordyPhrases.map { $0.phrase.lowercased() }
            #expect(Set(phrases).count == phrases.count, "\(p.language)")
        }
    }

    /// Every entry saves tokens in context, in both encodings: a "shorter" phrase that costs more is not kept.
    @Test func everyEntrySavesTokens() {
        let encoders = [Tokenizer.shared(.o200k_base), Tokenizer.shared(.cl100k_base)]
        for (lang, w) in Self.table {
            let (before, after) = lang == .japanese
                ? ("テスト\(w.phrase)例", "テスト\(w.replacement)例")
                : ("Alpha \(w.phrase) omega.", w.replacement.isEmpty ? "Alpha omega." : "Alpha \(w.replacement) omega.")
            for e in encoders {
                #expect(e.count(after) < e.count(before), "\(w.phrase) → \(w.replacement)")
            }
        }
    }

    @Test func japaneseKeepsTheParticle() {
        // 「以下の処理を行ってください」→「以下の処理してください」 would break the grammar.
        verify(WordyPhraseAnalyzer.self, FixCase("以下の処理を行ってください。", ["を行ってください"], "以下の処理をしてください。"))
    }

    /// Every entry, mid-sentence: matched exactly and replaced (or removed with spacing repaired).
    @Test func everyEntryMidSentence() {
        for (lang, w) in Self.table {
            let (text, expected): (String, String)
            switch lang {
            case .japanese:
                text = "テスト\(w.phrase)例"
                expected = "テスト\(w.replacement)例"
            case .spanish:
                text = "Alfa \(w.phrase) omega."
                expected = w.replacement.isEmpty ? "Alfa omega." : "Alfa \(w.replacement) omega."
            case .english:
                text = "Alpha \(w.phrase) omega."
                expected = w.replacement.isEmpty ? "Alpha omega." : "Alpha \(w.replacement) omega."
            }
            let ms = WordyPhraseAnalyzer.analyze(text)
            #expect(ms.map(\.matched) == [w.phrase], "\(w.phrase)")
            #expect(ms.allSatisfy { $0.isSafeFix }, "\(w.phrase)")
            #expect(fix(text, ms) == expected, "\(w.phrase)")
        }
    }

    /// Every Latin entry at a sentence start: capitalised replacement, or removal + capitalised next word.
    @Test func everyEntryAtSentenceStart() {
        for (lang, w) in Self.table where lang != .japanese {
            let text = "Done. \(CapitalizationRepair.capitalized(w.phrase)) omega."
            let expected = w.replacement.isEmpty ? "Done. Omega." : "Done. \(CapitalizationRepair.capitalized(w.replacement)) omega."
            let ms = WordyPhraseAnalyzer.analyze(text)
            #expect(ms.count == 1, "\(w.phrase)")
            #expect(fix(text, ms) == expected, "\(w.phrase)")
        }
    }

    @Test func examples() {
        verify(WordyPhraseAnalyzer.self, FixCase("It is important to note that the API is slow.", ["It is important to note that"], "The API is slow."))
        verify(WordyPhraseAnalyzer.self, FixCase("Make sure to  cite sources in order to help.", ["Make sure to", "in order to"], "Cite sources to help."))
        verify(WordyPhraseAnalyzer.self, FixCase("IN ORDER TO win, plan.", ["IN ORDER TO"], "TO win, plan."))
    }

    @Test(arguments: [
        "Use `in order to` as the label.",
        "Print \"due to the fact that\" verbatim.",
        "Sort the list in order. To start, read.",
        "The reorder toggles prior-art.",
    ]) func negatives(_ s: String) { expectClean(WordyPhraseAnalyzer.self, s) }
}

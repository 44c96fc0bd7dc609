/// PL302: "list all", "as many as possible", "exhaustive" without a bound.
enum OpenEndedOutputRule {
    static let definition = AnalyzerRule.definition(RuleDescription(
        code: "PL302", identifier: "open_ended_output", family: .outputLength,
        summary: "An open-ended request (\"list all\", \"as many as possible\") without a bound.",
        explanation: """
        ## What it does
        Finds requests with no ceiling — "list all", "as many as possible", "in as much detail as possible",
        "exhaustive", "every possible", 「できるだけ多く」 — in a sentence that states no maximum.

        ## Why is this bad?
        The model takes them literally: the answer grows until it hits the token limit, and you pay for
        every output token, usually for a long tail nobody reads.
        """,
        defaultSeverity: .warning,
        readsProseOnly: true,
        triggeringExamples: [
            RuleExample("«List all» the risks in this contract."),
            RuleExample("Suggest «as many as possible» names for the product."),
        ],
        nonTriggeringExamples: [
            RuleExample("List at most 5 risks in this contract."),
            RuleExample("List all risks, at most 10 items."),
            RuleExample("### 1. List All Boards\nCall the API and return at most 5 boards."),
            RuleExample("Think deeply about everything you know about pricing, then give 3 offers."),
            RuleExample("This is not a comprehensive list of risks; name the top 3."),
        ]
    ), analyze: { text in OpenEndedRequestAnalyzer.analyze(text).filter { isOutputRequest($0, in: text) } })

    /// Words that make "everything" about thinking, not output ("think deeply about everything you know").
    static let nonOutputVerbs = ["think", "recall", "remember", "consider", "know", "read", "analyze", "analyse", "review", "check"]

    /// Keeps a match only when it asks for output: not in a heading, a CLI help line or a negated
    /// sentence, and not the object of a thinking verb.
    static func isOutputRequest(_ match: TextMatch, in text: PromptText) -> Bool {
        let bytes = Array(text.text.utf8)
        var lineStart = match.range.lowerBound
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        let linePrefix = String(decoding: bytes[lineStart..<match.range.lowerBound], as: UTF8.self).trimmingWhitespace()
        if linePrefix.hasPrefix("#") || linePrefix.hasPrefix("--") { return false }
        if linePrefix.isEmpty, lineStart < bytes.count, bytes[lineStart] == 0x23 { return false }
        let sentence = text.sentence(containing: match.range.lowerBound).map { text.string($0.range).lowercased() } ?? ""
        let before = sentence.components(separatedBy: match.matched.lowercased()).first ?? ""
        let words = before.split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init)
        if words.contains(where: { $0 == "not" || $0.hasSuffix("n't") || $0 == "never" }) { return false }
        if words.contains(where: { nonOutputVerbs.contains($0) }) { return false }
        return true
    }
}

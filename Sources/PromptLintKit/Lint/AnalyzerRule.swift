/// A wording rule that is one Text/ analyzer run over the instruction messages: its findings are
/// the analyzer's matches, and its fixes are as the description's `fixApplicability` declares.
/// A phrase-based rule is a description, an analyzer and a line in `RuleRegistry`.
struct AnalyzerRule: Rule {
    let description: RuleDescription
    let analyze: @Sendable (PromptText) -> [TextMatch]
    let fixTitle: @Sendable (TextMatch) -> String
    /// The finding's message when it says more than the analyzer's (the tokens a fix saves...).
    let describe: (@Sendable (TextMatch, TemplateContext, _ message: Int) -> String)?

    /// The rule's definition: it takes no options.
    static func definition(_ description: RuleDescription, analyze: @escaping @Sendable (PromptText) -> [TextMatch],
                           fixTitle: @escaping @Sendable (TextMatch) -> String = { _ in "" },
                           describe: (@Sendable (TextMatch, TemplateContext, _ message: Int) -> String)? = nil) -> RuleDefinition {
        RuleDefinition(description) { _ in
            AnalyzerRule(description: description, analyze: analyze, fixTitle: fixTitle, describe: describe)
        }
    }

    func check(_ context: TemplateContext) -> [Finding] {
        context.instructionMessageIndices.flatMap { index in
            context.findings(from: analyze(context.texts[index]), message: index, fixes: description.fixApplicability, fixTitle: fixTitle,
                             message: describe.map { describe in { describe($0, context, index) } })
        }
    }
}

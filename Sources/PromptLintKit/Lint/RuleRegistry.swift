/// Every built-in rule, in code order.
public enum RuleRegistry {
    public static let builtIn: [RuleDefinition] = [
        GenericRolePreambleRule.definition,
        PoliteFillerRule.definition,
        MetaPreambleRule.definition,
        ModalLeadInRule.definition,
        WordyPhraseRule.definition,
        IntensifierRule.definition,
        WhitespaceWasteRule.definition,
        RepeatedInstructionRule.definition,
        TokenBudgetRule.definition,
        PrettyPrintedJSONRule.definition,
        MarkdownEmphasisRule.definition,
        MissingOutputLimitRule.definition,
        OpenEndedOutputRule.definition,
        OutputLimitConflictRule.definition,
        UndeclaredVariableRule.definition,
        UnusedVariableRule.definition,
        RequiredVariableWithDefaultRule.definition,
        MustacheSyntaxRule.definition,
        UnknownPartialRule.definition,
        NearDuplicateTemplateRule.definition,
        UnknownModelRule.definition,
        CacheUnfriendlyPrefixRule.definition,
        PremiumModelForRoutineTaskRule.definition,
        OutputParameterMismatchRule.definition,
    ].sorted { $0.description.code < $1.description.code }
}

/// Every built-in rule, in code order.
public enum RuleRegistry {
    public static let builtIn: [RuleDefinition] = [
        UndeclaredVariableRule.definition,
        UnusedVariableRule.definition,
        RequiredVariableWithDefaultRule.definition,
        MustacheSyntaxRule.definition,
        UnknownPartialRule.definition,
        NearDuplicateTemplateRule.definition,
    ].sorted { $0.description.code < $1.description.code }
}

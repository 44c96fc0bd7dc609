/// The families rules are grouped in (the first digit of the code).
public enum RuleFamily: String, Sendable, CaseIterable {
    case preamble = "Preamble"
    case bloat = "Bloat"
    case outputLength = "Output length"
    case template = "Template"
    case library = "Library"
    case custom = "Custom"
}

/// A configurable option of a rule, declared so `.promptlint.yml` can be validated and documented.
public struct RuleOptionSpec: Sendable {
    public enum Kind: String, Sendable { case integer, number, string, stringList = "list of strings", boolean }
    public var name: String
    public var kind: Kind
    public var defaultValue: String
    public var help: String

    public init(_ name: String, _ kind: Kind, default defaultValue: String, _ help: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.help = help
    }
}

/// Everything about a rule that is not its logic: the single source for `rules`, `explain`,
/// SARIF's rule list, config validation, and the generic test that runs every example.
public struct RuleDescription: Sendable {
    /// Stable code, e.g. `PL102`.
    public var code: String
    /// Stable snake_case identifier, e.g. `polite_filler`.
    public var identifier: String
    public var family: RuleFamily
    /// One line: what the rule finds.
    public var summary: String
    /// Why it costs money or quality (ruff-style sections in Markdown).
    public var explanation: String
    public var defaultSeverity: Severity
    /// Opt-in rules run only when listed in `opt_in_rules`.
    public var isOptIn: Bool
    /// The fix the rule offers, if any.
    public var fixApplicability: FixApplicability?
    public var options: [RuleOptionSpec]
    public var triggeringExamples: [RuleExample]
    public var nonTriggeringExamples: [RuleExample]
    public var corrections: [RuleCorrection]

    public init(code: String, identifier: String, family: RuleFamily, summary: String, explanation: String,
                defaultSeverity: Severity, isOptIn: Bool = false, fixApplicability: FixApplicability? = nil,
                options: [RuleOptionSpec] = [], triggeringExamples: [RuleExample], nonTriggeringExamples: [RuleExample],
                corrections: [RuleCorrection] = []) {
        self.code = code
        self.identifier = identifier
        self.family = family
        self.summary = summary
        self.explanation = explanation
        self.defaultSeverity = defaultSeverity
        self.isOptIn = isOptIn
        self.fixApplicability = fixApplicability
        self.options = options
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
        self.corrections = corrections
    }
}

/// The families rules are grouped in (the first digit of the code).
public enum RuleFamily: String, Sendable, CaseIterable {
    case preamble = "Preamble"
    case bloat = "Bloat"
    case outputLength = "Output length"
    case template = "Template"
    case library = "Library"
    case cost = "Cost"
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
    /// The fixes the rule offers, if any: declared here once, shown by `rules`, `explain` and
    /// SARIF, and applied to every fix the rule makes.
    public var fixApplicability: RuleFixApplicability?
    public var options: [RuleOptionSpec]
    /// The rule reads instruction prose only: text in code, quoted examples and placeholders is
    /// never reported (the generic example test checks each triggering example wrapped in both).
    public var readsProseOnly: Bool
    public var triggeringExamples: [RuleExample]
    public var nonTriggeringExamples: [RuleExample]
    public var corrections: [RuleCorrection]

    public init(code: String, identifier: String, family: RuleFamily, summary: String, explanation: String,
                defaultSeverity: Severity, isOptIn: Bool = false, fixApplicability: RuleFixApplicability? = nil,
                options: [RuleOptionSpec] = [], readsProseOnly: Bool = false, triggeringExamples: [RuleExample], nonTriggeringExamples: [RuleExample],
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
        self.readsProseOnly = readsProseOnly
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
        self.corrections = corrections
    }
}

/// The fixes a rule offers, as its description declares them.
public enum RuleFixApplicability: String, Sendable, Codable {
    /// Every fix keeps the meaning: applied by `lint --fix`.
    case safe
    /// Every fix needs `--unsafe-fixes`, whatever the analyzer proposes.
    case unsafe
    /// Safe for some findings, unsafe for others: the analyzer decides per finding
    /// ("Your task is to" is safe to delete, "Your role is to" is not).
    case mixed

    /// The applicability of one fix, given whether the analyzer marks its edits safe.
    public func applicability(analyzerSaysSafe: Bool) -> FixApplicability {
        self == .unsafe || !analyzerSaysSafe ? .unsafe : .safe
    }

    /// Whether a rule declaring this may make a fix of `applicability`.
    public func allows(_ applicability: FixApplicability) -> Bool {
        self == .mixed || rawValue == applicability.rawValue
    }

    /// For `explain`: "safe", "unsafe", "safe for some findings, unsafe for others".
    public var label: String {
        self == .mixed ? "safe for some findings, unsafe for others" : rawValue
    }

    /// For `rules`: `[fix]`, `[unsafe fix]`, `[fix, some unsafe]`.
    public var tag: String {
        switch self {
        case .safe: return "[fix]"
        case .unsafe: return "[unsafe fix]"
        case .mixed: return "[fix, some unsafe]"
        }
    }
}

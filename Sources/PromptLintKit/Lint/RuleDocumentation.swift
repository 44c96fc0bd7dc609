/// The `explain` text of a rule, built from its description and examples.
public enum RuleDocumentation {
    public static func render(_ rule: RuleDescription) -> String {
        var out = "# \(rule.code) \(rule.identifier)\n\n\(rule.summary)\n\n"
        out += "Family: \(rule.family.rawValue). Default severity: \(rule.defaultSeverity.rawValue)"
        out += rule.isOptIn ? " (opt-in)." : "."
        if let fix = rule.fixApplicability { out += " Fix: \(fix.label)." }
        out += "\n\n" + rule.explanation.trimmingWhitespace() + "\n"
        if !rule.options.isEmpty {
            out += "\n## Options\n"
            for option in rule.options {
                out += "- `\(option.name)` (\(option.kind.rawValue), default \(option.defaultValue)): \(option.help)\n"
            }
        }
        // Four spaces before each line, none on an empty one (no trailing spaces in the output).
        func indented(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
        }
        func show(_ example: RuleExample) -> String {
            indented(example.text.replacingOccurrences(of: "«", with: "").replacingOccurrences(of: "»", with: ""))
        }
        if !rule.triggeringExamples.isEmpty {
            out += "\n## Flagged\n" + rule.triggeringExamples.prefix(4).map(show).joined(separator: "\n\n") + "\n"
        }
        if !rule.nonTriggeringExamples.isEmpty {
            out += "\n## Not flagged\n" + rule.nonTriggeringExamples.prefix(3).map(show).joined(separator: "\n\n") + "\n"
        }
        if let correction = rule.corrections.first {
            out += "\n## Fix\n" + show(correction.before) + "\n  becomes\n" + indented(correction.after) + "\n"
        }
        return out
    }
}

/// An example of a rule: documentation and a test case at once (SwiftLint's `Example`).
///
/// `«` and `»` mark each span the rule must report (triggering examples). A `.message` example is
/// the text of one user message, wrapped into a template with an output limit; a `.template`
/// example is a whole YAML template file; a `.library` example is several files separated by
/// lines `=== path ===`.
public struct RuleExample: Sendable {
    public enum Kind: Sendable { case message, template, library, plainText }

    public var kind: Kind
    public var text: String
    /// Options for the rule in this example (as in `.promptlint.yml`).
    public var options: [String: String]
    /// Where the example is written, so a failing example points at itself.
    public var file: String
    public var line: Int
    /// Run the emoji-prefix variant (off for examples whose spans start a line, where a prefix
    /// would change the meaning, e.g. whitespace rules).
    public var testsPrefixedVariant: Bool

    public init(_ text: String, kind: Kind = .message, options: [String: String] = [:], prefixVariant: Bool = true,
                file: String = #filePath, line: Int = #line) {
        self.kind = kind
        self.text = text
        self.options = options
        self.file = file
        self.line = line
        self.testsPrefixedVariant = prefixVariant
    }

    public static func template(_ text: String, options: [String: String] = [:], file: String = #filePath, line: Int = #line) -> RuleExample {
        RuleExample(text, kind: .template, options: options, prefixVariant: false, file: file, line: line)
    }

    public static func library(_ text: String, options: [String: String] = [:], file: String = #filePath, line: Int = #line) -> RuleExample {
        RuleExample(text, kind: .library, options: options, prefixVariant: false, file: file, line: line)
    }

    public static func plainText(_ text: String, options: [String: String] = [:], file: String = #filePath, line: Int = #line) -> RuleExample {
        RuleExample(text, kind: .plainText, options: options, prefixVariant: false, file: file, line: line)
    }
}

/// A fix example: `before` (an example) becomes `after` once the rule's fixes are applied.
public struct RuleCorrection: Sendable {
    public var before: RuleExample
    public var after: String
    /// Apply unsafe fixes too.
    public var unsafe: Bool

    public init(_ before: String, _ after: String, kind: RuleExample.Kind = .message, unsafe: Bool = false,
                options: [String: String] = [:], file: String = #filePath, line: Int = #line) {
        self.before = RuleExample(before, kind: kind, options: options, prefixVariant: false, file: file, line: line)
        self.after = after
        self.unsafe = unsafe
    }
}

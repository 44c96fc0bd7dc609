/// A lint rule: a description (documentation and test examples) and a check over one template.
/// Rules are values built from their options; they keep no state between templates.
public protocol Rule: Sendable {
    var description: RuleDescription { get }
    func check(_ context: TemplateContext) -> [Finding]
}

/// A rule that looks at the whole library at once (near-duplicates, ...).
public protocol LibraryRule: Rule {
    func checkLibrary(_ templates: [TemplateContext]) -> [Finding]
}

extension Rule {
    public var code: String { description.code }
    public var identifier: String { description.identifier }
}

extension LibraryRule {
    public func check(_ context: TemplateContext) -> [Finding] { [] }
}

/// What a rule reports; the engine adds the code, severity and line/column.
public struct Finding: Sendable {
    public var file: SourceFile
    /// Byte range in the file.
    public var range: Range<Int>
    public var message: String
    public var fix: Fix?
    public var related: [(range: Range<Int>, file: SourceFile, message: String)]
    public var template: String?
    public var tokensSaved: Int?

    public init(file: SourceFile, range: Range<Int>, message: String, fix: Fix? = nil,
                related: [(range: Range<Int>, file: SourceFile, message: String)] = [], template: String? = nil, tokensSaved: Int? = nil) {
        self.file = file
        self.range = range
        self.message = message
        self.fix = fix
        self.related = related
        self.template = template
        self.tokensSaved = tokensSaved
    }
}

/// A rule's options as given in `.promptlint.yml` (already checked against its `RuleOptionSpec`s).
public struct RuleOptions: Sendable {
    public enum Value: Sendable, Equatable {
        case scalar(String)
        case list([String])
        case map([String: String])
    }

    public var values: [String: Value]
    public init(_ values: [String: Value] = [:]) { self.values = values }

    public func integer(_ name: String) -> Int? {
        if case .scalar(let text)? = values[name] { return Int(text) }
        return nil
    }

    public func number(_ name: String) -> Double? {
        if case .scalar(let text)? = values[name] { return Double(text) }
        return nil
    }

    public func string(_ name: String) -> String? {
        if case .scalar(let text)? = values[name] { return text }
        return nil
    }

    public func list(_ name: String) -> [String]? {
        switch values[name] {
        case .list(let items)?: return items
        case .scalar(let text)?: return [text]
        default: return nil
        }
    }

    public func boolean(_ name: String) -> Bool? {
        if case .scalar(let text)? = values[name] { return ["true", "yes", "on"].contains(text.lowercased()) }
        return nil
    }

    public func map(_ name: String) -> [String: String]? {
        if case .map(let pairs)? = values[name] { return pairs }
        return nil
    }
}

/// How a rule is made from its options (built-in rules and team rules from config alike).
public struct RuleDefinition: Sendable {
    public var description: RuleDescription
    public var make: @Sendable (RuleOptions) -> any Rule

    public init(_ description: RuleDescription, make: @escaping @Sendable (RuleOptions) -> any Rule) {
        self.description = description
        self.make = make
    }
}

public enum MessageRole: String, Sendable, Codable, CaseIterable {
    case system, developer, user, assistant
}

/// One chat message (or the single string of a completion-form template).
public struct PromptMessage: Sendable {
    public var role: MessageRole
    public var text: String
    public var source: TextSource

    public init(role: MessageRole, text: String, source: TextSource) {
        self.role = role
        self.text = text
        self.source = source
    }
}

/// A declared template variable.
public struct VariableDeclaration: Sendable, Equatable {
    public var name: String
    public var description: String?
    public var isRequired: Bool
    public var defaultValue: String?
    public var allowedValues: [String]?
    /// `typical_tokens:`: how many tokens a typical value has, for `cost` (nil: count the default, else 0).
    public var typicalTokens: Int?
    /// Where the declaration is (the key), for diagnostics.
    public var location: SourceLocation?
    public var range: Range<Int>?

    public init(name: String, description: String? = nil, isRequired: Bool = false, defaultValue: String? = nil,
                allowedValues: [String]? = nil, location: SourceLocation? = nil, range: Range<Int>? = nil) {
        self.name = name
        self.description = description
        self.isRequired = isRequired
        self.defaultValue = defaultValue
        self.allowedValues = allowedValues
        self.location = location
        self.range = range
    }
}

/// A numeric model parameter as written in the file: its key, value and where the key is.
public struct ModelParameter: Sendable, Equatable {
    public var key: String
    public var value: Int
    public var range: Range<Int>
    public init(key: String, value: Int, range: Range<Int>) {
        self.key = key
        self.value = value
        self.range = range
    }
}

/// A prompt template of the library, whatever file format it was read from.
public struct PromptTemplate: Sendable {
    public var name: String
    public var file: SourceFile
    public var format: TemplateFormat
    public var description: String?
    public var tags: [String]
    public var model: String?
    /// The output-length limit sent with the request, from whichever key the format uses.
    public var maxOutputTokens: Int?
    /// Which key set the output limit, and where (YAML templates), for PL604.
    public var outputLimitParameter: ModelParameter?
    /// A thinking budget from `config` (`thinking.budget_tokens`, `thinking_budget`, `thinkingConfig.thinkingBudget`).
    public var thinkingBudget: ModelParameter?
    public var temperature: Double?
    /// `calls_per_month:`: how often the template is called, for `cost` (nil: the config's default).
    public var callsPerMonth: Int?
    /// `expected_output_tokens:`: the typical answer's length (nil: `max_output_tokens` is priced, an upper bound).
    public var expectedOutputTokens: Int?
    /// `model_reason:`: why this model and not a cheaper one (silences PL603).
    public var modelReason: String?
    /// `team:`: who owns the template, for `cost --by team`.
    public var team: String?
    public var variables: [VariableDeclaration]
    public var messages: [PromptMessage]
    /// True for the completion form (`template:`), false for chat `messages:`.
    public var isCompletion: Bool
    /// Rule codes or identifiers disabled by `lint: {disable: [...]}`.
    public var disabledRules: Set<String>
    /// Per-template lint options (`lint: {token_budget: 800}`).
    public var lintOptions: [String: String]
    /// Where the YAML root's (or front matter's) keys are, for positions of metadata keys.
    public var layout: TemplateLayout
    /// The byte range of the template's document in the file.
    public var range: Range<Int>

    public init(name: String, file: SourceFile, format: TemplateFormat, description: String? = nil, tags: [String] = [],
                model: String? = nil, maxOutputTokens: Int? = nil, temperature: Double? = nil,
                variables: [VariableDeclaration] = [], messages: [PromptMessage], isCompletion: Bool = false,
                disabledRules: Set<String> = [], lintOptions: [String: String] = [:], root: YAMLNode? = nil, range: Range<Int>? = nil) {
        self.name = name
        self.file = file
        self.format = format
        self.description = description
        self.tags = tags
        self.model = model
        self.maxOutputTokens = maxOutputTokens
        self.temperature = temperature
        self.variables = variables
        self.messages = messages
        self.isCompletion = isCompletion
        self.disabledRules = disabledRules
        self.lintOptions = lintOptions
        self.layout = TemplateLayout(root: root)
        self.range = range ?? 0..<file.bytes.count
    }

    public func variable(named name: String) -> VariableDeclaration? {
        variables.first { $0.name == name }
    }

    /// Where the template starts (its document, or the file).
    public var location: SourceLocation { file.location(ofByte: range.lowerBound) }

    /// The location of a metadata key (e.g. `model`), if present.
    public func keyLocation(_ key: String) -> SourceLocation? {
        layout.entry(key).map { file.location(ofByte: $0.keyRange.lowerBound) }
    }

    /// All the template's text joined, for search and whole-template checks.
    public var fullText: String { messages.map(\.text).joined(separator: "\n") }
}

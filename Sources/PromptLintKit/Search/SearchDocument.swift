/// What search keeps of a template besides its terms: enough to filter and to print a result.
public struct SearchDocument: Sendable, Equatable {
    public var name: String
    public var path: String
    public var description: String?
    public var tags: [String]
    public var model: String?
    public var maxOutputTokens: Int?
    /// Price tier of the template's model (or the default model), when the registry knows it.
    public var tier: ModelTier?
    /// Static prompt tokens (all messages, Mustache tags as written) with the model's encoding,
    /// when measured (only `--max-tokens` needs them).
    public var staticTokens: Int?

    public init(name: String, path: String, description: String?, tags: [String], model: String?, maxOutputTokens: Int?,
                tier: ModelTier? = nil, staticTokens: Int? = nil) {
        self.name = name
        self.path = path
        self.description = description
        self.tags = tags
        self.model = model
        self.maxOutputTokens = maxOutputTokens
        self.tier = tier
        self.staticTokens = staticTokens
    }

    /// `defaultModel` is assumed for templates that name none; tokens are counted only when asked.
    public init(_ template: PromptTemplate, defaultModel: String = "gpt-4o-mini", registry: ModelRegistry = .builtIn, countTokens: Bool = false) {
        let resolution = ModelResolution(template.model ?? defaultModel, registry: registry)
        var tokens: Int?
        if countTokens {
            let tokenizer = Tokenizer.shared(resolution.encoding)
            tokens = template.messages.reduce(0) { $0 + tokenizer.count($1.text) }
        }
        self.init(name: template.name, path: template.file.path, description: template.description, tags: template.tags,
                  model: template.model, maxOutputTokens: template.maxOutputTokens, tier: resolution.info?.tier, staticTokens: tokens)
    }
}

/// What search keeps of a template besides its terms: enough to filter and to print a result.
public struct SearchDocument: Sendable, Equatable {
    public var name: String
    public var path: String
    public var description: String?
    public var tags: [String]
    public var model: String?
    public var maxOutputTokens: Int?

    public init(name: String, path: String, description: String?, tags: [String], model: String?, maxOutputTokens: Int?) {
        self.name = name
        self.path = path
        self.description = description
        self.tags = tags
        self.model = model
        self.maxOutputTokens = maxOutputTokens
    }

    public init(_ template: PromptTemplate) {
        self.init(name: template.name, path: template.file.path, description: template.description, tags: template.tags,
                  model: template.model, maxOutputTokens: template.maxOutputTokens)
    }
}

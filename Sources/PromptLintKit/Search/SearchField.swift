/// The parts of a template that search reads, each with its BM25F weight: what a template is
/// called and tagged with says more about it than any one word of its text.
public enum SearchField: Int, CaseIterable, Sendable {
    case name, tags, description, variables, body

    public var weight: Float {
        switch self {
        case .name: return 3.0
        case .tags: return 2.5
        case .description: return 2.0
        case .variables: return 1.5
        case .body: return 1.0
        }
    }

    /// BM25 length normalisation: short fields (name, tags) are barely normalised.
    public var lengthNormalization: Float {
        switch self {
        case .name, .tags: return 0.3
        case .description, .variables: return 0.5
        case .body: return 0.75
        }
    }

    /// The field's text of a template.
    public func text(of template: PromptTemplate) -> String {
        switch self {
        case .name: return template.name
        case .tags: return template.tags.joined(separator: " ")
        case .description: return template.description ?? ""
        case .variables: return template.variables.map(\.name).joined(separator: " ")
        case .body: return template.fullText
        }
    }
}

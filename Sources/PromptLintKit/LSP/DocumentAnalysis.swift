/// One open document linted at one version: its templates and diagnostics, and the engine that
/// produced them (code actions apply fixes with the same engine).
public struct DocumentAnalysis: Sendable {
    public var uri: String
    public var version: Int
    public var file: SourceFile
    /// The reader the buffer was parsed with (fixes re-parse it the same way).
    public var format: TemplateFormat
    /// The name a template without `name:` gets (its path under the library).
    public var defaultName: String
    public var templates: [PromptTemplate]
    public var diagnostics: [Diagnostic]
    public var engine: LintEngine

    /// The template whose source holds a byte offset (the first one for offsets between templates).
    func template(at offset: Int) -> PromptTemplate? {
        templates.first { $0.range.contains(offset) || $0.range.upperBound == offset } ?? templates.first
    }
}

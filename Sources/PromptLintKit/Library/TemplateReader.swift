/// Reads the templates of one file of one format, collecting located issues as it goes.
/// `TemplateFormat.reader` picks the reader; `PromptLibrary.parse` runs it.
protocol TemplateReader {
    init(file: SourceFile)
    var issues: [LoadIssue] { get }
    /// The file's templates; `defaultName` names a template the file does not name.
    mutating func read(defaultName: String) -> [PromptTemplate]
}

extension TemplateReader {
    static func parse(_ file: SourceFile, defaultName: String) -> PromptLibrary.FileResult {
        var reader = Self(file: file)
        let templates = reader.read(defaultName: defaultName)
        return PromptLibrary.FileResult(templates: templates, issues: reader.issues)
    }
}

/// A reader of a format made of YAML front matter and a body (Prompty, dotprompt): the front
/// matter is split off and parsed, and unknown keys are warned about, before the format's part.
protocol FrontMatterReader: TemplateReader {
    var file: SourceFile { get }
    var issues: [LoadIssue] { get set }
    /// Front-matter keys the format defines (others get a warning).
    static var knownKeys: Set<String> { get }
    /// The format's name in messages ("Prompty").
    static var formatName: String { get }
    mutating func read(_ front: FrontMatter, defaultName: String) -> [PromptTemplate]
}

extension FrontMatterReader {
    mutating func read(defaultName: String) -> [PromptTemplate] {
        guard let front = FrontMatter.read(file, issues: &issues) else { return [] }
        issues += front.unsupportedKeys(known: Self.knownKeys, format: Self.formatName, file: file)
        return read(front, defaultName: defaultName)
    }
}

/// A plain prompt file (or standard input) is one user message with no metadata.
struct PlainTextReader: TemplateReader {
    let file: SourceFile
    let issues: [LoadIssue] = []

    init(file: SourceFile) { self.file = file }

    func read(defaultName: String) -> [PromptTemplate] {
        [PromptTemplate(name: defaultName, file: file, format: .plainText, messages: [
            PromptMessage(role: .user, text: file.text, source: .span(file, 0..<file.bytes.count)),
        ])]
    }
}

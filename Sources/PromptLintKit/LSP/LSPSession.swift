import Foundation

/// The server's state: the workspace (config and saved library), the open documents and their
/// latest analyses. Used from the server's one processing thread only.
public final class LSPSession {
    public let uris: DocumentURI
    public private(set) var documents = DocumentStore()
    public private(set) var workspace: Workspace
    public private(set) var configuration: LintConfiguration
    /// A `.promptlint.yml` that does not load: reported to the user, and the defaults are used.
    public private(set) var configurationError: SourceError?
    /// The library as saved on disk (open buffers take the place of their files when linting).
    public private(set) var savedLibrary: [PromptTemplate] = []
    private var analyses: [String: DocumentAnalysis] = [:]
    /// Parsed open buffers by URI, at the version they were parsed.
    private var parsed: [String: (version: Int, templates: [PromptTemplate], issues: [LoadIssue])] = [:]

    /// `root` is the workspace folder; the caller has made it the working directory, so paths are
    /// resolved and reported exactly as `promptlint lint` does there.
    public init(root: String) {
        uris = DocumentURI(root: root)
        workspace = Workspace(config: ProjectConfig())
        configuration = .defaults()
        reloadWorkspace()
    }

    /// Reads `.promptlint.yml` and the saved library again (config saved, library file saved).
    public func reloadWorkspace() {
        do {
            workspace = try Workspace()
            configuration = try LintConfiguration.resolve(workspace.config)
            configurationError = nil
        } catch {
            configurationError = error
            workspace = Workspace(config: ProjectConfig())
            configuration = .defaults()
        }
        reloadLibrary()
    }

    public func reloadLibrary() {
        savedLibrary = workspace.loadLibrary().templates
        analyses.removeAll()
    }

    // MARK: Documents

    public func open(uri: String, languageId: String, version: Int, text: String) {
        let path = uris.path(for: uri)
        // An unsaved buffer without an extension is read by its language.
        let format = TemplateFormat(path: path) ?? TemplateFormat(languageId: languageId)
        documents.open(uri: uri, path: path, format: format, version: version, text: text)
        analyses.removeAll()
    }

    public func change(uri: String, version: Int, changes: [DocumentStore.Change]) {
        documents.change(uri: uri, version: version, changes: changes)
        analyses.removeAll()
    }

    public func close(uri: String) {
        documents.close(uri: uri)
        parsed[uri] = nil
        analyses.removeAll()
    }

    /// True when the document is one of the library's files (its diagnostics depend on the others).
    public func isLibraryMember(_ document: DocumentStore.Document) -> Bool {
        let library = workspace.libraryPath == "." ? "" : workspace.libraryPath + "/"
        return TemplateFormat(path: document.path)?.isTemplateFile == true && (library.isEmpty || document.path.hasPrefix(library))
            || savedLibrary.contains { $0.file.path == document.path }
    }

    /// The text of a file as the editor sees it: its open buffer, else the saved library's copy,
    /// else the file on disk.
    public func sourceFile(path: String) -> SourceFile? {
        if let document = documents.documents.values.first(where: { $0.path == path }) { return document.file }
        if let template = savedLibrary.first(where: { $0.file.path == path }) { return template.file }
        return try? SourceFile.read(path: path)
    }

    /// The library template a `{{> name}}` includes, as the editor sees the library.
    public func partialTemplate(named name: String) -> PromptTemplate? {
        editorLibrary().first { $0.name == name }
    }

    // MARK: Analysis

    /// The document's analysis at its current version (linted now if the text, an open library
    /// file or the workspace changed since the last one).
    public func analysis(uri: String) -> DocumentAnalysis? {
        guard let document = documents[uri] else { return nil }
        if let cached = analyses[uri], cached.version == document.version { return cached }
        let result = analyze(document)
        analyses[uri] = result
        return result
    }

    func defaultName(for path: String) -> String {
        PromptLibrary.defaultName(for: path, libraryRoot: workspace.libraryPath)
    }

    /// Parses an open buffer with the reader its path's extension selects.
    private func parse(_ document: DocumentStore.Document) -> (templates: [PromptTemplate], issues: [LoadIssue]) {
        if let cached = parsed[document.uri], cached.version == document.version { return (cached.templates, cached.issues) }
        let result: (templates: [PromptTemplate], issues: [LoadIssue])
        do throws(SourceError) {
            try document.file.validateText()
            let loaded = PromptLibrary.parse(document.file, format: document.format, defaultName: defaultName(for: document.path))
            result = (loaded.templates, loaded.issues)
        } catch {
            result = ([], [LoadIssue(severity: .error, error: error)])
        }
        parsed[document.uri] = (document.version, result.templates, result.issues)
        return result
    }

    /// The library as the editor sees it: saved files, with each open library file's buffer in
    /// place of the file (and new, unsaved library files added at the end).
    func editorLibrary() -> [PromptTemplate] {
        let open = documents.documents.values.filter(isLibraryMember).sorted { $0.path < $1.path }
        var buffers: [String: [PromptTemplate]] = [:]
        for document in open { buffers[document.path] = parse(document).templates }
        var templates: [PromptTemplate] = []
        var placed: Set<String> = []
        for template in savedLibrary {
            let path = template.file.path
            guard let replacement = buffers[path] else { templates.append(template); continue }
            if placed.insert(path).inserted { templates += replacement }
        }
        for document in open where !placed.contains(document.path) { templates += buffers[document.path] ?? [] }
        return templates
    }

    private func analyze(_ document: DocumentStore.Document) -> DocumentAnalysis {
        let (templates, issues) = parse(document)
        var diagnostics = issues.map { LoadDiagnostics.diagnostic(for: $0, file: document.file) }
        if let configurationError, document.path == configurationError.path || document.path.hasSuffix("/" + ProjectConfig.fileName) {
            diagnostics.append(LoadDiagnostics.diagnostic(for: LoadIssue(severity: .error, error: configurationError), file: document.file))
        }
        let member = isLibraryMember(document)
        let library = editorLibrary()
        // Partials resolve against the whole library plus this buffer; library-wide rules compare a
        // library file with the rest of the library, and a file outside it only with itself (as lint does).
        var settings = configuration.settings
        var known = LintSettings.index(library)
        for template in templates where known[template.name] == nil || !member { known[template.name] = template }
        settings.library = known
        var configuration = configuration
        configuration.settings = settings
        let engine = LintEngine(configuration: configuration)
        diagnostics += engine.lint(templates, within: member ? library : templates)
        return DocumentAnalysis(uri: document.uri, version: document.version, file: document.file, format: document.format, defaultName: defaultName(for: document.path),
                                templates: templates, diagnostics: diagnostics.sorted(by: Diagnostic.ordered), engine: engine)
    }
}

/// The text of every document the editor has open, kept exactly as the editor holds it (unsaved
/// changes included) and updated by full or incremental changes.
public struct DocumentStore: Sendable {
    public struct Document: Sendable {
        public var uri: String
        /// The path promptlint reports and chooses a reader by.
        public var path: String
        /// The reader the text is parsed with.
        public var format: TemplateFormat
        public var version: Int
        public var file: SourceFile
    }

    /// One `contentChanges` entry: a range (UTF-16, in the text as left by the previous change)
    /// and its new text; no range replaces the whole document.
    public struct Change: Sendable {
        public var range: LSPRange?
        public var text: String

        public init(range: LSPRange?, text: String) {
            self.range = range
            self.text = text
        }
    }

    public private(set) var documents: [String: Document] = [:]

    public init() {}

    public subscript(uri: String) -> Document? { documents[uri] }

    public mutating func open(uri: String, path: String, format: TemplateFormat, version: Int, text: String) {
        documents[uri] = Document(uri: uri, path: path, format: format, version: version, file: SourceFile(path: path, text: text))
    }

    public mutating func close(uri: String) {
        documents[uri] = nil
    }

    /// Applies changes in order (each range refers to the text after the previous change).
    /// Returns false for an unknown document.
    @discardableResult
    public mutating func change(uri: String, version: Int, changes: [Change]) -> Bool {
        guard var document = documents[uri] else { return false }
        var file = document.file
        for change in changes {
            file = Self.apply(change, to: file)
        }
        document.file = file
        document.version = version
        documents[uri] = document
        return true
    }

    static func apply(_ change: Change, to file: SourceFile) -> SourceFile {
        guard let range = change.range else { return SourceFile(path: file.path, text: change.text) }
        let bytes = file.byteRange(of: range)
        var result = file.bytes
        result.replaceSubrange(bytes, with: Array(change.text.utf8))
        return SourceFile(path: file.path, bytes: result)
    }
}

extension TemplateFormat {
    /// The format of an editor buffer by its LSP language id (for buffers whose name has no
    /// prompt extension, such as an unsaved one); plain text for any other language.
    public init(languageId: String) {
        switch languageId {
        case "yaml": self = .yaml
        case "prompty": self = .prompty
        case "dotprompt", "handlebars": self = .dotprompt
        default: self = .plainText
        }
    }
}

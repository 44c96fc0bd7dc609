import Foundation

/// The team's prompt library: every template file under a folder, loaded and validated.
public struct PromptLibrary: Sendable {
    /// The library folder as given (relative paths in messages are relative to the working directory).
    public var root: String
    public var templates: [PromptTemplate]
    public var issues: [LoadIssue]
    /// Files found under the library (relative display paths), in order.
    public var files: [String]

    public init(root: String, templates: [PromptTemplate], issues: [LoadIssue], files: [String]) {
        self.root = root
        self.templates = templates
        self.issues = issues
        self.files = files
    }

    public var errors: [LoadIssue] { issues.filter { $0.severity == .error } }

    public func template(named name: String) -> PromptTemplate? {
        templates.first { $0.name == name }
    }

    /// Loads every template file under `root` (recursively), honouring `include`/`exclude` globs
    /// (relative to `root`). Files are parsed on all cores.
    public static func load(root: String, include: [Glob] = [], exclude: [Glob] = []) -> PromptLibrary {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            let issue = LoadIssue(severity: .error, error: SourceError(path: root, location: nil, message: "library folder not found (set 'library' in .promptlint.yml or pass --library DIR)"))
            return PromptLibrary(root: root, templates: [], issues: [issue], files: [])
        }
        let relativePaths = templateFiles(under: root, include: include, exclude: exclude)
        let results = loadConcurrently(relativePaths.map { relative in
            (path: join(root, relative), relative: relative)
        }, libraryRoot: root)
        var templates: [PromptTemplate] = []
        var issues: [LoadIssue] = []
        for result in results {
            templates.append(contentsOf: result.templates)
            issues.append(contentsOf: result.issues)
        }
        var library = PromptLibrary(root: root, templates: templates, issues: issues, files: relativePaths.map { join(root, $0) })
        library.rejectDuplicateNames()
        return library
    }

    /// Reports templates that share a name, naming both files; keeps the first.
    mutating func rejectDuplicateNames() {
        let result = Self.rejectingDuplicateNames(templates)
        templates = result.kept
        issues += result.issues
    }

    /// Templates that share a name: every later one is an error naming the first (a template name
    /// must say which file it is); the first is kept. Every command treats these errors as fatal.
    public static func rejectingDuplicateNames(_ templates: [PromptTemplate]) -> (kept: [PromptTemplate], issues: [LoadIssue]) {
        var seen: [String: PromptTemplate] = [:]
        var kept: [PromptTemplate] = []
        var issues: [LoadIssue] = []
        for template in templates {
            if let first = seen[template.name] {
                let firstPlace = "\(first.file.path):\(first.location.line)"
                issues.append(LoadIssue(severity: .error, error: SourceError(path: template.file.path, location: template.location,
                    message: "duplicate template name '\(template.name)': also defined in \(firstPlace)"), firstDefinition: first.file.path))
            } else {
                seen[template.name] = template
                kept.append(template)
            }
        }
        return (kept, issues)
    }

    /// Relative paths (sorted) of template files under `root` (see `LibraryWalk`).
    public static func templateFiles(under root: String, include: [Glob], exclude: [Glob]) -> [String] {
        LibraryWalk(root: root, include: include, exclude: exclude).files.map(\.relative)
    }

    /// Whether a file at `relative` (to the library folder) is one of the library's: a template
    /// extension, or a plain prompt file (.txt, .md) that an include glob names; kept by the globs.
    public static func isLibraryFile(_ relative: String, include: [Glob], exclude: [Glob]) -> Bool {
        guard let format = TemplateFormat(path: relative),
              format.isTemplateFile || include.contains(where: { $0.matches(relative) }) else { return false }
        if !include.isEmpty, !include.contains(where: { $0.matches(relative) }) { return false }
        if exclude.contains(where: { $0.matches(relative) }) { return false }
        // Hidden files and folders are never part of the library (the walk skips them).
        return !relative.split(separator: "/").contains { $0.hasPrefix(".") }
    }

    public struct FileResult: Sendable {
        public var templates: [PromptTemplate]
        public var issues: [LoadIssue]
    }

    /// Reads and parses one template file. `libraryRoot` decides the default template name
    /// (the path under it without extension); files outside it are named by their file name.
    public static func loadFile(path: String, displayPath: String? = nil, libraryRoot: String?) -> FileResult {
        let display = displayPath ?? path
        let file: SourceFile
        do {
            file = try SourceFile.read(path: path, displayPath: display)
        } catch {
            return FileResult(templates: [], issues: [LoadIssue(severity: .error, error: error)])
        }
        return parse(file, defaultName: defaultName(for: path, libraryRoot: libraryRoot))
    }

    /// Parses a file already in memory with the reader of its format (by default, the one its
    /// extension names; YAML for any other file).
    public static func parse(_ file: SourceFile, format: TemplateFormat? = nil, defaultName: String) -> FileResult {
        (format ?? TemplateFormat(path: file.path) ?? .yaml).reader.parse(file, defaultName: defaultName)
    }

    /// A plain prompt file is one user message with no metadata.
    public static func plainText(_ file: SourceFile, name: String) -> PromptTemplate {
        PlainTextReader(file: file).read(defaultName: name)[0]
    }

    public static func defaultName(for path: String, libraryRoot: String?) -> String {
        // Fast path: a file listed under the root (the common case) is named by its relative path.
        if let libraryRoot, libraryRoot != ".", path.hasPrefix(libraryRoot + "/"), !path.contains("/../"), !path.contains("/./") {
            return (String(path.dropFirst(libraryRoot.count + 1)) as NSString).deletingPathExtension
        }
        let standardized = (path as NSString).standardizingPath
        var relative = (standardized as NSString).lastPathComponent
        if let libraryRoot {
            let root = (libraryRoot as NSString).standardizingPath
            let absoluteRoot = absolute(root)
            let absolutePath = absolute(standardized)
            if absolutePath.hasPrefix(absoluteRoot + "/") {
                relative = String(absolutePath.dropFirst(absoluteRoot.count + 1))
            }
        }
        return (relative as NSString).deletingPathExtension
    }

    static let workingDirectory = FileManager.default.currentDirectoryPath

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return (workingDirectory as NSString).appendingPathComponent(path)
    }

    static func join(_ root: String, _ relative: String) -> String {
        root == "." ? relative : (root as NSString).appendingPathComponent(relative)
    }

    /// Parses files on all cores; results keep the input order.
    static func loadConcurrently(_ files: [(path: String, relative: String)], libraryRoot: String?) -> [FileResult] {
        let results = ConcurrentResults<FileResult>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            results.set(index, loadFile(path: files[index].path, libraryRoot: libraryRoot))
        }
        return results.values
    }
}

/// A fixed-size array filled from concurrent iterations, each writing its own slot.
final class ConcurrentResults<Value: Sendable>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [Value] { storage.map { $0! } }
}

import Foundation

/// The config and library a command works on, resolved the same way for every command:
/// `--config FILE`, else the nearest folder holding `.promptlint.yml` or a `prompts/` folder, looked
/// for upward from the files named on the command line (so `lint ../repo/prompts/x.yml` finds that
/// repository's library and config) and then from the working directory; `--library DIR` or the
/// config's `library` names the library folder.
public struct Workspace: Sendable {
    public var config: ProjectConfig
    public var libraryPath: String
    /// Where the library path came from, to say where promptlint looked when it is missing.
    public var librarySource: LibrarySource

    public enum LibrarySource: Sendable, Equatable {
        /// `--library DIR`.
        case option
        /// The config file's `library` (or its default, `prompts` beside it).
        case config(String)
        /// A `prompts/` folder found with no config.
        case found
        /// Nothing found: the folders searched, nearest first.
        case notFound(searched: [String])
    }

    public init(configPath: String? = nil, libraryOverride: String? = nil, near paths: [String] = []) throws(SourceError) {
        if let configPath {
            config = try ProjectConfig.load(path: configPath)
            librarySource = .config(configPath)
            libraryPath = config.libraryPath
        } else {
            let found = Self.discover(near: paths)
            switch found.root {
            case .config(let path):
                config = try ProjectConfig.load(path: path)
                librarySource = .config(path)
                libraryPath = config.libraryPath
            case .library(let path):
                config = ProjectConfig()
                librarySource = .found
                libraryPath = path
            case nil:
                config = ProjectConfig()
                librarySource = .notFound(searched: found.searched)
                libraryPath = config.libraryPath
            }
        }
        if let libraryOverride {
            libraryPath = libraryOverride
            librarySource = .option
        }
    }

    /// A workspace from a config already in hand (the language server's defaults when the file is bad).
    public init(config: ProjectConfig) {
        self.config = config
        libraryPath = config.libraryPath
        librarySource = .config(config.path ?? ProjectConfig.fileName)
    }

    /// True when the library folder exists.
    public var hasLibrary: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: libraryPath, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Throws, saying where promptlint looked, when the library folder does not exist: a command
    /// that has nothing to work on must not pass silently.
    public func requireLibrary() throws(SourceError) {
        guard !hasLibrary else { return }
        switch librarySource {
        case .option:
            throw SourceError(path: libraryPath, location: nil, message: "no such library folder (--library)")
        case .config(let path):
            throw SourceError(path: path, location: nil, message: "the library folder '\(libraryPath)' does not exist (set 'library' to the folder holding the templates)")
        case .found:
            throw SourceError(path: libraryPath, location: nil, message: "the library folder is gone")
        case .notFound(let searched):
            throw SourceError(path: "promptlint", location: nil, message: "no template library: no \(ProjectConfig.fileName) and no prompts/ folder in \(searched.joined(separator: ", ")); run from the repository, pass --library DIR, or add \(ProjectConfig.fileName) with 'library: DIR'")
        }
    }

    public func loadLibrary() -> PromptLibrary {
        PromptLibrary.load(root: libraryPath, include: config.include, exclude: config.exclude)
    }

    /// Finds a template by name, or by path to a template file; suggests the closest name.
    public func resolveTemplate(_ reference: String, in library: PromptLibrary) throws(SourceError) -> PromptTemplate {
        if let template = library.template(named: reference) { return template }
        if FileManager.default.fileExists(atPath: reference) {
            let result = PromptLibrary.loadFile(path: reference, libraryRoot: libraryPath)
            if let error = result.issues.first(where: { $0.severity == .error }) { throw error.error }
            if let template = result.templates.first { return template }
        }
        let hint = ClosestMatch.suggestion(for: reference, in: library.templates.map(\.name))
        throw SourceError(path: reference, location: nil, message: "no template named '\(reference)' in \(libraryPath)\(hint)")
    }

    enum Root: Equatable {
        case config(String)
        case library(String)
    }

    /// The nearest folder holding `.promptlint.yml` (preferred) or `prompts/`, upward from the first
    /// named file's folder, then from the working directory. Paths are relative to the working
    /// directory when it is that folder or below it, so messages stay short.
    static func discover(near paths: [String]) -> (root: Root?, searched: [String]) {
        let workingDirectory = (FileManager.default.currentDirectoryPath as NSString).standardizingPath
        var starts: [String] = []
        if let first = paths.first(where: { $0 != "-" && FileManager.default.fileExists(atPath: $0) }) {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: first, isDirectory: &isDirectory)
            let absolute = PromptLibrary.absolute((first as NSString).standardizingPath)
            starts.append(isDirectory.boolValue ? absolute : (absolute as NSString).deletingLastPathComponent)
        }
        starts.append(workingDirectory)
        var searched: [String] = []
        for start in starts {
            var current = (start as NSString).standardizingPath
            while true {
                if !searched.contains(current) { searched.append(current) }
                let config = (current as NSString).appendingPathComponent(ProjectConfig.fileName)
                if FileManager.default.fileExists(atPath: config) {
                    return (.config(display(config, from: workingDirectory)), searched)
                }
                let library = (current as NSString).appendingPathComponent("prompts")
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: library, isDirectory: &isDirectory), isDirectory.boolValue {
                    return (.library(display(library, from: workingDirectory)), searched)
                }
                let parent = (current as NSString).deletingLastPathComponent
                if parent == current || parent.isEmpty { break }
                current = parent
            }
        }
        return (nil, searched)
    }

    /// `path` relative to `directory` when it lies in one of its ancestors' subtrees (`../prompts`),
    /// else absolute.
    static func display(_ path: String, from directory: String) -> String {
        let target = (path as NSString).pathComponents
        let base = (directory as NSString).pathComponents
        var common = 0
        while common < target.count, common < base.count, target[common] == base[common] { common += 1 }
        // Only the root in common: an absolute path says more than a chain of '..'.
        guard common > 1 else { return path }
        let ups = Array(repeating: "..", count: base.count - common)
        let rest = Array(target[common...])
        return (ups + rest).joined(separator: "/")
    }
}

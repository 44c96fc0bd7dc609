import Foundation

/// The config and library a command works on, resolved the same way for every command:
/// `--config FILE` or the nearest `.promptlint.yml`, then `--library DIR` or the config's `library`.
public struct Workspace: Sendable {
    public var config: ProjectConfig
    public var libraryPath: String

    public init(configPath: String? = nil, libraryOverride: String? = nil) throws(SourceError) {
        if let configPath {
            config = try ProjectConfig.load(path: configPath)
        } else if let found = ProjectConfig.discover() {
            config = try ProjectConfig.load(path: found)
        } else {
            config = ProjectConfig()
        }
        libraryPath = libraryOverride ?? config.libraryPath
    }

    /// A workspace from a config already in hand (the language server's defaults when the file is bad).
    public init(config: ProjectConfig) {
        self.config = config
        libraryPath = config.libraryPath
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
}

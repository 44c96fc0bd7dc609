import Foundation

/// A whole `promptlint lint` run: choose files, load, lint, apply baselines and fixes. The CLI
/// only parses flags and prints what this returns.
public struct LintRunner: Sendable {
    public struct Options: Sendable {
        public var paths: [String] = []
        public var fix = false
        public var unsafeFixes = false
        public var baselinePath: String?
        /// Skip named files that are not part of the library (outside its folder, or left out by
        /// `include`/`exclude`): pre-commit passes every staged file with a template extension.
        public var forceExclude = false
        /// Plain text read from standard input when a path is "-".
        public var standardInput: (@Sendable () throws(SourceError) -> SourceFile)?
        public init() {}
    }

    public struct Outcome: Sendable {
        public var report: LintReport
        /// Notes for stderr (skipped files, written files).
        public var notes: [String]
        /// True when a file could not be loaded (exit status 2).
        public var hadLoadErrors: Bool
        public var fixedFiles: [String]
        /// Findings the baseline hid (nil without `--baseline`).
        public var hiddenByBaseline: Int?
    }

    public let workspace: Workspace
    public let configuration: LintConfiguration

    public init(workspace: Workspace) throws(SourceError) {
        self.workspace = workspace
        configuration = try LintConfiguration.resolve(workspace.config)
    }

    struct Target {
        var path: String
        /// Files named explicitly are linted whatever their extension's include rules say.
        var explicit: Bool
    }

    /// The files a run covers, in order, plus notes about skipped arguments.
    func targets(_ paths: [String], forceExclude: Bool = false) -> (targets: [Target], notes: [String]) {
        if paths.isEmpty {
            let walk = LibraryWalk(root: workspace.libraryPath, include: workspace.config.include, exclude: workspace.config.exclude)
            return (walk.files.map { Target(path: PromptLibrary.join(workspace.libraryPath, $0.relative), explicit: false) }, walk.skipped)
        }
        var targets: [Target] = []
        var notes: [String] = []
        for path in paths {
            if path == "-" { targets.append(Target(path: "-", explicit: true)); continue }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                notes.append("\(path): no such file or directory")
                continue
            }
            if isDirectory.boolValue {
                let walk = LibraryWalk(root: path, include: [], exclude: workspace.config.exclude)
                targets += walk.files.map { Target(path: PromptLibrary.join(path, $0.relative), explicit: false) }
                    .filter { !forceExclude || belongsToLibrary($0.path) }
                notes += walk.skipped
            } else if forceExclude {
                if belongsToLibrary(path) { targets.append(Target(path: path, explicit: true)) }
            } else if TemplateFormat(path: path) != nil {
                targets.append(Target(path: path, explicit: true))
            } else {
                notes.append("\(path): skipped (not a prompt file: \(TemplateFormat.extensionList))")
            }
        }
        return (targets, notes)
    }

    /// True when `path` is a file the library walk would load: under the library folder, with a
    /// template extension (or a plain-text one an `include` glob names), kept by `include`/`exclude`.
    func belongsToLibrary(_ path: String) -> Bool {
        let root = PromptLibrary.absolute((workspace.libraryPath as NSString).standardizingPath)
        let file = PromptLibrary.absolute((path as NSString).standardizingPath)
        guard file.hasPrefix(root + "/") else { return false }
        let relative = String(file.dropFirst(root.count + 1))
        return PromptLibrary.isLibraryFile(relative, include: workspace.config.include, exclude: workspace.config.exclude)
    }

    /// Lints. Throws when there is nothing to lint where something was expected: no library folder
    /// for a whole-library run, a `--library` that does not exist, or `forceExclude` without a library.
    public func run(_ options: Options) throws(SourceError) -> Outcome {
        let wholeLibrary = options.paths.isEmpty
        if wholeLibrary || options.forceExclude || workspace.librarySource == .option {
            try workspace.requireLibrary()
        }
        let (targets, notes) = targets(options.paths, forceExclude: options.forceExclude)
        var notesOut = notes
        let missing = notes.contains { $0.hasSuffix("no such file or directory") }
        // Load every file (in parallel, the library's loader); standard input is a plain prompt.
        let libraryRoot = workspace.libraryPath
        var loaded = PromptLibrary.loadConcurrently(targets.filter { $0.path != "-" }.map { ($0.path, $0.path) }, libraryRoot: libraryRoot)
            .map { ($0.templates.first?.file, $0) }[...]
        var results: [(SourceFile?, PromptLibrary.FileResult)] = []
        for target in targets {
            if target.path == "-" {
                results.append(Self.loadStandardInput(options.standardInput))
            } else if let next = loaded.popFirst() {
                results.append(next)
            }
        }
        var templates: [PromptTemplate] = []
        var files: [String: SourceFile] = [:]
        var diagnostics: [Diagnostic] = []
        var hadLoadErrors = missing
        var loadedFiles: [String: PromptLibrary.FileResult] = [:]
        let passedFiles = Set(targets.map { PromptLibrary.absolute(($0.path as NSString).standardizingPath) })
        for (file, result) in results {
            templates += result.templates
            if let file {
                files[file.path] = file
                loadedFiles[file.path] = result
            }
            for issue in result.issues {
                if issue.severity == .error { hadLoadErrors = true }
                if files[issue.error.path] == nil, let data = FileManager.default.contents(atPath: issue.error.path) {
                    files[issue.error.path] = SourceFile(path: issue.error.path, bytes: [UInt8](data))
                }
                diagnostics.append(LoadDiagnostics.diagnostic(for: issue, file: files[issue.error.path]))
            }
        }
        // The library around named files: partials resolve in it, library-wide rules (PL501) and
        // duplicate names are checked against all of it, and what touches a named file is reported.
        let library = wholeLibrary ? nil : surroundingLibrary(for: templates)
        if wholeLibrary {
            let (kept, duplicates) = PromptLibrary.rejectingDuplicateNames(templates)
            templates = kept
            for issue in duplicates {
                hadLoadErrors = true
                diagnostics.append(LoadDiagnostics.diagnostic(for: issue, file: files[issue.error.path]))
            }
        } else if let library {
            let touching = library.issues.filter { issue in
                issue.isDuplicateName && [issue.error.path, issue.firstDefinition ?? ""].contains { passedFiles.contains(PromptLibrary.absolute(($0 as NSString).standardizingPath)) }
            }
            for issue in touching {
                hadLoadErrors = true
                diagnostics.append(LoadDiagnostics.diagnostic(for: issue, file: files[issue.error.path] ?? library.templates.first { $0.file.path == issue.error.path }?.file))
            }
        }
        let engine = makeEngine(for: templates, library: library)
        if let library {
            // The named files' templates stand in for their saved copies in the library.
            let others = library.templates.filter { !passedFiles.contains(PromptLibrary.absolute(($0.file.path as NSString).standardizingPath)) }
            diagnostics += engine.lint(templates, within: others + templates, includingRelated: true)
        } else {
            diagnostics += engine.lint(templates)
        }

        var fixedFiles: [String] = []
        if options.fix {
            // Files with a fix to apply, in path order; standard input is never written.
            let byFile = Dictionary(grouping: templates, by: { $0.file.path })
            let diagnosticsByFile = Dictionary(grouping: diagnostics, by: \.path)
            let fixable = byFile.keys.sorted().filter { path in
                path != "<stdin>" && diagnosticsByFile[path, default: []].contains { $0.fix.map { $0.applicability == .safe || options.unsafeFixes } == true }
            }
            // The same guarded, fixed-point machinery as `compress`, without the savings filter. It
            // starts from the file as loaded and linted above, and hands back the fixed file's
            // diagnostics; files are fixed on all cores, then written in order.
            let compressor = Compressor(engine: engine, applyUnsafe: options.unsafeFixes, requireSavings: false)
            let fixed = ConcurrentResults<Compressor.Result>(count: fixable.count)
            let loaded = loadedFiles
            DispatchQueue.concurrentPerform(iterations: fixable.count) { index in
                let path = fixable[index]
                let fileTemplates = byFile[path]!
                fixed.set(index, compressor.compress(fileTemplates[0].file, format: fileTemplates[0].format,
                                                     defaultName: PromptLibrary.defaultName(for: path, libraryRoot: libraryRoot),
                                                     loaded: loaded[path], diagnostics: diagnosticsByFile[path]))
            }
            var fixedDiagnostics: [String: [Diagnostic]] = [:]
            for (path, result) in zip(fixable, fixed.values) {
                for refusal in result.refused { notesOut.append("\(path): fix not applied (it would change protected text): \(refusal)") }
                guard result.changed else { continue }
                do {
                    try AtomicFileWriter.write(result.compressed, to: path, expecting: result.original)
                    fixedFiles.append(path)
                    notesOut.append("\(path): fixed \(result.applied.count) problem\(result.applied.count == 1 ? "" : "s")")
                    // Report what is left in the fixed text.
                    files[path] = result.after.first?.file ?? SourceFile(path: path, bytes: result.compressed)
                    fixedDiagnostics[path] = result.diagnostics
                } catch {
                    notesOut.append(error.description)
                    hadLoadErrors = true
                }
            }
            // One pass over the findings (not one per fixed file): a fixed file's are its final ones.
            diagnostics = diagnostics.filter { fixedDiagnostics[$0.path] == nil } + fixedDiagnostics.values.flatMap { $0 }
        }
        var hiddenByBaseline: Int?
        if let baselinePath = options.baselinePath {
            do {
                let shown = try Baseline.load(path: baselinePath).filter(diagnostics, files: files)
                hiddenByBaseline = diagnostics.count - shown.count
                diagnostics = shown
            } catch {
                notesOut.append(error.description)
                hadLoadErrors = true
            }
        }
        // Each safe fix's saving is exact on its own; fixes on the same text can interact, so the
        // total is the sum of the individual savings.
        let saved = diagnostics.filter { $0.fix?.applicability == .safe }.reduce(0) { $0 + max(0, $1.tokensSaved ?? 0) }
        var report = LintReport(diagnostics: diagnostics.sorted(by: Diagnostic.ordered), files: files, filesChecked: targets.count,
                                rules: configuration.definitions.map(\.description), tokensSavedBySafeFixes: saved)
        report.pathsNotFound = notes.filter { $0.hasSuffix("no such file or directory") }.count
        return Outcome(report: report, notes: notesOut, hadLoadErrors: hadLoadErrors, fixedFiles: fixedFiles, hiddenByBaseline: hiddenByBaseline)
    }

    /// `-`: a plain prompt read from standard input (only when asked for, never an open pipe).
    static func loadStandardInput(_ read: (@Sendable () throws(SourceError) -> SourceFile)?) -> (SourceFile?, PromptLibrary.FileResult) {
        let file: SourceFile
        do throws(SourceError) {
            file = try read?() ?? SourceFile(path: "<stdin>", bytes: [])
        } catch {
            return (nil, PromptLibrary.FileResult(templates: [], issues: [LoadIssue(severity: .error, error: error)]))
        }
        return (file, PromptLibrary.parse(file, format: .plainText, defaultName: "stdin"))
    }

    /// The library, loaded for a run on named files when it exists and something needs it: a
    /// library-wide rule is active or a template includes a partial.
    func surroundingLibrary(for templates: [PromptTemplate]) -> PromptLibrary? {
        guard workspace.hasLibrary else { return nil }
        let hasLibraryRules = configuration.active.contains { $0.rule is any LibraryRule }
        let needsPartials = templates.contains { template in template.messages.contains { LintSettings.mentionsPartial($0.text) } }
        guard hasLibraryRules || needsPartials else { return nil }
        return workspace.loadLibrary()
    }

    /// The engine, with partials resolved in the linted templates (a whole-library run) or in the
    /// library around them.
    func makeEngine(for templates: [PromptTemplate], library: PromptLibrary?) -> LintEngine {
        var settings = configuration.settings
        if let library {
            var known = LintSettings.index(library.templates)
            for template in templates { known[template.name] = template }
            settings.library = known
        } else {
            settings.library = LintSettings.index(templates)
        }
        var configuration = configuration
        configuration.settings = settings
        return LintEngine(configuration: configuration)
    }

    /// Exit status: 0 clean, 1 findings at or above `failOn`, 2 load, usage or config errors.
    public static func exitStatus(_ outcome: Outcome, failOn: Severity?) -> Int32 {
        if outcome.hadLoadErrors { return 2 }
        guard let failOn else { return 0 }
        return outcome.report.diagnostics.contains { $0.severity >= failOn } ? 1 : 0
    }
}

/// `promptlint compress`: applies every fix that is allowed and pays off, to a fixed point, and
/// measures the result with the exact tokenizer.
///
/// Each pass lints the current text, keeps the fixes whose exact token saving is positive, applies
/// them together, and accepts the pass only if the file still loads as the same templates and
/// `CompressionGuard` finds no placeholder, code, number, meaning word or length limit changed. A
/// rejected pass is retried one fix at a time, so one bad rewrite never blocks the good ones.
public struct Compressor: Sendable {
    public let engine: LintEngine
    public let applyUnsafe: Bool
    /// `compress` keeps only fixes that save tokens; `lint --fix` applies every allowed fix.
    public let requireSavings: Bool
    public static let maxPasses = 20

    public init(engine: LintEngine, applyUnsafe: Bool, requireSavings: Bool = true) {
        self.engine = engine
        self.applyUnsafe = applyUnsafe
        self.requireSavings = requireSavings
    }

    public struct AppliedEdit: Sendable {
        public var code: String
        public var rule: String
        public var message: String
        public var title: String
        public var tokensSaved: Int?
    }

    public struct Result: Sendable {
        public var path: String
        public var original: [UInt8]
        public var compressed: [UInt8]
        public var before: [PromptTemplate]
        public var after: [PromptTemplate]
        public var applied: [AppliedEdit]
        /// Fixes not applied: unsafe ones without `--unsafe`, and those the guard or the tokenizer refused.
        public var suggestions: [Diagnostic]
        public var refused: [String]
        /// Every diagnostic of the file as it is after the last pass (its final text's): what a
        /// caller reports without parsing and linting the result again.
        public var diagnostics: [Diagnostic]
        public var changed: Bool { original != compressed }
    }

    /// Compresses one file read as `format` (by default, the format its extension names).
    ///
    /// A caller that already parsed and linted the file passes both (`loaded`, `diagnostics`), so
    /// the first pass parses and lints nothing; each later pass lints the text the previous one
    /// produced, and the last lint is handed back in `Result.diagnostics`.
    public func compress(_ file: SourceFile, format: TemplateFormat? = nil, defaultName: String,
                         loaded: PromptLibrary.FileResult? = nil, diagnostics known: [Diagnostic]? = nil) -> Result {
        let format = format ?? TemplateFormat(path: file.path) ?? .yaml
        let original = loaded ?? PromptLibrary.parse(file, format: format, defaultName: defaultName)
        let references = original.templates.map(CompressionGuard.Reference.init)
        var current = file.bytes
        var currentTemplates = original.templates
        // The lint of `currentTemplates`; nil once a pass changed them.
        var currentDiagnostics = known?.filter { $0.path == file.path }
        var applied: [AppliedEdit] = []
        var refused: [String] = []
        var written = WrittenText()
        for _ in 0..<Self.maxPasses {
            let diagnostics = currentDiagnostics ?? engine.lint(currentTemplates).filter { $0.path == file.path }
            currentDiagnostics = diagnostics
            // A fix whose result triggers the same rule again in the text it wrote ("JS" → "JS (JavaScript)")
            // is applied once, not on every pass.
            let candidates = diagnostics.filter { isCandidate($0) && !written.retriggered($0) }
            if candidates.isEmpty { break }
            var progressed = false
            if let next = attempt(candidates, on: current, file: file, format: format, defaultName: defaultName, baseline: original, references: references) {
                current = next.bytes
                currentTemplates = next.templates
                applied += next.applied.map(Self.record)
                written.record(next.applied)
                progressed = !next.applied.isEmpty
            } else {
                // Greedy: grow the set of fixes one at a time, keeping each that still passes, so
                // one bad rewrite never blocks the good ones of the same pass.
                var accepted: [Diagnostic] = []
                var best: Step?
                for candidate in candidates {
                    if let next = attempt(accepted + [candidate], on: current, file: file, format: format, defaultName: defaultName, baseline: original, references: references) {
                        accepted.append(candidate)
                        best = next
                    } else {
                        refused.append("\(candidate.code) at \(candidate.start.line):\(candidate.start.column): \(candidate.fix?.title ?? "")")
                    }
                }
                if let best {
                    current = best.bytes
                    currentTemplates = best.templates
                    applied += best.applied.map(Self.record)
                    written.record(best.applied)
                    progressed = true
                }
            }
            if !progressed { break }
            currentDiagnostics = nil
        }
        let finalDiagnostics = currentDiagnostics ?? engine.lint(currentTemplates).filter { $0.path == file.path }
        return Result(path: file.path, original: file.bytes, compressed: current, before: original.templates, after: currentTemplates,
                      applied: applied, suggestions: finalDiagnostics.filter { $0.fix != nil && !isCandidate($0) },
                      refused: Array(Set(refused)).sorted(), diagnostics: finalDiagnostics)
    }

    func isCandidate(_ diagnostic: Diagnostic) -> Bool {
        guard let fix = diagnostic.fix, !fix.edits.isEmpty, fix.applicability == .safe || applyUnsafe else { return false }
        // Keep a rewrite only when the exact tokenizer says it saves tokens.
        return !requireSavings || (diagnostic.tokensSaved ?? 0) > 0
    }

    static func record(_ diagnostic: Diagnostic) -> AppliedEdit {
        AppliedEdit(code: diagnostic.code, rule: diagnostic.rule, message: diagnostic.message, title: diagnostic.fix?.title ?? "",
                    tokensSaved: diagnostic.tokensSaved)
    }

    /// Where earlier passes' fixes wrote their replacements, by rule code, in the current bytes.
    struct WrittenText {
        var ranges: [(code: String, range: Range<Int>)] = []

        func retriggered(_ diagnostic: Diagnostic) -> Bool {
            ranges.contains { $0.code == diagnostic.code && $0.range.overlaps(diagnostic.range) }
        }

        /// Moves the recorded ranges through a pass's edits and adds the text those edits wrote.
        mutating func record(_ applied: [Diagnostic]) {
            let edits = applied.flatMap { diagnostic in (diagnostic.fix?.edits ?? []).map { (diagnostic.code, $0) } }
                .sorted { $0.1.range.lowerBound < $1.1.range.lowerBound }
            // New offset of an old one: plus the growth of every edit that ends at or before it.
            func moved(_ offset: Int) -> Int {
                var result = offset
                for (_, edit) in edits where edit.range.upperBound <= offset {
                    result += edit.replacement.utf8.count - edit.range.count
                }
                return result
            }
            ranges = ranges.map { ($0.code, moved($0.range.lowerBound)..<max(moved($0.range.lowerBound), moved($0.range.upperBound))) }
            // Only text a fix wrote can re-trigger it; a deletion wrote none (what it joins is new text for every rule).
            var growth = 0
            for (code, edit) in edits {
                let start = edit.range.lowerBound + growth
                if !edit.replacement.isEmpty { ranges.append((code, start..<start + edit.replacement.utf8.count)) }
                growth += edit.replacement.utf8.count - edit.range.count
            }
        }
    }

    struct Step {
        var bytes: [UInt8]
        var templates: [PromptTemplate]
        var applied: [Diagnostic]
    }

    /// Applies `candidates` together; nil when the result breaks the file or a guard.
    func attempt(_ candidates: [Diagnostic], on bytes: [UInt8], file: SourceFile, format: TemplateFormat, defaultName: String,
                 baseline: PromptLibrary.FileResult, references: [CompressionGuard.Reference]) -> Step? {
        let pass = FixApplier.applyOnce(candidates, to: bytes, unsafe: applyUnsafe)
        guard !pass.applied.isEmpty, pass.bytes != bytes else { return nil }
        let newFile = SourceFile(path: file.path, bytes: pass.bytes)
        do { try newFile.validateText() } catch { return nil }
        let reloaded = PromptLibrary.parse(newFile, format: format, defaultName: defaultName)
        if FixApplier.check(reloaded, against: baseline) != nil { return nil }
        for (reference, after) in zip(references, reloaded.templates) where reference.violation(after) != nil {
            return nil
        }
        return Step(bytes: pass.bytes, templates: reloaded.templates, applied: pass.applied)
    }
}

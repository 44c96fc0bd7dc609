/// Applies fixes the ruff way: byte edits on the original text, one forward pass with overlapping
/// fixes skipped, and a check that the result still loads as the same templates. `Compressor`
/// repeats passes to a fixed point (for both `compress` and `lint --fix`).
public enum FixApplier {
    /// One pass: the chosen fixes that do not overlap an earlier one, applied together.
    public static func applyOnce(_ diagnostics: [Diagnostic], to bytes: [UInt8], unsafe: Bool) -> (bytes: [UInt8], applied: [Diagnostic]) {
        var chosen: [ByteEdit] = []
        var applied: [Diagnostic] = []
        for diagnostic in diagnostics.sorted(by: Diagnostic.ordered) {
            guard let fix = diagnostic.fix, fix.applicability == .safe || unsafe, !fix.edits.isEmpty else { continue }
            if fix.conflicts(with: chosen) { continue }
            chosen += fix.edits
            applied.append(diagnostic)
        }
        return (ByteEdit.apply(chosen, to: bytes), applied)
    }

    /// The fixed text must load without new errors into the same templates: same names, formats,
    /// metadata and message count and roles. Only message text may differ.
    static func check(_ result: PromptLibrary.FileResult, against baseline: PromptLibrary.FileResult) -> String? {
        let baselineErrors = baseline.issues.filter { $0.severity == .error }.count
        if let error = result.issues.first(where: { $0.severity == .error }), result.issues.filter({ $0.severity == .error }).count > baselineErrors {
            return "a fix made the file invalid (\(error.error.message)); no fix was written"
        }
        guard result.templates.count == baseline.templates.count else { return "a fix changed the number of templates; no fix was written" }
        for (before, after) in zip(baseline.templates, result.templates) {
            if before.name != after.name || before.model != after.model || before.maxOutputTokens != after.maxOutputTokens
                || before.variables.map(\.name) != after.variables.map(\.name) || before.messages.map(\.role) != after.messages.map(\.role) {
                return "a fix changed template metadata of '\(before.name)'; no fix was written"
            }
        }
        return nil
    }

    /// Applies a rule's fixes to a correction example and returns the text to compare with `after`
    /// (the message text for message examples, the whole file otherwise).
    public static func fixExample(_ correction: RuleCorrection, definition: RuleDefinition) throws -> String {
        let materialized = RuleExampleHarness.materialize(correction.before)
        guard let file = materialized.files.first else { return "" }
        let name = correction.before.kind == .plainText ? "prompt" : "example"
        // The same machinery as `lint --fix`: guarded passes to a fixed point.
        let engine = RuleExampleHarness.engine(for: [file], definition: definition, options: correction.before.options)
        let result = Compressor(engine: engine, applyUnsafe: correction.unsafe, requireSavings: false).compress(file, defaultName: name)
        let fixedFile = SourceFile(path: file.path, bytes: result.compressed)
        if correction.before.kind == .message {
            let loaded = PromptLibrary.parse(fixedFile, defaultName: name)
            return loaded.templates.first?.messages.first?.text ?? "<fixed file does not load: \(loaded.issues)>"
        }
        return fixedFile.text
    }
}

/// `textDocument/codeAction`: each fix of a finding in the range as a quick fix (unsafe ones say
/// so and are never preferred), "fix all safe problems" for the file, and a suppression comment.
enum CodeActionProvider {
    static let fixAllKind = "source.fixAll.promptlint"

    static func codeActions(_ params: JSONValue, session: LSPSession) -> JSONValue {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, let analysis = session.analysis(uri: uri),
              let range = LSPRange(json: params["range"]) else { return .array([]) }
        let only = params["context"]?["only"]?.arrayValue?.compactMap(\.stringValue)
        func wanted(_ kind: String) -> Bool {
            guard let only else { return true }
            return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
        }
        let file = analysis.file
        let requested = file.byteRange(of: range)
        let inRange = analysis.diagnostics.filter { diagnostic in
            diagnostic.range.overlaps(requested) || diagnostic.range.contains(requested.lowerBound)
                || requested.contains(diagnostic.range.lowerBound) || diagnostic.range.upperBound == requested.lowerBound
        }
        var actions: [JSONValue] = []
        if wanted("quickfix") {
            for diagnostic in inRange {
                guard let fix = diagnostic.fix, !fix.edits.isEmpty else { continue }
                let unsafe = fix.applicability == .unsafe
                actions.append(action(title: "\(fix.title) (\(diagnostic.code)\(unsafe ? ", unsafe: changes wording" : ""))", kind: "quickfix",
                                      diagnostics: [diagnostic], preferred: !unsafe, uri: uri, session: session, analysis: analysis,
                                      edits: fix.edits.map { (file.lspRange(ofBytes: $0.range), $0.replacement) }))
            }
            for diagnostic in inRange {
                guard let edit = SuppressionComment.edit(for: diagnostic, in: analysis) else { continue }
                actions.append(action(title: edit.title, kind: "quickfix", diagnostics: [diagnostic], preferred: false, uri: uri,
                                      session: session, analysis: analysis, edits: [(file.lspRange(ofBytes: edit.edit.range), edit.edit.replacement)]))
            }
        }
        let hasSafeFix = analysis.diagnostics.contains { $0.fix?.applicability == .safe }
        if hasSafeFix, wanted(fixAllKind) || (only == nil && !inRange.isEmpty), let edit = fixAllSafe(analysis) {
            actions.append(action(title: "Fix all safe promptlint problems", kind: fixAllKind, diagnostics: [], preferred: false, uri: uri,
                                  session: session, analysis: analysis, edits: [edit]))
        }
        return .array(actions)
    }

    static func action(title: String, kind: String, diagnostics: [Diagnostic], preferred: Bool, uri: String, session: LSPSession,
                       analysis: DocumentAnalysis, edits: [(LSPRange, String)]) -> JSONValue {
        let textEdits: [JSONValue] = edits.map { .object([("range", $0.0.json), ("newText", .string($0.1))]) }
        var fields: [(String, JSONValue)] = [("title", .string(title)), ("kind", .string(kind))]
        if !diagnostics.isEmpty {
            fields.append(("diagnostics", .array(diagnostics.map { LSPDiagnostics.json($0, file: analysis.file, session: session) })))
        }
        if preferred { fields.append(("isPreferred", .bool(true))) }
        // A versioned edit: the editor refuses it if the buffer moved on since the analysis.
        let documentEdit: JSONValue = .object([
            ("textDocument", .object([("uri", .string(uri)), ("version", .int(analysis.version))])),
            ("edits", .array(textEdits)),
        ])
        fields.append(("edit", .object([("documentChanges", .array([documentEdit]))])))
        return .object(fields)
    }

    /// Every safe fix, applied to a fixed point with the guards of `lint --fix`, as one edit of
    /// the bytes that changed.
    static func fixAllSafe(_ analysis: DocumentAnalysis) -> (LSPRange, String)? {
        let result = Compressor(engine: analysis.engine, applyUnsafe: false, requireSavings: false).compress(analysis.file, format: analysis.format, defaultName: analysis.defaultName)
        guard result.changed else { return nil }
        let (range, replacement) = ByteDifference.changedRange(from: result.original, to: result.compressed)
        return (analysis.file.lspRange(ofBytes: range), String(decoding: replacement, as: UTF8.self))
    }
}

/// The smallest replacement that turns one text into another (common prefix and suffix kept),
/// on UTF-8 scalar boundaries.
enum ByteDifference {
    static func changedRange(from old: [UInt8], to new: [UInt8]) -> (range: Range<Int>, replacement: ArraySlice<UInt8>) {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        // Never split a scalar: back up to the start of the one the difference begins in.
        while prefix > 0, prefix < old.count, old[prefix] & 0xC0 == 0x80 { prefix -= 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        // The kept suffix must start on a scalar boundary too.
        while suffix > 0, old[old.count - suffix] & 0xC0 == 0x80 { suffix -= 1 }
        return (prefix..<(old.count - suffix), new[prefix..<(new.count - suffix)])
    }
}

/// promptlint diagnostics as LSP `Diagnostic` objects (ranges in UTF-16 positions).
enum LSPDiagnostics {
    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: return 1
        case .warning: return 2
        case .info: return 3
        case .off: return 4
        }
    }

    static func json(_ diagnostic: Diagnostic, file: SourceFile, session: LSPSession) -> JSONValue {
        var message = diagnostic.message
        if let fix = diagnostic.fix, fix.applicability == .unsafe { message += " (unsafe fix available)" }
        var fields: [(String, JSONValue)] = [
            ("range", file.lspRange(ofBytes: diagnostic.range).json),
            ("severity", .int(severity(diagnostic.severity))),
            ("code", .string(diagnostic.code)),
            ("source", .string("promptlint")),
            ("message", .string(message)),
        ]
        if !diagnostic.related.isEmpty {
            fields.append(("relatedInformation", .array(diagnostic.related.map { related in
                // The other place may be in another file: its range is mapped through that file's text.
                let relatedFile = related.path == file.path ? file : session.sourceFile(path: related.path)
                let range = relatedFile?.lspRange(ofBytes: related.range) ?? LSPRange(start: LSPPosition(line: related.start.line - 1, character: 0), end: LSPPosition(line: related.start.line - 1, character: 0))
                let location: JSONValue = .object([("uri", .string(session.uris.uri(for: related.path))), ("range", range.json)])
                return .object([("location", location), ("message", .string(related.message))])
            })))
        }
        return .object(fields)
    }

    static func publish(_ analysis: DocumentAnalysis, session: LSPSession) -> JSONValue {
        JSONRPCMessage.notification(method: "textDocument/publishDiagnostics", params: .object([
            ("uri", .string(analysis.uri)),
            ("version", .int(analysis.version)),
            ("diagnostics", .array(analysis.diagnostics.map { json($0, file: analysis.file, session: session) })),
        ]))
    }
}

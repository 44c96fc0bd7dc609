import Foundation

/// Today's findings, recorded so a team adopting promptlint on an existing library sees only new
/// ones. Entries match by file, rule and the text of the finding's line (not its line number), so
/// edits elsewhere in the file do not resurrect old findings.
public struct Baseline: Sendable {
    public struct Entry: Sendable, Hashable {
        public var path: String
        public var code: String
        public var fingerprint: String
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    public init(diagnostics: [Diagnostic], files: [String: SourceFile]) {
        entries = diagnostics.map { Entry(path: $0.path, code: $0.code, fingerprint: Self.fingerprint($0, files[$0.path])) }
    }

    static func fingerprint(_ diagnostic: Diagnostic, _ file: SourceFile?) -> String {
        let line = file.map { $0.lineText(diagnostic.start.line).trimmingWhitespace() } ?? ""
        let span = file.map { $0.string(diagnostic.range.clamped(to: 0..<$0.bytes.count)) } ?? ""
        return "\(diagnostic.message)|\(span)|\(line)"
    }

    /// The diagnostics not covered by the baseline (each entry absorbs one matching finding).
    public func filter(_ diagnostics: [Diagnostic], files: [String: SourceFile]) -> [Diagnostic] {
        var remaining: [Entry: Int] = [:]
        for entry in entries { remaining[entry, default: 0] += 1 }
        return diagnostics.filter { diagnostic in
            let key = Entry(path: diagnostic.path, code: diagnostic.code, fingerprint: Self.fingerprint(diagnostic, files[diagnostic.path]))
            if let count = remaining[key], count > 0 {
                remaining[key] = count - 1
                return false
            }
            return true
        }
    }

    public func serialized() -> String {
        JSONValue.object([
            ("version", .int(1)),
            ("findings", .array(entries.map { .object([("file", .string($0.path)), ("code", .string($0.code)), ("fingerprint", .string($0.fingerprint))]) })),
        ]).serialized() + "\n"
    }

    public static func load(path: String) throws(SourceError) -> Baseline {
        let file = try SourceFile.read(path: path)
        guard let value = try? JSONValue.parse(file.text), case .array(let items)? = value["findings"] else {
            throw SourceError(path: path, location: nil, message: "not a promptlint baseline (expected JSON with 'findings'; create one with --write-baseline)")
        }
        var entries: [Entry] = []
        for item in items {
            guard case .string(let path)? = item["file"], case .string(let code)? = item["code"], case .string(let fingerprint)? = item["fingerprint"] else {
                throw SourceError(path: file.path, location: nil, message: "baseline entry without file, code and fingerprint")
            }
            entries.append(Entry(path: path, code: code, fingerprint: fingerprint))
        }
        return Baseline(entries: entries)
    }
}

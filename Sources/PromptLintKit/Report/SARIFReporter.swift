import Foundation

/// SARIF 2.1.0, as GitHub code scanning reads it. Rule metadata comes from the same descriptions
/// as `promptlint rules` and `explain`.
public struct SARIFReporter: Reporter {
    public static let identifier = "sarif"
    public var version: String

    public init(_ options: ReporterOptions = ReporterOptions()) { version = options.version }

    public func render(_ report: LintReport) -> String {
        let usedCodes = Set(report.diagnostics.map(\.code))
        var rules = report.rules
        // Load diagnostics (PL001/PL002) have no rule description of their own.
        for code in usedCodes where !rules.contains(where: { $0.code == code }) {
            let example = report.diagnostics.first { $0.code == code }!
            rules.append(RuleDescription(code: code, identifier: example.rule, family: .template, summary: "The file could not be read as a template.",
                                         explanation: "", defaultSeverity: .error, triggeringExamples: [], nonTriggeringExamples: []))
        }
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.code, $0) })
        let ruleObjects: [JSONValue] = rules.map { rule in
            var properties: [(String, JSONValue)] = [("tags", .array([.string(rule.family.rawValue)]))]
            if let fix = rule.fixApplicability { properties.append(("fixApplicability", .string(fix.rawValue))) }
            return .object([
                ("id", .string(rule.code)),
                ("name", .string(rule.identifier)),
                ("shortDescription", .object([("text", .string(rule.summary))])),
                ("fullDescription", .object([("text", .string(rule.summary))])),
                ("help", .object([("text", .string(rule.explanation.isEmpty ? rule.summary : rule.explanation)),
                                  ("markdown", .string(rule.explanation.isEmpty ? rule.summary : rule.explanation))])),
                ("defaultConfiguration", .object([("level", .string(Self.level(rule.defaultSeverity)))])),
                ("properties", .object(properties)),
            ])
        }
        let results: [JSONValue] = report.diagnostics.map { diagnostic in
            var result: [(String, JSONValue)] = [
                ("ruleId", .string(diagnostic.code)),
                ("level", .string(Self.level(diagnostic.severity))),
                ("message", .object([("text", .string(diagnostic.message))])),
                ("locations", .array([Self.location(diagnostic.path, diagnostic.start, diagnostic.end)])),
            ]
            if let index = ruleIndex[diagnostic.code] { result.insert(("ruleIndex", .int(index)), at: 1) }
            if !diagnostic.related.isEmpty {
                result.append(("relatedLocations", .array(diagnostic.related.enumerated().map { index, related in
                    var value = Self.location(related.path, related.start, related.start)
                    if case .object(var pairs) = value {
                        pairs.insert(("id", .int(index + 1)), at: 0)
                        pairs.append(("message", .object([("text", .string(related.message))])))
                        value = .object(pairs)
                    }
                    return value
                })))
            }
            if let fix = diagnostic.fix {
                result.append(("fixes", .array([.object([
                    ("description", .object([("text", .string(fix.title))])),
                    ("artifactChanges", .array([.object([
                        ("artifactLocation", .object([("uri", .string(Self.uri(diagnostic.path)))])),
                        ("replacements", .array(fix.edits.map { edit in
                            .object([
                                ("deletedRegion", .object([("byteOffset", .int(edit.range.lowerBound)), ("byteLength", .int(edit.range.count))])),
                                ("insertedContent", .object([("text", .string(edit.replacement))])),
                            ])
                        })),
                    ])])),
                ])])))
            }
            return .object(result)
        }
        let sarif: JSONValue = .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string("promptlint")),
                    ("version", .string(version)),
                    ("informationUri", .string("https://github.com/promptlint/promptlint")),
                    ("rules", .array(ruleObjects)),
                ]))])),
                ("columnKind", .string("unicodeCodePoints")),
                ("results", .array(results)),
            ])])),
        ])
        return sarif.serialized() + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info, .off: return "note"
        }
    }

    static func uri(_ path: String) -> String {
        var value = path
        while value.hasPrefix("./") { value.removeFirst(2) }
        return value.addingPercentEncodingForURI()
    }

    static func location(_ path: String, _ start: SourceLocation, _ end: SourceLocation) -> JSONValue {
        .object([("physicalLocation", .object([
            ("artifactLocation", .object([("uri", .string(uri(path)))])),
            ("region", .object([
                ("startLine", .int(start.line)), ("startColumn", .int(start.column)),
                ("endLine", .int(end.line)), ("endColumn", .int(max(end.column, end.line == start.line ? start.column + 1 : 1))),
            ])),
        ]))])
    }
}

extension String {
    func addingPercentEncodingForURI() -> String {
        var out = ""
        for byte in utf8 {
            let allowed = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || "-._~/".utf8.contains(byte)
            out += allowed ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
        }
        return out
    }
}

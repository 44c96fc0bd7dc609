/// `lint --statistics`: how many findings each rule has, most frequent first, instead of the
/// findings (as ruff's `--statistics`). Text for people, JSON for scripts.
public struct LintStatistics: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var code: String
        public var rule: String
        public var count: Int
        /// Findings with a safe fix (`lint --fix` applies them).
        public var fixable: Int
    }

    public var rows: [Row]

    public init(_ report: LintReport) {
        var byCode: [String: Row] = [:]
        for diagnostic in report.diagnostics {
            var row = byCode[diagnostic.code] ?? Row(code: diagnostic.code, rule: diagnostic.rule, count: 0, fixable: 0)
            row.count += 1
            if diagnostic.fix?.applicability == .safe { row.fixable += 1 }
            byCode[diagnostic.code] = row
        }
        rows = byCode.values.sorted { ($1.count, $0.code) < ($0.count, $1.code) }
    }

    /// Aligned columns: count, code, rule, and "[N fixable]" where some are; no trailing spaces.
    public func text() -> String {
        let countWidth = rows.map { String($0.count).count }.max() ?? 0
        let codeWidth = rows.map(\.code.count).max() ?? 0
        let ruleWidth = rows.map(\.rule.count).max() ?? 0
        return rows.map { row in
            let count = String(row.count)
            var line = String(repeating: " ", count: countWidth - count.count) + count + "  "
                + row.code + String(repeating: " ", count: codeWidth - row.code.count) + "  " + row.rule
            if row.fixable > 0 {
                line += String(repeating: " ", count: ruleWidth - row.rule.count) + "  [\(row.fixable) fixable]"
            }
            return line + "\n"
        }.joined()
    }

    public func json() -> String {
        JSONValue.array(rows.map { row in
            .object([("code", .string(row.code)), ("rule", .string(row.rule)), ("count", .int(row.count)), ("fixable", .int(row.fixable))])
        }).serialized() + "\n"
    }
}

/// `path:line:col: severity: message [CODE]`, the source line with a caret under the span, and a
/// summary; colour only when asked (a TTY).
public struct TextReporter: Reporter {
    public static let identifier = "text"
    public var color: Bool
    public var showSource: Bool
    public var showSummary: Bool

    public init(color: Bool, showSource: Bool = true, showSummary: Bool = true) {
        self.color = color
        self.showSource = showSource
        self.showSummary = showSummary
    }

    public init(_ options: ReporterOptions) { self.init(color: options.color, showSource: options.showSource, showSummary: options.summary) }

    func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    public func render(_ report: LintReport) -> String {
        var out = ""
        for diagnostic in report.diagnostics {
            let severityColor = diagnostic.severity == .error ? "1;31" : diagnostic.severity == .warning ? "1;33" : "1;36"
            out += paint("\(diagnostic.path):\(diagnostic.start.line):\(diagnostic.start.column):", "1") + " "
            out += paint("\(diagnostic.severity.rawValue):", severityColor) + " \(diagnostic.message) "
            out += paint("[\(diagnostic.code)]", "2") + "\n"
            if showSource, let file = report.files[diagnostic.path] {
                out += sourceExcerpt(diagnostic, file: file, color: severityColor)
            }
            for related in diagnostic.related {
                out += "    " + paint("note:", "1;36") + " \(related.path):\(related.start.line):\(related.start.column): \(related.message)\n"
            }
            if let fix = diagnostic.fix {
                let label = fix.applicability == .safe ? "fix" : "unsafe fix"
                out += "    " + paint("\(label):", "1;32") + " \(fix.title)\n"
            }
        }
        if showSummary { out += summary(report) }
        return out
    }

    /// Bytes of a line shown around a finding: a 10 MB line is not quoted whole.
    static let excerptBytesBefore = 120
    static let excerptBytesAfter = 280

    func sourceExcerpt(_ diagnostic: Diagnostic, file: SourceFile, color: String) -> String {
        let line = diagnostic.start.line
        guard line >= 1, line <= file.lineStarts.count else { return "" }
        let bytes = file.bytes
        let lineStart = file.lineStarts[line - 1]
        let offset = max(lineStart, min(diagnostic.start.offset, bytes.count))
        // A window of the line around the finding, on scalar boundaries, found without reading the whole line.
        var windowStart = max(lineStart, offset - Self.excerptBytesBefore)
        while windowStart < offset, bytes[windowStart] & 0xC0 == 0x80 { windowStart += 1 }
        var windowEnd = offset
        let limit = min(bytes.count, offset + Self.excerptBytesAfter)
        while windowEnd < limit, bytes[windowEnd] != 0x0A, bytes[windowEnd] != 0x0D { windowEnd += 1 }
        let cut = windowEnd == limit && limit < bytes.count && bytes[limit] != 0x0A && bytes[limit] != 0x0D
        while cut, windowEnd > offset, windowEnd < bytes.count, bytes[windowEnd] & 0xC0 == 0x80 { windowEnd -= 1 }
        let lead = windowStart > lineStart ? "…" : ""
        let raw = lead + String(decoding: bytes[windowStart..<windowEnd], as: UTF8.self) + (cut ? "…" : "")
        let text = raw.utf8.contains(0x09) ? String(raw.map { $0 == "\t" ? " " : $0 }) : raw
        let gutter = String(line)
        let pad = String(repeating: " ", count: gutter.count)
        let before = String(decoding: bytes[windowStart..<offset], as: UTF8.self).unicodeScalars.count + lead.unicodeScalars.count
        let endOffset = diagnostic.end.line == line ? min(max(diagnostic.end.offset, offset), windowEnd) : windowEnd
        let width = max(1, String(decoding: bytes[offset..<max(offset, endOffset)], as: UTF8.self).unicodeScalars.count)
        var caretLine = ""
        // Columns count scalars; pad with the same number of spaces (wide CJK scalars take two cells).
        for scalar in text.unicodeScalars.prefix(before) {
            caretLine += isWide(scalar) ? "  " : " "
        }
        let underlined = text.unicodeScalars.dropFirst(before).prefix(width)
        let caretCount = max(1, underlined.reduce(0) { $0 + (isWide($1) ? 2 : 1) })
        caretLine += String(repeating: "^", count: caretCount)
        return " \(paint(gutter, "2")) \(paint("|", "2")) \(text)\n \(pad) \(paint("|", "2")) \(paint(caretLine, color))\n"
    }

    func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
            || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1FAFF).contains(value) || (0x20000...0x3FFFD).contains(value)
    }

    public func summary(_ report: LintReport) -> String {
        let total = report.diagnostics.count
        let files = Set(report.diagnostics.map(\.path)).count
        if total == 0, report.pathsNotFound > 0 {
            let missing = report.pathsNotFound
            return "Checked \(report.filesChecked) file\(report.filesChecked == 1 ? "" : "s"); \(missing) path\(missing == 1 ? "" : "s") not found.\n"
        }
        if total == 0 {
            return paint("All checks passed", "1;32") + " (\(report.filesChecked) file\(report.filesChecked == 1 ? "" : "s") checked).\n"
        }
        var parts: [String] = []
        for severity in [Severity.error, .warning, .info] {
            let count = report.count(severity)
            if count > 0 { parts.append("\(count) \(severity.rawValue)\(count == 1 ? "" : "s")") }
        }
        var line = "Found \(total) problem\(total == 1 ? "" : "s") (\(parts.joined(separator: ", "))) in \(files) of \(report.filesChecked) file\(report.filesChecked == 1 ? "" : "s")."
        if report.fixableCount > 0 {
            line += " \(report.fixableCount) fixable with --fix"
            if let saved = report.tokensSavedBySafeFixes, saved > 0 { line += " (saves \(saved) token\(saved == 1 ? "" : "s"))" }
            line += "."
        }
        if report.unsafeFixableCount > 0 { line += " \(report.unsafeFixableCount) more with --fix --unsafe-fixes." }
        return line + "\n"
    }
}

/// The `# promptlint: disable CODE` comment that silences a finding, placed where `Suppressions`
/// reads it: on its own line above the innermost key whose value holds the finding (YAML files
/// and front matter), or `disable-file` in the front matter of a Prompty or dotprompt body. A
/// plain-text prompt has no comment syntax the model would not read, so it gets no action.
enum SuppressionComment {
    static func edit(for diagnostic: Diagnostic, in analysis: DocumentAnalysis) -> (title: String, edit: ByteEdit)? {
        guard diagnostic.code != LoadDiagnostics.invalidFileCode, diagnostic.code != LoadDiagnostics.unsupportedFeatureCode,
              let template = analysis.template(at: diagnostic.range.lowerBound) else { return nil }
        let file = analysis.file
        let lineBreak = file.contains("\r\n") ? "\r\n" : "\n"
        let innermost = template.layout.pairRanges
            .filter { $0.whole.lowerBound <= diagnostic.range.lowerBound && diagnostic.range.upperBound <= $0.whole.upperBound }
            .min { $0.whole.count < $1.whole.count }
        if let pair = innermost {
            let line = file.lineIndex(ofByte: pair.key.lowerBound)
            let start = file.lineStarts[line]
            let indentation = file.bytes[start...].prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            let key = file.string(pair.key)
            let comment = String(decoding: indentation, as: UTF8.self) + "# promptlint: disable \(diagnostic.code)" + lineBreak
            return ("Disable \(diagnostic.code) for '\(key)' (suppression comment)", ByteEdit(range: start..<start, replacement: comment))
        }
        switch template.format {
        case .prompty, .dotprompt:
            // The first line is the front matter's opening '---'.
            guard file.lineStarts.count > 1, file.lineText(1).trimmingWhitespace() == "---" else { return nil }
            let start = file.lineStarts[1]
            return ("Disable \(diagnostic.code) in this file (suppression comment)",
                    ByteEdit(range: start..<start, replacement: "# promptlint: disable-file \(diagnostic.code)" + lineBreak))
        case .yaml:
            return ("Disable \(diagnostic.code) in this file (suppression comment)",
                    ByteEdit(range: 0..<0, replacement: "# promptlint: disable-file \(diagnostic.code)" + lineBreak))
        case .plainText:
            return nil
        }
    }
}

/// A message's source lines as HTML: line numbers, and each lint finding marked at its exact byte
/// range (`<mark>` with the codes and messages as its tooltip). Overlapping findings split the
/// text into segments, each marked with every finding that covers it; an empty range (an
/// insertion point) is a small marker.
enum SourceHighlighter {
    static func render(_ message: MessageView, findings: [Diagnostic]) -> String {
        let bytes = message.source
        let base = message.sourceOffset
        let ranges = findings.map { finding -> (Range<Int>, Diagnostic) in
            let lower = min(max(finding.range.lowerBound - base, 0), bytes.count)
            let upper = min(max(finding.range.upperBound - base, lower), bytes.count)
            return (lower..<upper, finding)
        }
        var lineStarts = [0]
        for (index, byte) in bytes.enumerated() where byte == 10 && index + 1 < bytes.count { lineStarts.append(index + 1) }
        var cuts = Set(lineStarts).union([bytes.count])
        for (range, _) in ranges { cuts.insert(range.lowerBound); cuts.insert(range.upperBound) }
        let points = Dictionary(grouping: ranges.filter { $0.0.isEmpty }, by: { $0.0.lowerBound })
        let lineNumber = Dictionary(uniqueKeysWithValues: lineStarts.enumerated().map { ($0.element, message.firstLine + $0.offset) })
        let ordered = cuts.sorted()
        var html = ""
        for (index, start) in ordered.enumerated() {
            if let line = lineNumber[start] { html += "<span class=\"ln\">\(line)</span>" }
            if let marks = points[start] { html += mark(marks.map(\.1), text: "", point: true) }
            guard index + 1 < ordered.count else { break }
            let end = ordered[index + 1]
            let covering = ranges.filter { !$0.0.isEmpty && $0.0.lowerBound <= start && $0.0.upperBound >= end }.map(\.1)
            let text = HTML.escape(bytes[start..<end])
            html += covering.isEmpty ? text : mark(covering, text: text, point: false)
        }
        return html
    }

    static func mark(_ findings: [Diagnostic], text: String, point: Bool) -> String {
        let worst = findings.map(\.severity).max() ?? .info
        let codes = findings.map(\.code).joined(separator: " ")
        let tooltip = findings.map { "\($0.code) \($0.severity.rawValue): \($0.message)" }.joined(separator: "\n")
        return "<mark class=\"finding \(worst.rawValue)\(point ? " point" : "")\" data-codes=\"\(HTML.escape(codes))\" title=\"\(HTML.escape(tooltip))\">\(text)</mark>"
    }
}

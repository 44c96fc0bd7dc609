/// The line of a template that best shows why it matched, with the matching words marked.
public struct MatchLine: Sendable, Equatable {
    /// The line's text, leading and trailing blanks trimmed.
    public var text: String
    /// 1-based line in the template's file.
    public var line: Int
    /// UTF-8 byte ranges of `text` to highlight, sorted and not overlapping.
    public var highlights: [Range<Int>]

    /// The text with each highlight wrapped, e.g. in terminal bold or `[` `]`.
    public func highlighted(_ wrap: (String) -> String) -> String {
        let bytes = Array(text.utf8)
        var out = ""
        var cursor = 0
        for range in highlights {
            out += String(decoding: bytes[cursor..<range.lowerBound], as: UTF8.self)
            out += wrap(String(decoding: bytes[range], as: UTF8.self))
            cursor = range.upperBound
        }
        out += String(decoding: bytes[cursor...], as: UTF8.self)
        return out
    }

    /// The best line among the template's description and message lines: the one holding the
    /// most query weight (`terms`: matched index term → its weight), earliest on ties.
    public static func best(in template: PromptTemplate, terms: [String: Float]) -> MatchLine? {
        guard !terms.isEmpty else { return nil }
        var best: (score: Float, match: MatchLine)?
        func consider(_ line: Substring, fileLine: Int) {
            let trimmed = line.trimmingCharacters(in: " \t\r")
            guard !trimmed.isEmpty else { return }
            var score: Float = 0
            var seen: Set<String> = []
            var ranges: [Range<Int>] = []
            for token in TextNormalizer.tokens(trimmed) {
                guard let weight = terms[token.term] else { continue }
                if seen.insert(token.term).inserted { score += weight }
                if let last = ranges.last, token.range.lowerBound <= last.upperBound {
                    ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, token.range.upperBound)
                } else {
                    ranges.append(token.range)
                }
            }
            guard score > 0, best == nil || score > best!.score else { return }
            best = (score, MatchLine(text: trimmed, line: fileLine, highlights: ranges))
        }
        if let description = template.description, let entry = template.layout.entry("description") {
            consider(Substring(description.split(separator: "\n").first ?? ""), fileLine: template.file.location(ofByte: entry.valueRange.lowerBound).line)
        }
        for message in template.messages {
            var offset = 0
            for line in message.text.split(separator: "\n", omittingEmptySubsequences: false) {
                consider(line, fileLine: message.source.location(ofTextOffset: offset).line)
                offset += line.utf8.count + 1
            }
        }
        if best == nil, let description = template.description {
            // Matched by name or tags only: show the description, nothing marked.
            let line = template.layout.entry("description").map { template.file.location(ofByte: $0.valueRange.lowerBound).line } ?? template.location.line
            return MatchLine(text: description.trimmingWhitespace(), line: line, highlights: [])
        }
        return best?.match
    }
}

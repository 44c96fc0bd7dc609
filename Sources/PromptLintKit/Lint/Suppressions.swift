/// Inline suppressions: a YAML comment `# promptlint: disable PL102, PL201` on the line before a
/// key (or at the end of the key's line) silences those rules for that key's whole value.
/// `# promptlint: disable-file PL102` anywhere silences them for the file.
struct Suppressions {
    struct Region {
        var range: Range<Int>
        var codes: Set<String>
    }

    var regions: [Region] = []
    var fileWide: Set<String> = []

    static let marker = "promptlint:"

    init(template: PromptTemplate) {
        let file = template.file
        // Most files have no directive: skip the line scan unless the marker occurs at all.
        guard file.contains(Self.marker) else { return }
        // Comments per line (0-based line index → codes), found by a light scan of '#' comments.
        var commentLines: [Int: (codes: Set<String>, ownLine: Bool)] = [:]
        for line in 0..<file.lineStarts.count {
            let text = file.lineText(line + 1)
            guard let hash = text.range(of: "# " + Self.marker) ?? text.range(of: "#" + Self.marker) else { continue }
            let directive = text[hash.upperBound...].trimmingCharacters(in: " ")
            let ownLine = text[..<hash.lowerBound].allSatisfy { $0 == " " || $0 == "\t" }
            let words = directive.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            guard let verb = words.first else { continue }
            let codes = Set(words.dropFirst())
            if verb == "disable-file" {
                fileWide.formUnion(codes)
            } else if verb == "disable" {
                commentLines[line] = (codes, ownLine)
            }
        }
        guard !commentLines.isEmpty else { return }
        for pair in template.layout.pairRanges {
            let keyLine = file.lineIndex(ofByte: pair.key.lowerBound)
            var codes: Set<String> = []
            if let trailing = commentLines[keyLine], !trailing.ownLine { codes.formUnion(trailing.codes) }
            // Own-line comments directly above the key (other comment lines may sit between).
            var above = keyLine - 1
            while above >= 0 {
                if let comment = commentLines[above], comment.ownLine {
                    codes.formUnion(comment.codes)
                    above -= 1
                    continue
                }
                let text = file.lineText(above + 1).trimmingWhitespace()
                if text.hasPrefix("#") { above -= 1; continue }
                break
            }
            if !codes.isEmpty {
                regions.append(Region(range: pair.whole, codes: codes))
            }
        }
    }

    func isSuppressed(code: String, identifier: String, range: Range<Int>) -> Bool {
        let names: Set<String> = [code, identifier, "all"]
        if !fileWide.isDisjoint(with: names) { return true }
        return regions.contains { region in
            !region.codes.isDisjoint(with: names) && region.range.lowerBound <= range.lowerBound && range.upperBound <= region.range.upperBound
        }
    }
}

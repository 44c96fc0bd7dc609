/// A `---`-delimited YAML front matter followed by a body, as Prompty and dotprompt files have.
struct FrontMatter {
    /// The front matter's root node (offsets are offsets into the whole file).
    var root: YAMLNode
    /// Byte range of the body (everything after the closing `---` line).
    var body: Range<Int>

    /// Splits and parses; issues are appended to `issues`.
    static func read(_ file: SourceFile, issues: inout [LoadIssue]) -> FrontMatter? {
        let bytes = file.bytes
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        guard lineIsDelimiter(bytes, from: start) else {
            issues.append(.error(file, start, "expected YAML front matter starting with a '---' line"))
            return nil
        }
        // Find the closing delimiter line.
        var line = 1
        var closing: Int?
        while line < file.lineStarts.count {
            let lineStart = file.lineStarts[line]
            if lineIsDelimiter(bytes, from: lineStart) { closing = lineStart; break }
            line += 1
        }
        guard let closing else {
            issues.append(.error(file, start, "front matter is not closed: add a '---' line before the body"))
            return nil
        }
        var bodyStart = closing + 3
        while bodyStart < bytes.count, bytes[bodyStart] == 0x20 || bytes[bodyStart] == 0x09 { bodyStart += 1 }
        if bodyStart < bytes.count, bytes[bodyStart] == 0x0D { bodyStart += 1 }
        if bodyStart < bytes.count, bytes[bodyStart] == 0x0A { bodyStart += 1 }
        // Parse only the front matter: a prefix of the file, so offsets stay the file's.
        let header = SourceFile(path: file.path, bytes: Array(bytes[..<closing]))
        let documents: [YAMLDocument]
        do {
            documents = try YAMLParser().parse(header)
        } catch {
            issues.append(LoadIssue(severity: .error, error: error))
            return nil
        }
        guard let root = documents.first?.root, root.mapping != nil else {
            issues.append(.error(file, start, "front matter must be a YAML mapping"))
            return nil
        }
        return FrontMatter(root: root, body: bodyStart..<bytes.count)
    }

    /// Warnings for front-matter keys promptlint does not read: said, never silently dropped.
    func unsupportedKeys(known: Set<String>, format: String, file: SourceFile) -> [LoadIssue] {
        (root.mapping ?? []).compactMap { pair in
            let key = pair.key.string ?? ""
            guard !known.contains(key) else { return nil }
            return .warning(file, pair.key.range.lowerBound, "\(format) key '\(key)' is not supported by promptlint and is ignored")
        }
    }

    static func lineIsDelimiter(_ bytes: [UInt8], from index: Int) -> Bool {
        guard index + 3 <= bytes.count, bytes[index] == 0x2D, bytes[index + 1] == 0x2D, bytes[index + 2] == 0x2D else { return false }
        var end = index + 3
        while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
        return end == bytes.count || bytes[end] == 0x0A || bytes[end] == 0x0D
    }

    /// Trims blank space around a body section, keeping the range verbatim.
    static func trimmed(_ range: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[lower]) { lower += 1 }
        while upper > lower, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }
}

extension YAMLNode {
    /// The node at a key path (`["model", "options", "maxOutputTokens"]`).
    func value(at path: [String]) -> YAMLNode? {
        var node: YAMLNode? = self
        for key in path { node = node?[key] }
        return node
    }

    /// A positive integer at a key path.
    func positiveInteger(at path: [String]) -> Int? {
        guard let scalar = value(at: path)?.scalar, let value = Int(scalar.value), value > 0 else { return nil }
        return value
    }
}

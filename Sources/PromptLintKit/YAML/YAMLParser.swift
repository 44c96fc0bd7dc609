import CYAML

/// Builds `YAMLNode` trees from libyaml's event stream, keeping every node's byte range.
///
/// libyaml is the authority on YAML syntax; this type only assembles its events, rejects duplicate
/// keys, and bounds alias expansion so a "billion laughs" file fails fast instead of exhausting memory.
public struct YAMLParser {
    /// Maximum number of nodes a document may stand for once aliases are expanded.
    public var maxExpandedNodes = 100_000
    /// Maximum nesting depth of collections.
    public var maxDepth = 512

    public init() {}

    public func parse(_ file: SourceFile) throws(SourceError) -> [YAMLDocument] {
        var builder = Builder(file: file, maxExpandedNodes: maxExpandedNodes, maxDepth: maxDepth)
        return try builder.run()
    }
}

private struct Builder {
    let file: SourceFile
    let maxExpandedNodes: Int
    let maxDepth: Int
    /// libyaml's marks count characters; this maps a character index to a byte offset.
    /// Empty when the file is ASCII (index == offset).
    let characterOffsets: [Int]
    let hasByteOrderMark: Bool

    private enum Frame {
        case sequence(start: Int, anchor: String?, indent: Int, items: [YAMLNode], size: Int)
        case mapping(start: Int, anchor: String?, indent: Int, pairs: [YAMLPair], pendingKey: YAMLNode?, size: Int)
    }

    private var stack: [Frame] = []
    private var anchors: [String: YAMLNode] = [:]
    private var documents: [YAMLDocument] = []
    private var documentStart = 0
    private var documentRoot: YAMLNode?
    private var documentSize = 0

    init(file: SourceFile, maxExpandedNodes: Int, maxDepth: Int) {
        self.file = file
        self.maxExpandedNodes = maxExpandedNodes
        self.maxDepth = maxDepth
        hasByteOrderMark = file.bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if file.bytes.allSatisfy({ $0 < 0x80 }) {
            characterOffsets = []
        } else {
            var offsets: [Int] = []
            offsets.reserveCapacity(file.bytes.count + 1)
            for (index, byte) in file.bytes.enumerated() where byte & 0xC0 != 0x80 {
                offsets.append(index)
            }
            offsets.append(file.bytes.count)
            characterOffsets = offsets
        }
    }

    func byteOffset(_ mark: yaml_mark_t) -> Int {
        var index = Int(mark.index)
        // libyaml counts a UTF-8 byte-order mark as 3 characters; our table counts it as one.
        if hasByteOrderMark, index >= 3 { index -= 2 }
        if characterOffsets.isEmpty { return min(index, file.bytes.count) }
        return index < characterOffsets.count ? characterOffsets[index] : file.bytes.count
    }

    func error(_ message: String, at offset: Int) -> SourceError {
        SourceError(path: file.path, location: file.location(ofByte: offset), message: message)
    }

    mutating func run() throws(SourceError) -> [YAMLDocument] {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw SourceError(path: file.path, location: nil, message: "cannot initialise the YAML parser")
        }
        defer { yaml_parser_delete(&parser) }
        let bytes = file.bytes
        return try bytes.withUnsafeBufferPointer { (buffer) throws(SourceError) -> [YAMLDocument] in
            // libyaml needs a non-null pointer even for empty input.
            var empty: UInt8 = 0
            let base = buffer.baseAddress ?? withUnsafePointer(to: &empty) { $0 }
            yaml_parser_set_input_string(&parser, base, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    throw syntaxError(parser)
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { break }
                try handle(event)
            }
            return documents
        }
    }

    func syntaxError(_ parser: yaml_parser_t) -> SourceError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        var message = "YAML syntax error: \(problem)"
        if let context = parser.context.map({ String(cString: $0) }) {
            let contextLine = file.location(ofByte: byteOffset(parser.context_mark)).line
            message += " (\(context) at line \(contextLine))"
        }
        return error(message, at: byteOffset(parser.problem_mark))
    }

    private var currentIndent: Int {
        switch stack.last {
        case .sequence(_, _, let indent, _, _), .mapping(_, _, let indent, _, _, _): return indent
        case nil: return -1
        }
    }

    mutating func handle(_ event: yaml_event_t) throws(SourceError) {
        let start = byteOffset(event.start_mark)
        let end = byteOffset(event.end_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documentStart = start
            documentRoot = nil
            documentSize = 0
            anchors = [:]
        case YAML_DOCUMENT_END_EVENT:
            let root = documentRoot ?? YAMLNode(
                kind: .scalar(YAMLScalar(value: "", style: .plain, tag: nil, range: start..<start, parentIndent: -1, file: file)),
                range: start..<start, file: file, anchor: nil, expandedSize: 1)
            documents.append(YAMLDocument(root: root, range: documentStart..<max(end, root.range.upperBound)))
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let value = data.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: Int(data.length)), as: UTF8.self) } ?? ""
            let style: ScalarStyle
            switch data.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            let tag = data.tag.map { String(cString: $0) }
            let anchor = data.anchor.map { String(cString: $0) }
            var end = end
            if style == .literal || style == .folded {
                // libyaml may end a block scalar after the next line's indentation; stop at the line start.
                var trimmed = end
                while trimmed > start, file.bytes[trimmed - 1] == 0x20 { trimmed -= 1 }
                if trimmed > start, file.bytes[trimmed - 1] == 0x0A || file.bytes[trimmed - 1] == 0x0D { end = trimmed }
            }
            let scalar = YAMLScalar(value: value, style: style, tag: tag, range: start..<end, parentIndent: currentIndent, file: file)
            try add(YAMLNode(kind: .scalar(scalar), range: start..<end, file: file, anchor: anchor, expandedSize: 1), anchor: anchor)
        case YAML_ALIAS_EVENT:
            let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
            guard let target = anchors[name] else {
                throw error("unknown alias '*\(name)'", at: start)
            }
            // The alias shares the anchored node's storage; only its expanded size is counted.
            try add(target, anchor: nil, cost: target.expandedSize)
        case YAML_SEQUENCE_START_EVENT:
            try checkDepth(at: start)
            let anchor = event.data.sequence_start.anchor.map { String(cString: $0) }
            let indent = event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE ? currentIndent : file.location(ofByte: start).column - 1
            stack.append(.sequence(start: start, anchor: anchor, indent: indent, items: [], size: 1))
        case YAML_SEQUENCE_END_EVENT:
            guard case .sequence(let begin, let anchor, _, let items, let size)? = stack.popLast() else { return }
            let upper = max(end, items.last?.range.upperBound ?? end)
            try add(YAMLNode(kind: .sequence(items.compacted()), range: begin..<upper, file: file, anchor: anchor, expandedSize: size), anchor: anchor)
        case YAML_MAPPING_START_EVENT:
            try checkDepth(at: start)
            let anchor = event.data.mapping_start.anchor.map { String(cString: $0) }
            let indent = event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE ? currentIndent : file.location(ofByte: start).column - 1
            stack.append(.mapping(start: start, anchor: anchor, indent: indent, pairs: [], pendingKey: nil, size: 1))
        case YAML_MAPPING_END_EVENT:
            guard case .mapping(let begin, let anchor, _, let pairs, _, let size)? = stack.popLast() else { return }
            let upper = max(end, pairs.last?.value.range.upperBound ?? end)
            try add(YAMLNode(kind: .mapping(pairs.compacted()), range: begin..<upper, file: file, anchor: anchor, expandedSize: size), anchor: anchor)
        default:
            break
        }
    }

    mutating func checkDepth(at offset: Int) throws(SourceError) {
        if stack.count >= maxDepth {
            throw error("YAML nesting deeper than \(maxDepth) levels", at: offset)
        }
    }

    /// `cost` is 1 for a node read from the file (its children were counted as they arrived) and the
    /// whole expanded size for an alias.
    mutating func add(_ node: YAMLNode, anchor: String?, cost: Int = 1) throws(SourceError) {
        if let anchor { anchors[anchor] = node }
        documentSize += cost
        if documentSize > maxExpandedNodes {
            throw error("aliases expand to more than \(maxExpandedNodes) nodes (an alias bomb?); refusing to expand", at: node.range.lowerBound)
        }
        switch stack.popLast() {
        case nil:
            documentRoot = node
        case .sequence(let start, let anchor, let indent, var items, let size)?:
            items.append(node)
            stack.append(.sequence(start: start, anchor: anchor, indent: indent, items: items, size: size + node.expandedSize))
        case .mapping(let start, let anchor, let indent, var pairs, let pendingKey, let size)?:
            if let key = pendingKey {
                if let keyString = key.string,
                   let first = pairs.first(where: { $0.key.string == keyString && $0.key.scalar != nil }) {
                    let firstLine = first.key.start.line
                    throw error("duplicate key '\(keyString)' (first defined at line \(firstLine))", at: key.range.lowerBound)
                }
                pairs.append(YAMLPair(key: key, value: node))
                stack.append(.mapping(start: start, anchor: anchor, indent: indent, pairs: pairs, pendingKey: nil, size: size + node.expandedSize))
            } else {
                stack.append(.mapping(start: start, anchor: anchor, indent: indent, pairs: pairs, pendingKey: node, size: size + node.expandedSize))
            }
        }
    }
}

extension Array {
    /// A copy whose capacity is its count. Parse trees live for the whole run (templates keep their
    /// root for key positions), and arrays grown by `append` hold up to twice what they need
    /// (about 5 MB of the ~100 MB a 10,000-template library takes).
    func compacted() -> [Element] {
        guard capacity > count else { return self }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = buffer.initialize(from: self)
            initialized = count
        }
    }
}

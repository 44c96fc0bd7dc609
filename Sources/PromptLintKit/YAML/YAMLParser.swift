import CYAML

/// Builds `YAMLNode` trees from libyaml's event stream, keeping every node's byte range.
///
/// libyaml is the authority on YAML syntax; this type only assembles its events, rejects duplicate
/// keys, and bounds alias expansion so a "billion laughs" file fails fast instead of exhausting memory.
public struct YAMLParser {
    /// Maximum number of nodes aliases may add to a file once expanded (a file's own nodes are
    /// bounded by the input size).
    public var maxExpandedNodes = 100_000
    /// Maximum bytes of scalar text aliases may add to a file once expanded: 1,000 aliases of a
    /// 100 KB scalar are few nodes but 100 MB.
    public var maxExpandedBytes = 8 << 20
    /// Maximum nesting depth of collections.
    public var maxDepth = 512

    public init() {}

    public func parse(_ file: SourceFile) throws(SourceError) -> [YAMLDocument] {
        var builder = Builder(file: file, maxExpandedNodes: maxExpandedNodes, maxExpandedBytes: maxExpandedBytes, maxDepth: maxDepth)
        return try builder.run()
    }
}

private struct Builder {
    let file: SourceFile
    let maxExpandedNodes: Int
    let maxExpandedBytes: Int
    let maxDepth: Int
    /// libyaml's marks count characters; this maps a character index to a byte offset.
    /// Empty when the file is ASCII (index == offset).
    let characterOffsets: [Int]
    let hasByteOrderMark: Bool

    /// `bytes`: scalar bytes the collection stands for with aliases expanded (counted for anchors only).
    private enum Frame {
        case sequence(start: Int, anchor: String?, indent: Int, items: [YAMLNode], size: Int, bytes: Int)
        case mapping(start: Int, anchor: String?, indent: Int, pairs: [YAMLPair], pendingKey: YAMLNode?, size: Int, bytes: Int,
                     keys: [String: Int])
    }

    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, bytes: Int)] = [:]
    /// What aliases added, over the whole file (a bomb may spread over many documents).
    private var aliasNodes = 0
    private var aliasBytes = 0
    private var documents: [YAMLDocument] = []
    private var documentStart = 0
    private var documentRoot: YAMLNode?

    init(file: SourceFile, maxExpandedNodes: Int, maxExpandedBytes: Int, maxDepth: Int) {
        self.file = file
        self.maxExpandedNodes = maxExpandedNodes
        self.maxExpandedBytes = maxExpandedBytes
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
        // libyaml reads the file after its byte-order mark (one character in our table).
        if hasByteOrderMark { index += 1 }
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
            // A UTF-8 byte-order mark is skipped here: with the encoding set, libyaml would read it as content.
            let skip = hasByteOrderMark ? 3 : 0
            let base = buffer.baseAddress.map { $0 + skip } ?? withUnsafePointer(to: &empty) { $0 }
            yaml_parser_set_input_string(&parser, base, buffer.count - skip)
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
        case .sequence(_, _, let indent, _, _, _), .mapping(_, _, let indent, _, _, _, _, _): return indent
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
            try add(YAMLNode(kind: .scalar(scalar), range: start..<end, file: file, anchor: anchor, expandedSize: 1), anchor: anchor,
                    bytes: Int(data.length))
        case YAML_ALIAS_EVENT:
            let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
            guard let target = anchors[name] else {
                throw error("unknown alias '*\(name)'", at: start)
            }
            // The alias shares the anchored node's storage; only its expanded size is counted.
            aliasNodes += target.node.expandedSize
            aliasBytes += target.bytes
            if aliasNodes > maxExpandedNodes {
                throw error("aliases expand to more than \(maxExpandedNodes) nodes (an alias bomb?); refusing to expand", at: start)
            }
            if aliasBytes > maxExpandedBytes {
                throw error("aliases expand to more than \(maxExpandedBytes >> 20) MB of text (an alias bomb?); refusing to expand", at: start)
            }
            try add(target.node, anchor: nil, bytes: target.bytes)
        case YAML_SEQUENCE_START_EVENT:
            try checkDepth(at: start)
            let anchor = event.data.sequence_start.anchor.map { String(cString: $0) }
            let indent = event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE ? currentIndent : file.location(ofByte: start).column - 1
            stack.append(.sequence(start: start, anchor: anchor, indent: indent, items: [], size: 1, bytes: 0))
        case YAML_SEQUENCE_END_EVENT:
            guard case .sequence(let begin, let anchor, _, let items, let size, let bytes)? = stack.popLast() else { return }
            let upper = max(end, items.last?.range.upperBound ?? end)
            try add(YAMLNode(kind: .sequence(items.compacted()), range: begin..<upper, file: file, anchor: anchor, expandedSize: size), anchor: anchor,
                    bytes: bytes)
        case YAML_MAPPING_START_EVENT:
            try checkDepth(at: start)
            let anchor = event.data.mapping_start.anchor.map { String(cString: $0) }
            let indent = event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE ? currentIndent : file.location(ofByte: start).column - 1
            stack.append(.mapping(start: start, anchor: anchor, indent: indent, pairs: [], pendingKey: nil, size: 1, bytes: 0, keys: [:]))
        case YAML_MAPPING_END_EVENT:
            guard case .mapping(let begin, let anchor, _, let pairs, _, let size, let bytes, _)? = stack.popLast() else { return }
            let upper = max(end, pairs.last?.value.range.upperBound ?? end)
            try add(YAMLNode(kind: .mapping(pairs.compacted()), range: begin..<upper, file: file, anchor: anchor, expandedSize: size), anchor: anchor,
                    bytes: bytes)
        default:
            break
        }
    }

    mutating func checkDepth(at offset: Int) throws(SourceError) {
        if stack.count >= maxDepth {
            throw error("YAML nesting deeper than \(maxDepth) levels", at: offset)
        }
    }

    /// Adds a finished node to its parent; `bytes` is the scalar text it stands for, aliases expanded.
    mutating func add(_ node: YAMLNode, anchor: String?, bytes: Int) throws(SourceError) {
        if let anchor { anchors[anchor] = (node, bytes) }
        switch stack.popLast() {
        case nil:
            documentRoot = node
        case .sequence(let start, let anchor, let indent, var items, let size, let total)?:
            items.append(node)
            stack.append(.sequence(start: start, anchor: anchor, indent: indent, items: items, size: size + node.expandedSize, bytes: total + bytes))
        case .mapping(let start, let anchor, let indent, var pairs, let pendingKey, let size, let total, var keys)?:
            if let key = pendingKey {
                // Keys seen so far, by text: one lookup per key (a list scan made 40,000 keys take seconds).
                if let keyString = key.string, key.scalar != nil {
                    if let first = keys[keyString] {
                        throw error("duplicate key '\(keyString)' (first defined at line \(pairs[first].key.start.line))", at: key.range.lowerBound)
                    }
                    keys[keyString] = pairs.count
                }
                pairs.append(YAMLPair(key: key, value: node))
                stack.append(.mapping(start: start, anchor: anchor, indent: indent, pairs: pairs, pendingKey: nil, size: size + node.expandedSize,
                                      bytes: total + bytes, keys: keys))
            } else {
                stack.append(.mapping(start: start, anchor: anchor, indent: indent, pairs: pairs, pendingKey: node, size: size + node.expandedSize,
                                      bytes: total + bytes, keys: keys))
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

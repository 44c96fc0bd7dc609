/// Where a template's YAML keys are, kept instead of its parse tree: the trees of a 10,000-template
/// library took about 39 MB, and the linter only needs these byte ranges (findings on metadata
/// keys, `# promptlint: disable` comments, search result lines).
public struct TemplateLayout: Sendable {
    /// A top-level key and its value, as byte ranges of the file.
    public struct Entry: Sendable {
        public var key: String?
        public var keyRange: Range<Int>
        public var valueRange: Range<Int>
    }

    /// A variable declared with a `default:` key, and where that key is.
    public struct VariableDefault: Sendable {
        public var name: String
        public var defaultKey: Range<Int>
    }

    /// The document's top-level pairs, in order (empty when the root is not a mapping).
    public private(set) var topLevel: [Entry] = []
    /// Every mapping pair of the document at any depth, from its key to the end of its value: what a
    /// `# promptlint: disable` comment on or above the key covers.
    public private(set) var pairRanges: [(key: Range<Int>, whole: Range<Int>)] = []
    /// Variables under `variables:` that declare a `default:`.
    public private(set) var variableDefaults: [VariableDefault] = []

    public init(root: YAMLNode?) {
        guard let root else { return }
        topLevel = (root.mapping ?? []).map { Entry(key: $0.key.string, keyRange: $0.key.range, valueRange: $0.value.range) }
        pairRanges = Self.pairs(in: root).map { pair in
            (pair.key.range, pair.key.range.lowerBound..<max(pair.value.range.upperBound, pair.key.range.upperBound))
        }
        variableDefaults = (root["variables"]?.mapping ?? []).compactMap { pair in
            guard let name = pair.key.string, let key = pair.value.pair("default")?.key else { return nil }
            return VariableDefault(name: name, defaultKey: key.range)
        }
    }

    /// The top-level entry for `key`.
    public func entry(_ key: String) -> Entry? { topLevel.first { $0.key == key } }

    private static func pairs(in node: YAMLNode) -> [YAMLPair] {
        switch node.kind {
        case .scalar: return []
        case .sequence(let items): return items.flatMap(pairs(in:))
        case .mapping(let pairs): return pairs + pairs.flatMap { Self.pairs(in: $0.value) }
        }
    }
}

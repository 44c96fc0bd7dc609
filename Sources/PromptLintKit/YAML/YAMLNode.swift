/// How a scalar was written in the file; decides how positions inside it map back to bytes and
/// how an edit must be re-encoded.
public enum ScalarStyle: String, Sendable, Hashable {
    case plain, singleQuoted = "single-quoted", doubleQuoted = "double-quoted", literal, folded
}

/// A scalar with its decoded value and the exact byte range of its token in the file
/// (quotes and block headers included).
public struct YAMLScalar: Sendable {
    public let value: String
    public let style: ScalarStyle
    public let tag: String?
    /// Bytes of the whole token: `"..."`, `'...'`, `|-\n  ...`, or the plain text.
    public let range: Range<Int>
    /// Indentation of the enclosing block collection (libyaml's `parser->indent`), needed to decode
    /// block scalars with an explicit indentation indicator.
    let parentIndent: Int
    public let file: SourceFile

    /// True when the scalar is written without quotes and untagged, so `true`, `12`, `null` mean
    /// booleans, numbers and null rather than strings.
    public var isPlainUntagged: Bool { style == .plain && tag == nil }

    /// Maps byte offsets inside `value` back to byte offsets in the file. Computed on demand: most
    /// scalars never need it (only the ones a diagnostic or an edit points into).
    public func sourceMap() -> ScalarSourceMap {
        ScalarSourceMap(scalar: self)
    }
}

/// A node of a YAML document with the byte range it spans in the file.
public struct YAMLNode: Sendable {
    public enum Kind: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public let kind: Kind
    public let range: Range<Int>
    public let file: SourceFile
    public let anchor: String?
    /// Number of nodes this node stands for once aliases are expanded (bounds alias bombs).
    let expandedSize: Int

    public var start: SourceLocation { file.location(ofByte: range.lowerBound) }
    public var end: SourceLocation { file.location(ofByte: range.upperBound) }

    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = kind { return scalar }
        return nil
    }

    public var string: String? { scalar?.value }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    /// The value for a string key in a mapping node.
    public subscript(key: String) -> YAMLNode? {
        mapping?.first(where: { $0.key.string == key })?.value
    }

    /// The pair (key node included, for positions) for a string key.
    public func pair(_ key: String) -> YAMLPair? {
        mapping?.first(where: { $0.key.string == key })
    }

    /// A short name of the node's type, for messages ("a mapping", "a string"...).
    public var typeDescription: String {
        switch kind {
        case .scalar(let scalar):
            guard scalar.isPlainUntagged else { return "a string" }
            if scalar.value.isEmpty || scalar.value == "~" || scalar.value == "null" { return "null" }
            if Int(scalar.value) != nil { return "an integer" }
            if Double(scalar.value) != nil { return "a number" }
            if ["true", "false", "yes", "no", "on", "off"].contains(scalar.value.lowercased()) { return "a boolean" }
            return "a string"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

public struct YAMLPair: Sendable {
    public let key: YAMLNode
    public let value: YAMLNode
}

/// One document of a (possibly multi-document) YAML stream.
public struct YAMLDocument: Sendable {
    public let root: YAMLNode
    /// Byte range of the document, from its first content byte (or `---`) to its end.
    public let range: Range<Int>
}

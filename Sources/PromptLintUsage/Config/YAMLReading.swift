import PromptLintKit

/// Small checked accessors for the `usage`, `teams` and `budgets` config sections: every wrong type
/// or unknown key is a located error naming what was expected.
struct YAMLReading {
    let path: String

    func fail(_ node: YAMLNode, _ message: String) -> SourceError {
        SourceError(path: path, location: node.start, message: message)
    }

    func pairs(_ node: YAMLNode, _ what: String, allowed: [String]? = nil) throws(SourceError) -> [(String, YAMLNode)] {
        if isNull(node) { return [] }
        guard let pairs = node.mapping else { throw fail(node, "'\(what)' must be a mapping, found \(node.typeDescription)") }
        var result: [(String, YAMLNode)] = []
        for pair in pairs {
            guard let key = pair.key.string else { throw fail(pair.key, "keys in '\(what)' must be strings") }
            if let allowed, !allowed.contains(key) {
                throw fail(pair.key, "unknown key '\(key)' in '\(what)'\(ClosestMatch.suggestion(for: key, in: allowed)) (allowed: \(allowed.joined(separator: ", ")))")
            }
            result.append((key, pair.value))
        }
        return result
    }

    func string(_ node: YAMLNode, _ what: String) throws(SourceError) -> String {
        guard let value = node.string, !isNull(node), node.mapping == nil else { throw fail(node, "'\(what)' must be a string, found \(node.typeDescription)") }
        return value
    }

    func strings(_ node: YAMLNode, _ what: String) throws(SourceError) -> [String] {
        if isNull(node) { return [] }
        if node.scalar != nil { return [try string(node, what)] }
        guard let items = node.sequence else { throw fail(node, "'\(what)' must be a list of strings, found \(node.typeDescription)") }
        var values: [String] = []
        for item in items { values.append(try string(item, what)) }
        return values
    }

    func number(_ node: YAMLNode, _ what: String) throws(SourceError) -> Double {
        guard let text = node.string, node.scalar?.isPlainUntagged == true, let value = Double(text), value.isFinite else {
            throw fail(node, "'\(what)' must be a number, found \(node.typeDescription)")
        }
        return value
    }

    func isNull(_ node: YAMLNode) -> Bool {
        guard let scalar = node.scalar, scalar.isPlainUntagged else { return false }
        return scalar.value.isEmpty || scalar.value == "~" || scalar.value == "null"
    }
}

/// Shell-style path globs for `include`/`exclude`: `*` (within a path component), `**` (any number
/// of components), `?`, and `[abc]` classes. Matching is on '/'-separated relative paths.
public struct Glob: Sendable, Hashable {
    public let pattern: String
    private let scalars: [Unicode.Scalar]

    public init(_ pattern: String) {
        self.pattern = pattern
        self.scalars = Array(pattern.unicodeScalars)
    }

    public func matches(_ path: String) -> Bool {
        Self.match(scalars[...], Array(path.unicodeScalars)[...])
    }

    private static func match(_ pattern: ArraySlice<Unicode.Scalar>, _ path: ArraySlice<Unicode.Scalar>) -> Bool {
        var p = pattern.startIndex
        var s = path.startIndex
        while p < pattern.endIndex {
            let c = pattern[p]
            if c == "*" {
                let doubleStar = p + 1 < pattern.endIndex && pattern[p + 1] == "*"
                if doubleStar {
                    var rest = p + 2
                    if rest < pattern.endIndex, pattern[rest] == "/" { rest += 1 }
                    // `**/` matches zero or more whole components.
                    var candidate = s
                    while true {
                        if match(pattern[rest...], path[candidate...]) { return true }
                        guard candidate < path.endIndex else { return false }
                        candidate += 1
                    }
                }
                var candidate = s
                while true {
                    if match(pattern[(p + 1)...], path[candidate...]) { return true }
                    guard candidate < path.endIndex, path[candidate] != "/" else { return false }
                    candidate += 1
                }
            }
            guard s < path.endIndex else { return false }
            if c == "?" {
                guard path[s] != "/" else { return false }
            } else if c == "[", let close = pattern[(p + 1)...].firstIndex(of: "]") {
                let set = pattern[(p + 1)..<close]
                let negate = set.first == "!" || set.first == "^"
                let members = negate ? set.dropFirst() : set
                var found = false
                var i = members.startIndex
                while i < members.endIndex {
                    if i + 2 < members.endIndex, members[i + 1] == "-" {
                        if members[i].value <= path[s].value, path[s].value <= members[i + 2].value { found = true }
                        i += 3
                    } else {
                        if members[i] == path[s] { found = true }
                        i += 1
                    }
                }
                guard found != negate else { return false }
                p = close + 1
                s += 1
                continue
            } else if c != path[s] {
                return false
            }
            p += 1
            s += 1
        }
        return s == path.endIndex
    }
}

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
        var matcher = Matcher(pattern: scalars, path: Array(path.unicodeScalars))
        return matcher.match(0, 0)
    }

    /// Backtracking over `*` and `**` with every (pattern, path) position decided once: at most
    /// |pattern| × |path| states, so `*a*a*a…b` or repeated `**/` cannot take exponential time.
    private struct Matcher {
        let pattern: [Unicode.Scalar]
        let path: [Unicode.Scalar]
        /// 0 unknown, 1 matches, 2 does not.
        var memo: [UInt8]

        init(pattern: [Unicode.Scalar], path: [Unicode.Scalar]) {
            self.pattern = pattern
            self.path = path
            memo = [UInt8](repeating: 0, count: (pattern.count + 1) * (path.count + 1))
        }

        mutating func match(_ p: Int, _ s: Int) -> Bool {
            let key = p * (path.count + 1) + s
            if memo[key] != 0 { return memo[key] == 1 }
            let result = compute(p, s)
            memo[key] = result ? 1 : 2
            return result
        }

        private mutating func compute(_ start: Int, _ pathStart: Int) -> Bool {
            var p = start
            var s = pathStart
            while p < pattern.count {
                let c = pattern[p]
                if c == "*" {
                    if p + 1 < pattern.count, pattern[p + 1] == "*" {
                        var rest = p + 2
                        if rest < pattern.count, pattern[rest] == "/" { rest += 1 }
                        // `**/` matches zero or more whole components.
                        for candidate in s...path.count where match(rest, candidate) { return true }
                        return false
                    }
                    var candidate = s
                    while true {
                        if match(p + 1, candidate) { return true }
                        guard candidate < path.count, path[candidate] != "/" else { return false }
                        candidate += 1
                    }
                }
                guard s < path.count else { return false }
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
            return s == path.count
        }
    }
}

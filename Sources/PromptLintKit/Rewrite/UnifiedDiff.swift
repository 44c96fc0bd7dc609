/// A line-based unified diff (LCS), for showing what `compress` changes in each message.
public enum UnifiedDiff {
    public enum Line: Equatable, Sendable {
        case same(String), removed(String), added(String)
    }

    /// The edit script from `old` to `new`, line by line.
    public static func lines(_ old: String, _ new: String) -> [Line] {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Trim the common prefix and suffix first: prompts change in a few lines.
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let x = Array(a[prefix..<(a.count - suffix)])
        let y = Array(b[prefix..<(b.count - suffix)])
        var middle: [Line] = []
        if x.count * y.count > 4_000_000 {
            middle = x.map { .removed($0) } + y.map { .added($0) }
        } else {
            var table = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
            for i in stride(from: x.count - 1, through: 0, by: -1) {
                for j in stride(from: y.count - 1, through: 0, by: -1) {
                    table[i][j] = x[i] == y[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
            var i = 0
            var j = 0
            while i < x.count || j < y.count {
                if i < x.count, j < y.count, x[i] == y[j] {
                    middle.append(.same(x[i])); i += 1; j += 1
                } else if i < x.count, j == y.count || table[i + 1][j] >= table[i][j + 1] {
                    middle.append(.removed(x[i])); i += 1
                } else {
                    middle.append(.added(y[j])); j += 1
                }
            }
        }
        return a[..<prefix].map { .same($0) } + middle + a[(a.count - suffix)...].map { .same($0) }
    }

    /// Unified diff text with `context` lines around changes; empty when equal.
    public static func render(_ old: String, _ new: String, oldLabel: String, newLabel: String, context: Int = 2,
                              color: Bool = false) -> String {
        guard old != new else { return "" }
        let script = lines(old, new)
        func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        var out = paint("--- \(oldLabel)", "1") + "\n" + paint("+++ \(newLabel)", "1") + "\n"
        // Group changes into hunks.
        let changed = script.indices.filter { if case .same = script[$0] { return false } else { return true } }
        var hunks: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(script.count - 1, index + context)
            if let last = hunks.last, range.lowerBound <= last.upperBound + 1 {
                hunks[hunks.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                hunks.append(range)
            }
        }
        for hunk in hunks {
            var oldStart = 1, newStart = 1
            for line in script[..<hunk.lowerBound] {
                switch line {
                case .same: oldStart += 1; newStart += 1
                case .removed: oldStart += 1
                case .added: newStart += 1
                }
            }
            let slice = script[hunk]
            let oldCount = slice.filter { if case .added = $0 { return false } else { return true } }.count
            let newCount = slice.filter { if case .removed = $0 { return false } else { return true } }.count
            out += paint("@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@", "36") + "\n"
            for line in slice {
                switch line {
                case .same(let text): out += " \(text)\n"
                case .removed(let text): out += paint("-\(text)", "31") + "\n"
                case .added(let text): out += paint("+\(text)", "32") + "\n"
                }
            }
        }
        return out
    }
}

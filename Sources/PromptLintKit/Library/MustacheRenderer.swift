/// Renders Mustache (and dotprompt's Handlebars block helpers) from `MustacheScan`'s tags.
///
/// The renderer works from the very tags the linter checks, so the two can never disagree about
/// where a comment ends or which partials a text includes (a second parser once rendered a
/// partial hidden in a `{{!-- … --}}` comment and recursed forever). Its work is bounded: sections
/// nest at most `MustacheScan.maxSectionDepth` deep, partial includes at most `maxPartialDepth`,
/// an include cycle is an error naming the chain, and output past `maxOutputBytes` stops the render.
///
/// Semantics follow the Mustache spec where prompts need it: values are inserted verbatim (a
/// prompt is not HTML), a tag alone on its line (section, close, comment, partial, delimiter,
/// `else`) removes the line, and a standalone partial is indented like its tag.
public struct MustacheRenderer: Sendable {
    public struct Failure: Error, Sendable, Equatable {
        public var message: String
        /// UTF-8 range in the text of `source` (the template or partial named there).
        public var range: Range<Int>
        public var source: String
    }

    /// A text to render: the template's own message or a partial's.
    private struct Source {
        var name: String
        var text: String
    }

    public static let maxPartialDepth = 32
    /// Sections and partials together, so the renderer's recursion stays far from the stack's end.
    public static let maxNestingDepth = 200
    public static let maxOutputBytes = 16 << 20
    /// Tags and texts visited: nested sections over lists can multiply work without writing a byte.
    public var maxSteps = 10_000_000
    /// The name `Failure.source` has for the text given to `render` (no partial has it).
    public static let topLevel = "\u{0}template"

    /// Partial texts by name (a partial with several messages is their texts joined by a newline).
    public var partials: [String: String]

    public init(partials: [String: String]) { self.partials = partials }

    public init(partials: [String: String], maxSteps: Int) {
        self.partials = partials
        self.maxSteps = maxSteps
    }

    /// Renders `text`, the text of template `template` (named in include chains).
    public func render(_ text: String, template: String, values: [String: TemplateValue]) throws(Failure) -> String {
        var state = State()
        state.stack = [.map(values)]
        state.chain = [template]
        try render(Source(name: Self.topLevel, text: text), depth: 0, state: &state)
        return String(decoding: state.output, as: UTF8.self)
    }

    private struct State {
        var output: [UInt8] = []
        /// Contexts, innermost last, and the include chain: pushed and popped, never copied.
        var stack: [TemplateValue] = []
        var chain: [String] = []
        var steps = 0
        var compiled: [String: Compiled] = [:]
    }

    /// A text's tags as a tree, with the byte ranges standalone tags remove.
    private final class Compiled: Sendable {
        let bytes: [UInt8]
        let nodes: [Node]
        init(bytes: [UInt8], nodes: [Node]) {
            self.bytes = bytes
            self.nodes = nodes
        }
    }

    private indirect enum Node: Sendable {
        case text(Range<Int>)
        case value(MustacheTag)
        /// A section or inverted section; `otherwise` is the `{{else}}` branch.
        case section(MustacheTag, inverted: Bool, body: [Node], otherwise: [Node])
        case partial(MustacheTag, indentation: [UInt8])
    }

    private func compile(_ source: Source, state: inout State) throws(Failure) -> Compiled {
        if let compiled = state.compiled[source.name] { return compiled }
        let scan = MustacheScan(source.text)
        if let error = scan.errors.first {
            throw Failure(message: error.message, range: error.range, source: source.name)
        }
        let bytes = Array(source.text.utf8)
        // Build the tree with an explicit stack (depth is bounded by the scanner, but no recursion is needed).
        var frames: [(tag: MustacheTag?, body: [Node], otherwise: [Node]?)] = [(nil, [], nil)]
        var cursor = 0
        func append(_ node: Node) {
            if frames[frames.count - 1].otherwise != nil {
                frames[frames.count - 1].otherwise!.append(node)
            } else {
                frames[frames.count - 1].body.append(node)
            }
        }
        for tag in scan.tags {
            let consumed = Self.standaloneLine(of: tag, in: bytes) ?? tag.range
            guard consumed.lowerBound >= cursor else { continue }
            if consumed.lowerBound > cursor { append(.text(cursor..<consumed.lowerBound)) }
            cursor = consumed.upperBound
            switch tag.kind {
            case .variable, .unescaped:
                append(.value(tag))
            case .section, .invertedSection:
                frames.append((tag, [], nil))
            case .elseBranch:
                if frames.count > 1, frames[frames.count - 1].otherwise == nil { frames[frames.count - 1].otherwise = [] }
            case .close:
                guard frames.count > 1, let frame = frames.popLast(), let open = frame.tag else { continue }
                let inverted = open.kind == .invertedSection || open.helper == "unless"
                append(.section(open, inverted: inverted, body: frame.body, otherwise: frame.otherwise ?? []))
            case .partial:
                let indentation = consumed == tag.range ? [] : Array(bytes[consumed.lowerBound..<tag.range.lowerBound])
                append(.partial(tag, indentation: indentation))
            case .comment, .setDelimiters, .pragma, .helper:
                break
            }
        }
        if cursor < bytes.count { append(.text(cursor..<bytes.count)) }
        let compiled = Compiled(bytes: bytes, nodes: frames[0].body)
        state.compiled[source.name] = compiled
        return compiled
    }

    /// The whole line of a tag that stands alone on it (only blanks around it), line break included.
    static func standaloneLine(of tag: MustacheTag, in bytes: [UInt8]) -> Range<Int>? {
        switch tag.kind {
        case .section, .invertedSection, .close, .partial, .comment, .setDelimiters, .pragma, .elseBranch: break
        case .variable, .unescaped, .helper: return nil
        }
        var start = tag.range.lowerBound
        while start > 0, bytes[start - 1] == 0x20 || bytes[start - 1] == 0x09 { start -= 1 }
        guard start == 0 || bytes[start - 1] == 0x0A || bytes[start - 1] == 0x0D else { return nil }
        var end = tag.range.upperBound
        while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
        if end == bytes.count { return start..<end }
        if bytes[end] == 0x0A { return start..<end + 1 }
        if bytes[end] == 0x0D { return start..<(end + 1 < bytes.count && bytes[end + 1] == 0x0A ? end + 2 : end + 1) }
        return nil
    }

    private func render(_ source: Source, depth: Int, state: inout State) throws(Failure) {
        let compiled = try compile(source, state: &state)
        try render(compiled.nodes, compiled: compiled, source: source, depth: depth, state: &state)
    }

    private func render(_ nodes: [Node], compiled: Compiled, source: Source, depth: Int, state: inout State) throws(Failure) {
        for node in nodes {
            state.steps += 1
            if state.steps > maxSteps {
                throw Failure(message: "rendering takes more than \(maxSteps) steps (sections nested over long lists?)", range: Self.range(of: node), source: source.name)
            }
            switch node {
            case .text(let range):
                try emit(compiled.bytes[range], tag: range, source: source, state: &state)
            case .value(let tag):
                guard let value = Self.lookup(tag.name, in: state.stack) else { continue }
                try emit(Array(value.text.utf8)[...], tag: tag.range, source: source, state: &state)
            case .section(let tag, let inverted, let body, let otherwise):
                guard depth < Self.maxNestingDepth else {
                    throw Failure(message: "sections and partials nested deeper than \(Self.maxNestingDepth) levels", range: tag.range, source: source.name)
                }
                let value = Self.lookup(tag.name, in: state.stack)
                let truthy: Bool
                switch value {
                case nil: truthy = false
                case .bool(let flag)?: truthy = flag
                case .list(let items)?: truthy = !items.isEmpty
                case .string?, .map?: truthy = true
                }
                if truthy == inverted {
                    try render(otherwise, compiled: compiled, source: source, depth: depth + 1, state: &state)
                    continue
                }
                // `if`/`unless` and inverted sections test a value without entering it.
                let entersContext = !inverted && tag.helper != "if" && tag.helper != "unless"
                if entersContext, case .list(let items)? = value {
                    for item in items {
                        state.stack.append(item)
                        defer { state.stack.removeLast() }
                        try render(body, compiled: compiled, source: source, depth: depth + 1, state: &state)
                    }
                } else if entersContext, let value, !Self.isBool(value) {
                    state.stack.append(value)
                    defer { state.stack.removeLast() }
                    try render(body, compiled: compiled, source: source, depth: depth + 1, state: &state)
                } else {
                    try render(body, compiled: compiled, source: source, depth: depth + 1, state: &state)
                }
            case .partial(let tag, let indentation):
                guard let text = partials[tag.name] else { continue }
                if state.chain.contains(tag.name) {
                    let cycle = (state.chain + [tag.name]).joined(separator: " → ")
                    throw Failure(message: "partial '\(tag.name)' includes itself (\(cycle))", range: tag.range, source: source.name)
                }
                guard state.chain.count <= Self.maxPartialDepth, depth < Self.maxNestingDepth else {
                    throw Failure(message: "partials nested deeper than \(Self.maxPartialDepth) levels (\(state.chain.joined(separator: " → ")))",
                                  range: tag.range, source: source.name)
                }
                let start = state.output.count
                state.chain.append(tag.name)
                try render(Source(name: tag.name, text: text), depth: depth + 1, state: &state)
                state.chain.removeLast()
                if !indentation.isEmpty {
                    Self.indent(&state.output, from: start, by: indentation)
                    try emit([], tag: tag.range, source: source, state: &state)
                }
            }
        }
    }

    private func emit(_ bytes: ArraySlice<UInt8>, tag: Range<Int>, source: Source, state: inout State) throws(Failure) {
        guard state.output.count + bytes.count <= Self.maxOutputBytes else {
            state.output.removeAll()
            throw Failure(message: "the rendered text would be larger than \(Self.maxOutputBytes >> 20) MB", range: tag, source: source.name)
        }
        state.output.append(contentsOf: bytes)
    }

    private static func range(of node: Node) -> Range<Int> {
        switch node {
        case .text(let range): return range
        case .value(let tag), .section(let tag, _, _, _), .partial(let tag, _): return tag.range
        }
    }

    private static func isBool(_ value: TemplateValue) -> Bool {
        if case .bool = value { return true }
        return false
    }

    /// `.` is the current item; `a.b.c` finds `a` in the innermost context that has it, then
    /// reads `b` and `c` from it alone.
    static func lookup(_ name: String, in stack: [TemplateValue]) -> TemplateValue? {
        if name == "." || name == "this" { return stack.last }
        var parts = name.split(separator: ".", omittingEmptySubsequences: false)[...]
        if parts.first == "this" { parts = parts.dropFirst() }
        guard let first = parts.popFirst() else { return nil }
        var found: TemplateValue?
        for context in stack.reversed() {
            if case .map(let pairs) = context, let value = pairs[String(first)] {
                found = value
                break
            }
        }
        for part in parts {
            guard case .map(let pairs)? = found else { return nil }
            found = pairs[String(part)]
        }
        return found
    }

    /// Indents every line the partial wrote (a line break at the very end starts no new line).
    private static func indent(_ output: inout [UInt8], from start: Int, by indentation: [UInt8]) {
        guard start < output.count else { return }
        var result = Array(output[..<start])
        result.reserveCapacity(output.count + indentation.count * 4)
        var atLineStart = true
        for index in start..<output.count {
            let byte = output[index]
            if atLineStart { result.append(contentsOf: indentation) }
            result.append(byte)
            atLineStart = byte == 0x0A
        }
        output = result
    }
}

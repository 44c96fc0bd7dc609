/// A tag of a Mustache (or Handlebars-style) template, found by our own scanner: swift-mustache
/// keeps its parsed tokens internal and renders unknown names as "", so strictness and positions
/// need this.
public struct MustacheTag: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case variable, unescaped, section, invertedSection, close, partial, comment, setDelimiters, pragma
        /// Handlebars `{{else}}` (dotprompt bodies).
        case elseBranch
        /// Handlebars helper call such as `{{role "system"}}`, `{{media url=x}}`, `{{json x}}`.
        case helper
    }

    public var kind: Kind
    /// The variable, section or partial name as written (`user.name`, `shared/rules`), trimmed.
    public var name: String
    /// For Handlebars block helpers (`{{#if x}}`, `{{#each xs}}`): the helper (`if`), with `name` the argument.
    public var helper: String?
    /// UTF-8 range of the whole tag (`{{` … `}}`) in the text.
    public var range: Range<Int>
    /// UTF-8 range of `name` in the text.
    public var nameRange: Range<Int>

    /// The first path component: the variable a dotted name reads (`user` for `user.name`).
    public var rootName: String {
        name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? name
    }
}

public struct MustacheSyntaxError: Sendable, Equatable, Error {
    public var message: String
    /// UTF-8 range in the text.
    public var range: Range<Int>
}

/// The tags of a template text, the variables it uses, and its syntax errors.
public struct MustacheScan: Sendable {
    public var tags: [MustacheTag] = []
    public var errors: [MustacheSyntaxError] = []

    /// Variables read outside of any section (where the name must be a template variable), and
    /// section names at any depth. Names inside a section may be fields of the section's items.
    public var requiredNames: [MustacheTag] = []
    /// Every variable-like name, including names inside sections.
    public var allNames: [MustacheTag] = []
    public var partials: [MustacheTag] = []

    public static let handlebarsBlockHelpers: Set<String> = ["if", "unless", "each", "with"]
    /// Sections nested deeper than this are an error: no prompt needs them, and every later pass
    /// (rendering, dotprompt translation) may then recurse without fear of the stack.
    public static let maxSectionDepth = 100

    public init(_ text: String) {
        let bytes = Array(text.utf8)
        var open: [UInt8] = [0x7B, 0x7B]
        var close: [UInt8] = [0x7D, 0x7D]
        var index = 0
        var sections: [MustacheTag] = []
        // Depth of sections that change the context (not inverted ones, not `if`/`unless`).
        var contextDepth = 0
        var contextChanging: [Bool] = []

        func matches(_ pattern: [UInt8], at position: Int) -> Bool {
            guard position + pattern.count <= bytes.count else { return false }
            for offset in 0..<pattern.count where bytes[position + offset] != pattern[offset] { return false }
            return true
        }

        while index < bytes.count {
            guard matches(open, at: index) else { index += 1; continue }
            let tagStart = index
            var contentStart = index + open.count
            var closing = close
            var kind = MustacheTag.Kind.variable
            // `{{ > name }}`, `{{ #s }}`: blanks may stand before the sigil.
            var sigil = contentStart
            while sigil < bytes.count, bytes[sigil] == 0x20 || bytes[sigil] == 0x09 { sigil += 1 }
            if sigil < bytes.count, [0x23, 0x5E, 0x2F, 0x3E, 0x21].contains(bytes[sigil]) { contentStart = sigil }
            if contentStart < bytes.count {
                switch bytes[contentStart] {
                case 0x7B where open == [0x7B, 0x7B]: kind = .unescaped; closing = [0x7D] + close; contentStart += 1
                case 0x26: kind = .unescaped; contentStart += 1
                case 0x23: kind = .section; contentStart += 1
                case 0x5E: kind = .invertedSection; contentStart += 1
                case 0x2F: kind = .close; contentStart += 1
                case 0x3E: kind = .partial; contentStart += 1
                case 0x21: kind = .comment; contentStart += 1
                case 0x3D: kind = .setDelimiters; contentStart += 1
                case 0x25: kind = .pragma; contentStart += 1
                default: break
                }
            }
            // Handlebars comments `{{!-- … --}}` may contain `}}`.
            if kind == .comment, matches([0x2D, 0x2D], at: contentStart) {
                closing = [0x2D, 0x2D] + close
            }
            var end = contentStart
            while end < bytes.count, !matches(closing, at: end) { end += 1 }
            guard end < bytes.count else {
                errors.append(MustacheSyntaxError(message: "unclosed tag: '\(String(decoding: open, as: UTF8.self))' without '\(String(decoding: closing, as: UTF8.self))'", range: tagStart..<min(bytes.count, tagStart + open.count)))
                break
            }
            let tagEnd = end + closing.count
            index = tagEnd
            var contentEnd = end
            if kind == .setDelimiters, contentEnd > contentStart, bytes[contentEnd - 1] == 0x3D { contentEnd -= 1 }
            var nameStart = contentStart
            var nameEnd = contentEnd
            while nameStart < nameEnd, bytes[nameStart] == 0x20 || bytes[nameStart] == 0x09 || bytes[nameStart] == 0x0A { nameStart += 1 }
            while nameEnd > nameStart, bytes[nameEnd - 1] == 0x20 || bytes[nameEnd - 1] == 0x09 || bytes[nameEnd - 1] == 0x0A { nameEnd -= 1 }
            var name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
            var helper: String?

            if kind == .setDelimiters {
                let parts = name.split(whereSeparator: { $0 == " " || $0 == "\t" })
                if parts.count == 2 {
                    open = Array(parts[0].utf8)
                    close = Array(parts[1].utf8)
                } else {
                    errors.append(MustacheSyntaxError(message: "invalid delimiter tag: expected '{{=<open> <close>=}}'", range: tagStart..<tagEnd))
                }
            }
            // Handlebars: `{{#if x}}`, `{{else}}`, `{{role "system"}}`, `{{/if}}`.
            let words = name.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
            if (kind == .section || kind == .close), let first = words.first, Self.handlebarsBlockHelpers.contains(String(first)) {
                helper = String(first)
                if kind == .section, words.count >= 2 {
                    let argument = String(words[1])
                    if let range = bytes.firstRange(of: Array(argument.utf8), in: nameStart..<nameEnd) {
                        nameStart = range.lowerBound
                        nameEnd = range.upperBound
                    }
                    name = argument
                } else if kind == .close {
                    name = String(first)
                }
            } else if kind == .variable, name == "else" {
                kind = .elseBranch
            } else if kind == .variable || kind == .unescaped, words.count > 1 {
                kind = .helper
                helper = String(words[0])
                name = String(words[0])
            }

            let tag = MustacheTag(kind: kind, name: name, helper: helper, range: tagStart..<tagEnd, nameRange: nameStart..<nameEnd)
            tags.append(tag)
            switch kind {
            case .variable, .unescaped:
                if name.isEmpty {
                    errors.append(MustacheSyntaxError(message: "empty tag '\(String(decoding: bytes[tagStart..<tagEnd], as: UTF8.self))'", range: tag.range))
                    continue
                }
                if name == "." || name.hasPrefix("@") || name.hasPrefix("this") { continue }
                allNames.append(tag)
                if contextDepth == 0 { requiredNames.append(tag) }
            case .section, .invertedSection:
                if name.isEmpty {
                    errors.append(MustacheSyntaxError(message: "section without a name", range: tag.range))
                }
                if !(name == "." || name.hasPrefix("@") || name.hasPrefix("this")) {
                    allNames.append(tag)
                    if contextDepth == 0 { requiredNames.append(tag) }
                }
                if sections.count >= Self.maxSectionDepth {
                    errors.append(MustacheSyntaxError(message: "sections nested deeper than \(Self.maxSectionDepth) levels", range: tag.range))
                    // Stop here: the rest of the text is inside sections no one can render.
                    return
                }
                sections.append(tag)
                let changesContext = kind == .section && helper != "if" && helper != "unless"
                contextChanging.append(changesContext)
                if changesContext { contextDepth += 1 }
            case .close:
                guard let openSection = sections.popLast() else {
                    errors.append(MustacheSyntaxError(message: "closing tag '{{/\(name)}}' without an open section", range: tag.range))
                    continue
                }
                if contextChanging.removeLast() { contextDepth -= 1 }
                let openName = openSection.helper ?? openSection.name
                if openName != name {
                    errors.append(MustacheSyntaxError(message: "section '\(openName)' closed by '{{/\(name)}}'", range: tag.range))
                }
            case .partial:
                partials.append(tag)
            case .comment, .setDelimiters, .pragma, .elseBranch, .helper:
                break
            }
        }
        for section in sections {
            errors.append(MustacheSyntaxError(message: "unclosed section '\(section.helper ?? section.name)': no matching '{{/\(section.helper ?? section.name)}}'", range: section.range))
        }
    }
}

extension Array where Element == UInt8 {
    /// The first occurrence of `needle` inside the byte offsets `bounds`, as offsets.
    func firstRange(of needle: [UInt8], in bounds: Range<Int>) -> Range<Int>? {
        let bytes = self
        guard !needle.isEmpty, bounds.count >= needle.count else { return nil }
        for start in bounds.lowerBound...(bounds.upperBound - needle.count) where bytes[start..<start + needle.count].elementsEqual(needle) {
            return start..<start + needle.count
        }
        return nil
    }
}

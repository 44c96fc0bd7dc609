/// What a template sends on a typical call, for pricing: each message's text with every variable
/// replaced by its default (or nothing), section and comment tags removed, and partials inlined;
/// plus where the dynamic parts (variables) were, so the cacheable static prefix can be measured.
///
/// Built from the Mustache scan, not by rendering: pricing 10,000 templates must stay under a
/// second, and a typical call's value is a length (`typical_tokens`), not a text.
public struct SentPrompt: Sendable {
    public struct Message: Sendable {
        public var role: MessageRole
        /// The text with variables replaced by their defaults (or "" when they declare `typical_tokens` or nothing).
        public var text: String
        /// The variables and sections, in order (empty: the message is static).
        public var dynamicParts: [DynamicPart]
    }

    /// A variable (or section) in a message.
    public struct DynamicPart: Sendable {
        /// UTF-8 offset in the sent text where its value goes.
        public var offset: Int
        /// UTF-8 offset in the sent text where its value (the default, or nothing) ends.
        public var valueEnd: Int
        /// The tag's UTF-8 range in the template message's text.
        public var tagRange: Range<Int>
        public var name: String
    }

    public var messages: [Message]
    /// Tokens added for variables that declare `typical_tokens` (each insertion counts).
    public var typicalTokens: Int
    /// Variables counted as 0 tokens because they declare neither `typical_tokens` nor a default.
    public var uncountedVariables: [String]

    public init(_ template: PromptTemplate, library: [String: PromptTemplate]? = nil) {
        var typical = 0
        var uncounted: [String] = []
        var messages: [Message] = []
        let declared = Dictionary(template.variables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for message in template.messages {
            let bytes = Array(message.text.utf8)
            let scan = MustacheScan(message.text)
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var position = 0
            var dynamic: [DynamicPart] = []
            for tag in scan.tags {
                out += bytes[position..<tag.range.lowerBound]
                position = tag.range.upperBound
                switch tag.kind {
                case .variable, .unescaped:
                    let name = tag.rootName
                    let start = out.count
                    defer { dynamic.append(DynamicPart(offset: start, valueEnd: out.count, tagRange: tag.range, name: name)) }
                    if let variable = declared[name], let tokens = variable.typicalTokens {
                        typical += tokens
                    } else if let value = declared[name]?.defaultValue {
                        out += value.utf8
                    } else if !uncounted.contains(name) {
                        uncounted.append(name)
                    }
                case .section, .invertedSection:
                    dynamic.append(DynamicPart(offset: out.count, valueEnd: out.count, tagRange: tag.range, name: tag.rootName))
                case .partial:
                    if let partial = library?[tag.name], partial.name != template.name {
                        out += partial.messages.map(\.text).joined(separator: "\n").utf8
                    }
                default:
                    break
                }
            }
            out += bytes[position...]
            messages.append(Message(role: message.role, text: String(decoding: out, as: UTF8.self), dynamicParts: dynamic))
        }
        self.messages = messages
        typicalTokens = typical
        uncountedVariables = uncounted
    }

    /// Tokens the chat format adds: 3 per message and 3 to prime the reply (as `tokens` counts).
    public var framingTokens: Int { 3 * messages.count + 3 }

    /// Exact input tokens of a typical call with `tokenizer`.
    public func inputTokens(_ tokenizer: Tokenizer) -> Int {
        messages.reduce(framingTokens + typicalTokens) { $0 + tokenizer.count($1.text) }
    }

    /// Tokens of the static prefix: everything sent before the first dynamic part (framing of the
    /// messages before it included). The whole prompt when nothing is dynamic.
    public func staticPrefixTokens(_ tokenizer: Tokenizer) -> Int {
        var tokens = 0
        for message in messages {
            if let offset = message.dynamicParts.first?.offset {
                return tokens + 3 + tokenizer.count(String(decoding: Array(message.text.utf8)[..<offset], as: UTF8.self))
            }
            tokens += 3 + tokenizer.count(message.text)
        }
        return tokens + 3
    }
}

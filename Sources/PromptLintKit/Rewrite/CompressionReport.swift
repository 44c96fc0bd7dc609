/// Token and cost savings of a compression, for people (a table) and scripts (JSON).
public struct CompressionReport: Sendable {
    public struct Message: Sendable {
        public var role: String
        public var before: String
        public var after: String
        public var tokensBefore: Int
        public var tokensAfter: Int
    }

    public var file: String
    public var name: String
    public var model: ModelResolution
    public var messages: [Message]
    public var applied: [Compressor.AppliedEdit]
    public var suggestions: [Diagnostic]
    public var outputLimit: Int?

    public var tokensBefore: Int { messages.reduce(0) { $0 + $1.tokensBefore } }
    public var tokensAfter: Int { messages.reduce(0) { $0 + $1.tokensAfter } }
    public var saved: Int { tokensBefore - tokensAfter }
    public var savedShare: Double { tokensBefore == 0 ? 0 : Double(saved) / Double(tokensBefore) }

    /// Builds the report of one template (or plain file) of a compression result.
    public static func make(_ result: Compressor.Result, templateIndex: Int, model: ModelResolution) -> CompressionReport? {
        guard templateIndex < result.before.count, templateIndex < result.after.count else { return nil }
        let before = result.before[templateIndex]
        let after = result.after[templateIndex]
        let tokenizer = Tokenizer.shared(model.encoding)
        let messages = zip(before.messages, after.messages).map { old, new in
            Message(role: old.role.rawValue, before: old.text, after: new.text, tokensBefore: tokenizer.count(old.text), tokensAfter: tokenizer.count(new.text))
        }
        return CompressionReport(file: result.path, name: before.name, model: model, messages: messages,
                                 applied: templateIndex == 0 ? result.applied : [], suggestions: result.suggestions.filter { $0.template == before.name },
                                 outputLimit: before.maxOutputTokens)
    }

    /// Input cost saved per call (prompt tokens only: the output limit is unchanged).
    public var savedPerCall: Double? {
        model.info.map { Double(saved) * $0.inputPricePerMillion / 1_000_000 }
    }

    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("file", .string(file)),
            ("name", .string(name)),
            ("model", .string(model.info?.name ?? model.requested)),
            ("encoding", .string(model.encoding.rawValue)),
            ("estimate", .bool(model.isEstimate)),
            ("tokens_before", .int(tokensBefore)),
            ("tokens_after", .int(tokensAfter)),
            ("tokens_saved", .int(saved)),
            ("messages", .array(messages.map { message in
                .object([("role", .string(message.role)), ("tokens_before", .int(message.tokensBefore)), ("tokens_after", .int(message.tokensAfter)),
                         ("original", .string(message.before)), ("compressed", .string(message.after))])
            })),
            ("original", .array(messages.map { .string($0.before) })),
            ("compressed", .array(messages.map { .string($0.after) })),
            ("edits", .array(applied.map { edit in
                .object([("code", .string(edit.code)), ("rule", .string(edit.rule)), ("title", .string(edit.title)),
                         ("message", .string(edit.message)), ("tokens_saved", edit.tokensSaved.map(JSONValue.int) ?? .null)])
            })),
            ("suggestions", .array(suggestions.map { JSONReporter.value($0) })),
        ]
        if let perCall = savedPerCall {
            pairs.append(("cost_saved", .object([("currency", .string("USD")), ("per_call", .double(perCall)),
                                                 ("per_1000_calls", .double(perCall * 1000)), ("prices_as_of", .string(ModelRegistry.pricesAsOf))])))
        }
        return .object(pairs)
    }
}

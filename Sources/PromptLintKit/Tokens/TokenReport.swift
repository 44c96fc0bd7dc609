/// Exact token counts of a prompt (per message and total) for one model, with characters per
/// token, tokens per 100 characters (so non-Latin inflation is visible), and cost.
public struct TokenReport: Sendable {
    public struct Part: Sendable {
        /// "system", "user", … or "text" for a plain file.
        public var label: String
        public var tokens: Int
        public var characters: Int
    }

    public var name: String
    public var model: ModelResolution
    public var parts: [Part]
    /// Tokens the chat format adds around messages (OpenAI: 3 per message + 3 to prime the reply);
    /// nil for plain text, which is sent as is.
    public var chatOverhead: Int?
    /// The output limit priced as output tokens (nil: none set, output cost unknown).
    public var outputLimit: Int?

    public var tokens: Int { parts.reduce(0) { $0 + $1.tokens } }
    public var characters: Int { parts.reduce(0) { $0 + $1.characters } }
    public var charactersPerToken: Double { tokens == 0 ? 0 : Double(characters) / Double(tokens) }
    public var tokensPer100Characters: Double { characters == 0 ? 0 : Double(tokens) * 100 / Double(characters) }

    /// Cost of one call: prompt tokens (with chat overhead) at the input price, plus the output
    /// limit at the output price.
    public var cost: CallCost? {
        guard let info = model.info else { return nil }
        return CallCost.perCall(model: info, promptTokens: tokens + (chatOverhead ?? 0), outputTokens: outputLimit ?? 0)
    }

    /// Counts messages (a template's, rendered or static) with the model's encoding.
    public static func messages(_ messages: [(label: String, text: String)], name: String, model: ModelResolution, outputLimit: Int?) -> TokenReport {
        let tokenizer = Tokenizer.shared(model.encoding)
        let parts = messages.map { Part(label: $0.label, tokens: tokenizer.count($0.text), characters: $0.text.unicodeScalars.count) }
        return TokenReport(name: name, model: model, parts: parts, chatOverhead: 3 * messages.count + 3, outputLimit: outputLimit)
    }

    /// Counts a plain text exactly: no chat framing.
    public static func text(_ text: String, name: String, model: ModelResolution, outputLimit: Int? = nil) -> TokenReport {
        let tokens = Tokenizer.shared(model.encoding).count(text)
        return TokenReport(name: name, model: model, parts: [Part(label: "text", tokens: tokens, characters: text.unicodeScalars.count)],
                           chatOverhead: nil, outputLimit: outputLimit)
    }

    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("name", .string(name)),
            ("model", .string(model.info?.name ?? model.requested)),
            ("encoding", .string(model.encoding.rawValue)),
            ("tokens", .int(tokens)),
            ("estimate", .bool(model.isEstimate)),
            ("characters", .int(characters)),
            ("chars_per_token", .double((charactersPerToken * 100).rounded() / 100)),
            ("tokens_per_100_chars", .double((tokensPer100Characters * 100).rounded() / 100)),
            ("messages", .array(parts.map { .object([("role", .string($0.label)), ("tokens", .int($0.tokens)), ("characters", .int($0.characters))]) })),
            ("chat_overhead_tokens", chatOverhead.map(JSONValue.int) ?? .null),
            ("max_output_tokens", outputLimit.map(JSONValue.int) ?? .null),
        ]
        if let cost {
            pairs.append(("cost", .object([
                ("currency", .string("USD")),
                ("input", .double(cost.inputCost)),
                ("output", .double(cost.outputCost)),
                ("per_call", .double(cost.total)),
                ("per_1000_calls", .double(cost.total * 1000)),
                ("prices_as_of", .string(ModelRegistry.pricesAsOf)),
                ("estimate", .bool(cost.isEstimate)),
            ])))
        } else {
            pairs.append(("cost", .null))
        }
        return .object(pairs)
    }
}

/// Formats USD amounts for people: enough digits to show fractions of a cent.
public enum Money {
    public static func format(_ amount: Double) -> String {
        if amount == 0 { return "$0" }
        if amount >= 100 { return "$" + String(format: "%.0f", amount) }
        if amount >= 1 { return "$" + String(format: "%.2f", amount) }
        if amount >= 0.01 { return "$" + String(format: "%.4f", amount) }
        return "$" + String(format: "%.6f", amount)
    }
}

import Foundation

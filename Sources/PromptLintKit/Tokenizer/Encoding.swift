/// The tiktoken encodings promptlint can count exactly.
///
/// Only the two encodings used by current OpenAI models are shipped: older ones (p50k, r50k)
/// belong to models nobody writes prompts for any more, and each vocabulary costs megabytes.
public enum Encoding: String, Sendable, CaseIterable, Codable {
    case cl100k_base
    case o200k_base

    /// Special tokens are never produced by `encode` (it matches tiktoken's `encode_ordinary`),
    /// but `decode` renders them so ids coming from elsewhere are not silently dropped.
    var specialTokens: [Int: String] {
        switch self {
        case .cl100k_base:
            return [100257: "<|endoftext|>", 100258: "<|fim_prefix|>", 100259: "<|fim_middle|>",
                    100260: "<|fim_suffix|>", 100276: "<|endofprompt|>"]
        case .o200k_base:
            return [199999: "<|endoftext|>", 200018: "<|endofprompt|>"]
        }
    }
}

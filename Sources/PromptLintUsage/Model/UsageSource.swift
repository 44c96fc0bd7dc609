/// The formats `usage import` reads, each detected from the content of the file.
public enum UsageSource: String, Sendable, CaseIterable {
    case openAIUsage = "openai_usage"
    case openAICosts = "openai_costs"
    case anthropicUsage = "anthropic_usage"
    case anthropicCost = "anthropic_cost"
    case litellm = "litellm"
    case langfuse = "langfuse"

    public var displayName: String {
        switch self {
        case .openAIUsage: "OpenAI usage (completions)"
        case .openAICosts: "OpenAI costs"
        case .anthropicUsage: "Anthropic usage report"
        case .anthropicCost: "Anthropic cost report"
        case .litellm: "LiteLLM_SpendLogs"
        case .langfuse: "Langfuse observations"
        }
    }
}

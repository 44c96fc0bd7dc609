import PromptLintKit

/// OpenAI's and Anthropic's organisation reports: pages of time buckets, each with results grouped
/// by whatever the request grouped by. A row's key is its bucket start and group fields, so the
/// same bucket imported again (or from an overlapping page) replaces itself.
enum ProviderReports {
    /// `GET /v1/organization/usage/completions`.
    static func openAIUsage(_ page: JSONRecord, pricing: inout UsagePricing) throws(SourceError) -> [UsageRecord] {
        var records: [UsageRecord] = []
        for bucket in try page.array("data") {
            let start = try bucket.time("start_time")
            for result in try bucket.array("results") {
                let model = try result.string("model")
                let project = try result.string("project_id")
                let apiKey = try result.string("api_key_id")
                let user = try result.string("user_id")
                let batch = result.object["batch"].map { "\($0)" } ?? ""
                let tier = try result.string("service_tier") ?? ""
                let input = try result.requiredInteger("input_tokens")
                let cached = try result.integer("input_cached_tokens")
                let output = try result.requiredInteger("output_tokens")
                guard cached <= input else { throw result.fail("input_cached_tokens", "is larger than input_tokens (\(cached) > \(input))") }
                let key = [String(start), model ?? "", project ?? "", apiKey ?? "", user ?? "", batch, tier].joined(separator: "|")
                records.append(UsageRecord(
                    source: UsageSource.openAIUsage.rawValue, key: key, provider: "openai", startTime: start, model: model,
                    project: project, apiKey: apiKey, user: user, requests: try result.requiredInteger("num_model_requests"),
                    inputTokens: input, cachedInputTokens: cached, outputTokens: output,
                    priceCostUSD: pricing.cost(model: model, inputTokens: input, cachedInputTokens: cached, outputTokens: output)))
            }
        }
        return records
    }

    /// `GET /v1/organization/costs`: `amount {value, currency}` per line item and project.
    static func openAICosts(_ page: JSONRecord) throws(SourceError) -> [UsageRecord] {
        var records: [UsageRecord] = []
        for bucket in try page.array("data") {
            let start = try bucket.time("start_time")
            for result in try bucket.array("results") {
                guard let amount = try result.child("amount") else { throw result.fail("amount", "missing") }
                let currency = try amount.string("currency")?.lowercased() ?? "usd"
                guard currency == "usd" else { throw amount.fail("currency", "only USD amounts are supported, found '\(currency)'") }
                guard let value = try amount.number("value") else { throw amount.fail("value", "missing") }
                let lineItem = try result.string("line_item")
                let project = try result.string("project_id")
                // "gpt-4o-2024-08-06, input" names the model the line bills.
                let model = lineItem.flatMap { $0.split(separator: ",").first.map { String($0).trimmingCharacters(in: .whitespaces) } }
                records.append(UsageRecord(
                    source: UsageSource.openAICosts.rawValue, key: [String(start), lineItem ?? "", project ?? ""].joined(separator: "|"),
                    provider: "openai", startTime: start, model: model, project: project, sourceCostUSD: value))
            }
        }
        return records
    }

    /// `/v1/organizations/usage_report/messages`.
    static func anthropicUsage(_ page: JSONRecord, pricing: inout UsagePricing) throws(SourceError) -> [UsageRecord] {
        var records: [UsageRecord] = []
        for bucket in try page.array("data") {
            let start = try bucket.time("starting_at")
            for result in try bucket.array("results") {
                let model = try result.string("model")
                let workspace = try result.string("workspace_id")
                let apiKey = try result.string("api_key_id")
                let tier = try result.string("service_tier") ?? ""
                let window = try result.string("context_window") ?? ""
                let uncached = try result.requiredInteger("uncached_input_tokens")
                let cacheRead = try result.integer("cache_read_input_tokens")
                var cacheWrite: Int64 = 0
                if let creation = try result.child("cache_creation") {
                    cacheWrite = try creation.integer("ephemeral_5m_input_tokens") + creation.integer("ephemeral_1h_input_tokens")
                }
                let output = try result.requiredInteger("output_tokens")
                let input = uncached + cacheRead + cacheWrite
                let key = [String(start), model ?? "", workspace ?? "", apiKey ?? "", tier, window].joined(separator: "|")
                records.append(UsageRecord(
                    source: UsageSource.anthropicUsage.rawValue, key: key, provider: "anthropic", startTime: start, model: model,
                    project: workspace, apiKey: apiKey, inputTokens: input, cachedInputTokens: cacheRead, cacheWriteTokens: cacheWrite,
                    outputTokens: output,
                    priceCostUSD: pricing.cost(model: model, inputTokens: input, cachedInputTokens: cacheRead, outputTokens: output)))
            }
        }
        return records
    }

    /// `/v1/organizations/cost_report`: `amount` is a decimal string in cents.
    static func anthropicCost(_ page: JSONRecord) throws(SourceError) -> [UsageRecord] {
        var records: [UsageRecord] = []
        for bucket in try page.array("data") {
            let start = try bucket.time("starting_at")
            for result in try bucket.array("results") {
                guard let cents = try result.number("amount") else { throw result.fail("amount", "missing") }
                let currency = try result.string("currency")?.uppercased() ?? "USD"
                guard currency == "USD" else { throw result.fail("currency", "only USD amounts are supported, found '\(currency)'") }
                let model = try result.string("model")
                let workspace = try result.string("workspace_id")
                let group = try ["cost_type", "token_type", "description", "service_tier", "context_window"].map { (field) throws(SourceError) -> String in
                    try result.string(field) ?? ""
                }
                records.append(UsageRecord(
                    source: UsageSource.anthropicCost.rawValue, key: ([String(start), model ?? "", workspace ?? ""] + group).joined(separator: "|"),
                    provider: "anthropic", startTime: start, model: model, project: workspace, sourceCostUSD: cents / 100))
            }
        }
        return records
    }
}

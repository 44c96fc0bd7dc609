import PromptLintKit

/// LiteLLM's `"LiteLLM_SpendLogs"` table (schema.prisma in BerriAI/litellm): one row per request,
/// keyed by `request_id`, with the proxy's own `spend` in USD. Read from a CSV export of the table
/// or straight from its Postgres database (`PostgresSpendLogs`); both go through `record(_:)`.
public enum LiteLLMSpendLogs {
    public static let requiredColumns = ["request_id", "startTime", "model", "spend", "prompt_tokens", "completion_tokens"]
    public static let optionalColumns = ["api_key", "user", "team_id", "custom_llm_provider", "metadata", "request_tags", "end_user", "status", "model_group"]

    /// One spend-log row, as either reader found it.
    struct Row {
        var requestID: String
        var startTime: Int64
        var model: String?
        var spend: Double?
        var promptTokens: Int64
        var completionTokens: Int64
        var apiKey: String?
        var user: String?
        var teamID: String?
        var provider: String?
        var metadata: ArraySlice<UInt8>
        var requestTags: ArraySlice<UInt8>
    }

    struct Attribution {
        var tagPrefix: String
        var metadataKey: String
    }

    static func record(_ row: Row, attribution: Attribution, pricing: inout UsagePricing) -> UsageRecord {
        var template: String?
        if !row.requestTags.isEmpty, let tags = JSONFieldScanner.strings(inArray: row.requestTags) {
            template = tags.first { $0.hasPrefix(attribution.tagPrefix) }.map { String($0.dropFirst(attribution.tagPrefix.count)) }
        }
        if template == nil, !row.metadata.isEmpty {
            template = JSONFieldScanner.stringValue(forKey: attribution.metadataKey, in: row.metadata)
        }
        // LiteLLM keeps the provider's usage object in the metadata: its cached_tokens are the
        // prompt-cache reads (prompt_tokens_details.cached_tokens).
        let cached = row.metadata.isEmpty ? 0 : min(row.promptTokens, JSONFieldScanner.integerValue(forKey: "cached_tokens", in: row.metadata) ?? 0)
        let provider = row.provider.flatMap { $0.isEmpty ? nil : $0 } ?? UsagePricing.provider(ofModel: row.model)
        return UsageRecord(
            source: UsageSource.litellm.rawValue, key: row.requestID, provider: provider, startTime: row.startTime, model: row.model,
            apiKey: row.apiKey, litellmTeam: row.teamID, user: row.user, template: template, requests: 1,
            inputTokens: row.promptTokens, cachedInputTokens: cached, outputTokens: row.completionTokens, sourceCostUSD: row.spend,
            priceCostUSD: pricing.cost(model: row.model, inputTokens: row.promptTokens, cachedInputTokens: cached, outputTokens: row.completionTokens))
    }

    /// Reads a CSV export; `header` is the first row, already read. Any bad row fails the file.
    static func csvRecords(_ reader: inout CSVReader, header: [String], attribution: Attribution, pricing: inout UsagePricing,
                           emit: (UsageRecord) throws -> Void) throws {
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        let required = requiredColumns.map { column($0)! }
        let (idColumn, timeColumn, modelColumn, spendColumn, promptColumn, completionColumn) =
            (required[0], required[1], required[2], required[3], required[4], required[5])
        let apiKeyColumn = column("api_key"), userColumn = column("user"), teamColumn = column("team_id")
        let providerColumn = column("custom_llm_provider"), metadataColumn = column("metadata"), tagsColumn = column("request_tags")
        let path = reader.path
        var fields: [CSVReader.Field] = []
        var seen = Set<String>()
        while try reader.nextRow(into: &fields) {
            let line = reader.rowLine
            func fail(_ message: String) -> SourceError {
                SourceError(path: path, location: SourceLocation(offset: 0, line: line, column: 1), message: message)
            }
            guard fields.count == header.count else {
                throw fail("this row has \(fields.count) fields, the header has \(header.count)")
            }
            func text(_ index: Int?) -> String? {
                guard let index, !fields[index].range.isEmpty else { return nil }
                return reader.string(fields[index])
            }
            func tokens(_ index: Int, _ name: String) throws -> Int64 {
                guard let value = reader.integer(fields[index]) else { throw fail("\(name) '\(reader.string(fields[index]))' is not a whole number") }
                guard let count = value, count >= 0 else {
                    if value == nil { return 0 }
                    throw fail("\(name) must not be negative")
                }
                return count
            }
            guard let requestID = text(idColumn) else { throw fail("request_id is empty") }
            guard seen.insert(requestID).inserted else { throw fail("request_id '\(requestID)' appears twice in this file") }
            guard let start = TimestampParser.unixSeconds(reader.bytes[fields[timeColumn].range]) else {
                throw fail("startTime '\(reader.string(fields[timeColumn]))' is not a timestamp (expected e.g. 2026-11-03 14:05:09.123+00)")
            }
            guard let spend = reader.decimal(fields[spendColumn]) else { throw fail("spend '\(reader.string(fields[spendColumn]))' is not a number") }
            let row = Row(
                requestID: requestID, startTime: start, model: text(modelColumn), spend: spend,
                promptTokens: try tokens(promptColumn, "prompt_tokens"), completionTokens: try tokens(completionColumn, "completion_tokens"),
                apiKey: text(apiKeyColumn), user: text(userColumn), teamID: text(teamColumn), provider: text(providerColumn),
                metadata: metadataColumn.map { slice(reader, fields[$0]) } ?? [],
                requestTags: tagsColumn.map { slice(reader, fields[$0]) } ?? [])
            try emit(record(row, attribution: attribution, pricing: &pricing))
        }
    }

    /// A field's bytes; a quoted JSON field with doubled quotes is unescaped first.
    private static func slice(_ reader: CSVReader, _ field: CSVReader.Field) -> ArraySlice<UInt8> {
        field.hasEscapedQuotes ? ArraySlice(Array(reader.string(field).utf8)) : reader.bytes[field.range]
    }
}

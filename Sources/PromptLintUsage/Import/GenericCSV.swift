import PromptLintKit

/// A CSV export described by a `usage.csv_formats` mapping.
enum GenericCSV {
    static func records(_ reader: inout CSVReader, header: [String], mapping: GenericCSVMapping, pricing: inout UsagePricing) throws(SourceError) -> [UsageRecord] {
        let source = "generic:" + mapping.name
        var records: [UsageRecord] = []
        var fields: [CSVReader.Field] = []
        // Rows without a request id are keyed by their content; identical rows are told apart by
        // their rank among equals, so a re-import of the same file matches row for row.
        var occurrences: [String: Int] = [:]
        while try reader.nextRow(into: &fields) {
            let row = CSVRow(reader: reader, header: header, fields: fields)
            try row.checkWidth()
            func value(_ field: String) -> String? { mapping.columns[field].flatMap { row[$0] } }
            func integer(_ field: String) throws(SourceError) -> Int64? { try mapping.columns[field].flatMap { (column) throws(SourceError) in try row.integer(column) } }
            guard let timeText = value("time") else { throw row.fail("\(mapping.columns["time"]!) is empty") }
            guard let start = TimestampParser.unixSeconds(timeText) ?? Int64(timeText) else {
                throw row.fail("\(mapping.columns["time"]!) '\(timeText)' is not a time (ISO 8601, YYYY-MM-DD or Unix seconds)")
            }
            let model = value("model")
            let input = try integer("input_tokens") ?? 0
            let cached = try integer("cached_input_tokens") ?? 0
            let output = try integer("output_tokens") ?? 0
            guard cached <= input else { throw row.fail("cached input tokens (\(cached)) exceed input tokens (\(input))") }
            let cost = try mapping.columns["cost_usd"].flatMap { (column) throws(SourceError) in try row.decimal(column) }
            var key: String
            if let id = value("request_id") {
                key = id
            } else {
                key = fields.map { reader.string($0) }.joined(separator: "\u{1F}")
                let rank = occurrences[key, default: 0]
                occurrences[key] = rank + 1
                key += "#\(rank)"
            }
            records.append(UsageRecord(
                source: source, key: key, provider: value("provider") ?? UsagePricing.provider(ofModel: model), startTime: start, model: model,
                project: value("project"), apiKey: value("api_key"), user: value("user"), template: value("template"),
                requests: try integer("requests") ?? 1, inputTokens: input, cachedInputTokens: cached, outputTokens: output, sourceCostUSD: cost,
                priceCostUSD: pricing.cost(model: model, inputTokens: input, cachedInputTokens: cached, outputTokens: output)))
        }
        return records
    }
}

import Foundation
import PromptLintKit

/// Langfuse observations (`GET /api/public/observations`, or the UI's JSON/CSV export): generation
/// observations carry `model`, `usageDetails`, `costDetails` and — the one common source that
/// links a call to a named prompt — `promptName`.
enum LangfuseObservations {
    static let requiredFields = ["id", "startTime", "model", "usageDetails"]

    static func records(json items: [JSONRecord], pricing: inout UsagePricing) throws(SourceError) -> [UsageRecord] {
        var records: [UsageRecord] = []
        for item in items {
            // Spans and events carry no usage; only generations are billed.
            if let type = try item.string("type"), type != "GENERATION" { continue }
            let details = try item.child("usageDetails")
            let usage = try usageFields(details != nil ? details : item.child("usage"))
            var cost = try item.number(anyOf: ["calculatedTotalCost", "totalCost"])
            if let costDetails = try item.child("costDetails"), let total = try costDetails.number("total") { cost = total }
            records.append(record(id: try item.requiredString("id"), start: try item.time("startTime"), model: try item.string("model"),
                                  promptName: try item.string("promptName"), usage: usage, cost: cost, pricing: &pricing))
        }
        return records
    }

    static func records(csv reader: inout CSVReader, header: [String], pricing: inout UsagePricing) throws(SourceError) -> [UsageRecord] {
        var records: [UsageRecord] = []
        var fields: [CSVReader.Field] = []
        while try reader.nextRow(into: &fields) {
            let row = CSVRow(reader: reader, header: header, fields: fields)
            try row.checkWidth()
            if let type = row["type"], type != "GENERATION" { continue }
            var usage = Usage()
            if let details = row["usageDetails"] {
                guard let object = try? JSONSerialization.jsonObject(with: Data(details.utf8)) as? [String: Any] else {
                    throw row.fail("usageDetails is not a JSON object")
                }
                usage = try usageFields(JSONRecord(object: object, place: "usageDetails", path: reader.path))
            } else {
                usage.input = try row.integer(anyOf: ["inputUsage", "promptTokens"]) ?? 0
                usage.output = try row.integer(anyOf: ["outputUsage", "completionTokens"]) ?? 0
            }
            var cost = try row.decimal(anyOf: ["calculatedTotalCost", "totalCost"])
            if let details = row["costDetails"] {
                guard let object = try? JSONSerialization.jsonObject(with: Data(details.utf8)) as? [String: Any] else {
                    throw row.fail("costDetails is not a JSON object")
                }
                cost = try JSONRecord(object: object, place: "costDetails", path: reader.path).number("total") ?? cost
            }
            guard let id = row["id"] else { throw row.fail("id is empty") }
            guard let startText = row["startTime"], let start = TimestampParser.unixSeconds(startText) else {
                throw row.fail("startTime '\(row["startTime"] ?? "")' is not a timestamp")
            }
            records.append(record(id: id, start: start, model: row["model"], promptName: row["promptName"], usage: usage, cost: cost, pricing: &pricing))
        }
        return records
    }

    struct Usage {
        var input: Int64 = 0
        var cacheRead: Int64 = 0
        var cacheWrite: Int64 = 0
        var output: Int64 = 0
    }

    /// Langfuse's usage keys: `input` and `output` (legacy `usage` also), plus provider-specific
    /// cache keys (`input_cached_tokens`, `cache_read_input_tokens`, `cache_creation_input_tokens`),
    /// which Langfuse counts apart from `input`.
    private static func usageFields(_ details: JSONRecord?) throws(SourceError) -> Usage {
        guard let details else { return Usage() }
        var usage = Usage()
        usage.input = try details.integer("input")
        usage.output = try details.integer("output")
        for key in details.object.keys.sorted() where key != "input" && key != "output" && key != "total" {
            let lower = key.lowercased()
            guard lower.contains("cache") else { continue }
            let count = try details.integer(key)
            if lower.contains("creation") || lower.contains("write") { usage.cacheWrite += count } else { usage.cacheRead += count }
        }
        return usage
    }

    private static func record(id: String, start: Int64, model: String?, promptName: String?, usage: Usage, cost: Double?,
                               pricing: inout UsagePricing) -> UsageRecord {
        let input = usage.input + usage.cacheRead + usage.cacheWrite
        return UsageRecord(
            source: UsageSource.langfuse.rawValue, key: id, provider: UsagePricing.provider(ofModel: model), startTime: start, model: model,
            template: promptName, requests: 1, inputTokens: input, cachedInputTokens: usage.cacheRead, cacheWriteTokens: usage.cacheWrite,
            outputTokens: usage.output, sourceCostUSD: cost,
            priceCostUSD: pricing.cost(model: model, inputTokens: input, cachedInputTokens: usage.cacheRead, outputTokens: usage.output))
    }
}

/// A CSV row read by column name, with `file:line` errors.
struct CSVRow {
    let reader: CSVReader
    let header: [String]
    let fields: [CSVReader.Field]

    func fail(_ message: String) -> SourceError {
        SourceError(path: reader.path, location: SourceLocation(offset: 0, line: reader.rowLine, column: 1), message: message)
    }

    func checkWidth() throws(SourceError) {
        guard fields.count == header.count else { throw fail("this row has \(fields.count) fields, the header has \(header.count)") }
    }

    /// The column's text; nil when the column is absent or the field empty.
    subscript(column: String) -> String? {
        guard let index = header.firstIndex(of: column), !fields[index].range.isEmpty else { return nil }
        return reader.string(fields[index])
    }

    func integer(_ column: String) throws(SourceError) -> Int64? {
        guard let text = self[column] else { return nil }
        guard let value = Int64(text) ?? Double(text).flatMap({ $0 == $0.rounded() && abs($0) < 9e18 ? Int64($0) : nil }), value >= 0 else {
            throw fail("\(column) '\(text)' is not a whole number")
        }
        return value
    }

    /// The integer in the first of `columns` that has a value.
    func integer(anyOf columns: [String]) throws(SourceError) -> Int64? {
        for column in columns { if let value = try integer(column) { return value } }
        return nil
    }

    func decimal(anyOf columns: [String]) throws(SourceError) -> Double? {
        for column in columns { if let value = try decimal(column) { return value } }
        return nil
    }

    func decimal(_ column: String) throws(SourceError) -> Double? {
        guard let text = self[column] else { return nil }
        guard let value = Double(text), value.isFinite else { throw fail("\(column) '\(text)' is not a number") }
        return value
    }
}

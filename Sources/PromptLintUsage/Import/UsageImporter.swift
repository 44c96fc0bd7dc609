import Foundation
import PromptLintKit

/// `usage import FILE...`: reads each file, detects its format from the content, turns it into
/// rows and stores them all in one transaction — any bad file or row and nothing is imported.
public struct UsageImporter {
    public var config: UsageConfig
    public var pricing: UsagePricing

    public init(config: UsageConfig, pricing: UsagePricing = UsagePricing()) {
        self.config = config
        self.pricing = pricing
    }

    /// What one file held.
    public struct FileSummary: Sendable, Equatable {
        public var path: String
        /// The format's source name (`litellm`, `generic:billing`, …).
        public var source: String
        public var rows: Int
    }

    public struct Summary: Sendable {
        public var files: [FileSummary] = []
        public var result = UsageStore.ImportResult()
        /// Template names the rows give that the library does not have, with their row counts.
        public var unknownTemplates: [(name: String, rows: Int)] = []
    }

    var attribution: LiteLLMSpendLogs.Attribution {
        .init(tagPrefix: config.templateTagPrefix, metadataKey: config.templateMetadataKey)
    }

    /// Parses one file into rows (nothing is stored).
    public mutating func parse(path: String, bytes: [UInt8]) throws -> (source: String, records: [UsageRecord]) {
        guard let first = bytes.first(where: { !($0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }) else {
            throw SourceError(path: path, location: nil, message: "the file is empty")
        }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return try parseJSON(path: path, bytes: bytes) }
        return try parseCSV(path: path, bytes: bytes)
    }

    private mutating func parseJSON(path: String, bytes: [UInt8]) throws(SourceError) -> (source: String, records: [UsageRecord]) {
        let document: Any
        do {
            document = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw SourceError(path: path, location: nil, message: "not valid JSON: \((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error.localizedDescription)")
        }
        let source = try FormatDetector.jsonSource(document, path: path)
        let root = JSONRecord(object: document as? [String: Any] ?? ["data": document], place: (document is [Any]) ? "" : "$", path: path)
        let records: [UsageRecord]
        switch source {
        case .openAIUsage: records = try ProviderReports.openAIUsage(root, pricing: &pricing)
        case .openAICosts: records = try ProviderReports.openAICosts(root)
        case .anthropicUsage: records = try ProviderReports.anthropicUsage(root, pricing: &pricing)
        case .anthropicCost: records = try ProviderReports.anthropicCost(root)
        case .langfuse: records = try LangfuseObservations.records(json: root.array("data"), pricing: &pricing)
        case .litellm: throw SourceError(path: path, location: nil, message: "LiteLLM spend logs are read from CSV or Postgres, not JSON")
        }
        return (source.rawValue, records)
    }

    private mutating func parseCSV(path: String, bytes: [UInt8]) throws -> (source: String, records: [UsageRecord]) {
        var reader = CSVReader(path: path, bytes: bytes)
        var fields: [CSVReader.Field] = []
        guard try reader.nextRow(into: &fields) else { throw SourceError(path: path, location: nil, message: "the file is empty") }
        let header = fields.map { reader.string($0).trimmingCharacters(in: .whitespaces) }
        let present = Set(header)
        if LiteLLMSpendLogs.requiredColumns.allSatisfy(present.contains) {
            var records: [UsageRecord] = []
            records.reserveCapacity(bytes.count / 200)
            try LiteLLMSpendLogs.csvRecords(&reader, header: header, attribution: attribution, pricing: &pricing) { records.append($0) }
            return (UsageSource.litellm.rawValue, records)
        }
        if FormatDetector.langfuseCSVColumns.allSatisfy(present.contains) {
            return (UsageSource.langfuse.rawValue, try LangfuseObservations.records(csv: &reader, header: header, pricing: &pricing))
        }
        if let mapping = config.csvFormats.first(where: { $0.columns.values.allSatisfy(present.contains) }) {
            return ("generic:" + mapping.name, try GenericCSV.records(&reader, header: header, mapping: mapping, pricing: &pricing))
        }
        let candidates = [FormatDetector.Signature(name: "LiteLLM_SpendLogs CSV", fields: LiteLLMSpendLogs.requiredColumns),
                          FormatDetector.Signature(name: "Langfuse observations CSV", fields: FormatDetector.langfuseCSVColumns)]
            + config.csvFormats.map { FormatDetector.Signature(name: "CSV format '\($0.name)' (usage.csv_formats)", fields: $0.columns.values.sorted()) }
        throw FormatDetector.unrecognised(path: path, kind: "CSV header", present: present, candidates: candidates)
    }

    /// Imports files in one transaction.
    public mutating func importFiles(_ paths: [String], into store: UsageStore, knownTemplates: Set<String>?) throws -> Summary {
        var summary = Summary()
        var all: [UsageRecord] = []
        for path in paths {
            let bytes: [UInt8]
            do {
                bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                throw SourceError(path: path, location: nil, message: "cannot read the file: \((error as NSError).localizedDescription)")
            }
            let (source, records) = try parse(path: path, bytes: bytes)
            summary.files.append(FileSummary(path: path, source: source, rows: records.count))
            all.append(contentsOf: records)
        }
        summary.result = try store.insert(all)
        summary.unknownTemplates = Self.unknownTemplates(in: all, known: knownTemplates)
        return summary
    }

    static func unknownTemplates(in records: [UsageRecord], known: Set<String>?) -> [(name: String, rows: Int)] {
        guard let known else { return [] }
        var counts: [String: Int] = [:]
        for record in records {
            if let name = record.template, !known.contains(name) { counts[name, default: 0] += 1 }
        }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}

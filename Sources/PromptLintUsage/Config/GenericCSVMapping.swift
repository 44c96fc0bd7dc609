import PromptLintKit

/// `usage.csv_formats`: a team's own CSV export, described by which column holds which field.
///
///     usage:
///       csv_formats:
///         - name: billing
///           columns: {time: date, model: model_name, input_tokens: prompt, output_tokens: completion,
///                     cost_usd: cost, template: prompt_name, request_id: id}
///
/// A file whose header has every mapped column is read with that mapping.
public struct GenericCSVMapping: Sendable, Equatable {
    public static let fields = ["time", "request_id", "model", "provider", "project", "api_key", "user", "template",
                                "requests", "input_tokens", "cached_input_tokens", "output_tokens", "cost_usd"]

    public var name: String
    /// Field → column header.
    public var columns: [String: String]

    public init(name: String, columns: [String: String]) {
        self.name = name
        self.columns = columns
    }

    static func list(_ node: YAMLNode?, reading: YAMLReading) throws(SourceError) -> [GenericCSVMapping] {
        guard let node, !reading.isNull(node) else { return [] }
        guard let items = node.sequence else { throw reading.fail(node, "'usage.csv_formats' must be a list, found \(node.typeDescription)") }
        var mappings: [GenericCSVMapping] = []
        for item in items {
            var name: String?
            var columns: [String: String] = [:]
            var columnsNode: YAMLNode?
            for (key, value) in try reading.pairs(item, "csv_formats[]", allowed: ["name", "columns"]) {
                if key == "name" { name = try reading.string(value, "name"); continue }
                columnsNode = value
                for (field, column) in try reading.pairs(value, "columns", allowed: fields) {
                    columns[field] = try reading.string(column, "columns.\(field)")
                }
            }
            guard let name else { throw reading.fail(item, "a CSV format needs a 'name'") }
            guard columns["time"] != nil else { throw reading.fail(columnsNode ?? item, "CSV format '\(name)' must map the 'time' column") }
            guard columns["model"] != nil || columns["cost_usd"] != nil else {
                throw reading.fail(columnsNode ?? item, "CSV format '\(name)' must map 'model' (to price tokens) or 'cost_usd'")
            }
            mappings.append(GenericCSVMapping(name: name, columns: columns))
        }
        return mappings
    }
}

import Foundation

/// Model prices and limits in the shape of LiteLLM's `model_prices_and_context_window.json`, the
/// table the field keeps up to date (MIT License, Copyright (c) 2023 Berri AI).
///
/// The built-in snapshot (`PriceTable.builtIn`, converted by `scripts/gen_prices.py`) and a newer
/// copy the user points at (`prices:` in `.promptlint.yml`, `--prices FILE`) end up in the same
/// form: tab-separated rows sorted by the UTF-8 bytes of the model name. A lookup binary-searches
/// the rows and parses only the row it finds, so a one-file lint never parses the ~3,500 rows.
///
/// Prices are USD per 1,000,000 tokens (LiteLLM gives USD per token), rounded to 10 significant
/// digits so that `2.5e-06` becomes exactly `2.5`.
public struct PriceTable: Sendable {
    /// One model's row.
    public struct Entry: Sendable, Equatable {
        /// The table's key, lower-cased ("gpt-4o", "azure/gpt-4o", "gemini/gemini-2.5-flash").
        public var name: String
        /// LiteLLM's `litellm_provider` ("openai", "anthropic", "vertex_ai-language-models", …).
        public var provider: String
        public var inputPerMillion: Double
        public var outputPerMillion: Double
        /// `cache_read_input_token_cost`: what a cached prompt token costs.
        public var cacheReadPerMillion: Double?
        /// `cache_creation_input_token_cost`: what writing a prompt token to the cache costs (Anthropic).
        public var cacheWritePerMillion: Double?
        public var batchInputPerMillion: Double?
        public var batchOutputPerMillion: Double?
        public var maxInputTokens: Int?
        public var maxOutputTokens: Int?
        /// `prompt_cache_min_tokens`: the shortest prefix the provider caches.
        public var promptCacheMinTokens: Int?
        public var supportsReasoning: Bool
        public var supportsPromptCaching: Bool
    }

    /// Where the prices come from, for reports ("litellm 1.110.2 (PyPI)" or a file path).
    public let source: String
    /// The day the prices were taken (the snapshot's date, or the file's modification day).
    public let date: String
    private let bytes: [UInt8]
    /// Offset of each row's first byte; rows end at the next "\n".
    private let rowStarts: [Int]
    /// Built on the first lookup that needs it (only unknown-looking names do).
    private let baseNames = BaseNameIndex()

    /// The snapshot bundled with promptlint (`PriceSnapshot.swift`).
    public static let builtIn = PriceTable(rows: snapshotRows, source: snapshotSource, date: snapshotDate)

    /// A table from rows in the snapshot's form, sorted by name (as `scripts/gen_prices.py` writes them).
    init(rows: String, source: String, date: String) {
        self.source = source
        self.date = date
        bytes = Array(rows.utf8)
        var starts: [Int] = []
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            if offset > start { starts.append(start) }
            start = offset + 1
        }
        if start < bytes.count { starts.append(start) }
        rowStarts = starts
    }

    public var count: Int { rowStarts.count }

    /// Provider paths whose prices are the model vendor's or a major cloud's.
    static let cloudPaths = ["openai/", "azure/", "anthropic/", "vertex_ai/", "gemini/", "bedrock/"]

    /// The row whose name is exactly `name` (lower-case), or nil.
    public func entry(named name: String) -> Entry? {
        let key = Array(name.utf8)
        var low = 0, high = rowStarts.count
        while low < high {
            let middle = (low + high) / 2
            switch compareName(row: middle, with: key) {
            case .orderedSame: return entry(row: middle)
            case .orderedAscending: low = middle + 1
            case .orderedDescending: high = middle
            }
        }
        return nil
    }

    /// Every row, in name order (for `promptlint models` and "did you mean" suggestions).
    public var entries: [Entry] { rowStarts.indices.compactMap(entry(row:)) }

    /// The row for a name written without a provider path that the table only has under a
    /// first-party or cloud provider's path ("claude-3-5-haiku" → "vertex_ai/claude-3-5-haiku"):
    /// the shortest such key wins. Resellers' paths are not used: their prices are their own.
    public func entry(baseName: String) -> Entry? {
        baseNames.index(of: self)[baseName].flatMap { entry(named: $0) }
    }

    /// Every model name, in order, without parsing prices.
    public var names: [String] {
        rowStarts.indices.map { row in
            let start = rowStarts[row]
            let end = bytes[start...].firstIndex(where: { $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") }) ?? bytes.count
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
    }

    private func compareName(row: Int, with key: [UInt8]) -> ComparisonResult {
        var index = rowStarts[row]
        for byte in key {
            guard index < bytes.count, bytes[index] != UInt8(ascii: "\t") else { return .orderedAscending }
            if bytes[index] != byte { return bytes[index] < byte ? .orderedAscending : .orderedDescending }
            index += 1
        }
        return index < bytes.count && bytes[index] != UInt8(ascii: "\t") ? .orderedDescending : .orderedSame
    }

    private func entry(row: Int) -> Entry? {
        let start = rowStarts[row]
        let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        let cells = bytes[start..<end].split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard cells.count == Column.count, let input = Double(cells[Column.input]), let output = Double(cells[Column.output]) else { return nil }
        return Entry(
            name: cells[Column.name], provider: cells[Column.provider],
            inputPerMillion: input, outputPerMillion: output,
            cacheReadPerMillion: Double(cells[Column.cacheRead]), cacheWritePerMillion: Double(cells[Column.cacheWrite]),
            batchInputPerMillion: Double(cells[Column.batchInput]), batchOutputPerMillion: Double(cells[Column.batchOutput]),
            maxInputTokens: Int(cells[Column.maxInput]), maxOutputTokens: Int(cells[Column.maxOutput]),
            promptCacheMinTokens: Int(cells[Column.cacheMinimum]),
            supportsReasoning: cells[Column.reasoning] == "1", supportsPromptCaching: cells[Column.caching] == "1")
    }

    /// Column positions of a row (the order `scripts/gen_prices.py` writes).
    enum Column {
        static let name = 0, provider = 1, input = 2, output = 3, cacheRead = 4, cacheWrite = 5, batchInput = 6, batchOutput = 7
        static let maxInput = 8, maxOutput = 9, cacheMinimum = 10, reasoning = 11, caching = 12
        static let count = 13
    }
}

/// Name without provider path → the shortest full key, computed once per table.
private final class BaseNameIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var built: [String: String]?

    func index(of table: PriceTable) -> [String: String] {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        var index: [String: String] = [:]
        for name in table.names where PriceTable.cloudPaths.contains(where: { name.hasPrefix($0) }) {
            let base = ModelOverlay.baseName(name)
            if let current = index[base], (current.count, current) <= (name.count, name) { continue }
            index[base] = name
        }
        built = index
        return index
    }
}

// MARK: Reading a LiteLLM JSON file

extension PriceTable {
    /// The modes whose models are priced per text token (images, audio and embeddings are left out).
    static let textModes: Set<String> = ["chat", "completion", "responses"]
    static let priceKeys = ["input_cost_per_token", "output_cost_per_token", "cache_read_input_token_cost",
                            "cache_creation_input_token_cost", "input_cost_per_token_batches", "output_cost_per_token_batches"]
    static let integerKeys = ["max_input_tokens", "max_output_tokens", "prompt_cache_min_tokens"]
    static let booleanKeys = ["supports_reasoning", "supports_prompt_caching"]

    /// Reads a copy of LiteLLM's `model_prices_and_context_window.json` (the same filter and columns
    /// as `scripts/gen_prices.py`).
    public static func load(litellmFile path: String) throws(SourceError) -> PriceTable {
        let file = try SourceFile.read(path: path)
        let day: String
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path), let modified = attributes[.modificationDate] as? Date {
            day = String(ISO8601DateFormatter().string(from: modified).prefix(10))
        } else {
            day = "unknown date"
        }
        return try parse(litellmJSON: Data(file.bytes), path: path, date: day)
    }

    public static func parse(litellmJSON data: Data, path: String, date: String) throws(SourceError) -> PriceTable {
        let table: [String: LiteLLMEntry]
        do {
            table = try JSONDecoder().decode([String: LiteLLMEntry].self, from: data)
        } catch {
            throw SourceError(path: path, location: jsonErrorLocation(error, in: data),
                              message: "not a LiteLLM price file (an object of model name to prices): \(jsonErrorSummary(error))")
        }
        var rows: [String: [String]] = [:]
        for (name, entry) in table where name != "sample_spec" {
            guard let mode = entry.strings["mode"], textModes.contains(mode),
                  entry.numbers["input_cost_per_token"] != nil, entry.numbers["output_cost_per_token"] != nil,
                  !name.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { continue }
            let key = name.lowercased()
            var cells = [key, entry.strings["litellm_provider"] ?? ""]
            cells += priceKeys.map { entry.numbers[$0].map { "\(perMillion($0))" } ?? "" }
            cells += integerKeys.map { entry.numbers[$0].flatMap { $0 > 0 && $0 < 1e15 ? String(Int($0)) : nil } ?? "" }
            cells += booleanKeys.map { entry.booleans[$0] == true ? "1" : "" }
            if rows[key] == nil { rows[key] = cells }
        }
        let sorted = rows.values.sorted { $0[0].utf8.lexicographicallyPrecedes($1[0].utf8) }
        return PriceTable(rows: sorted.map { $0.joined(separator: "\t") }.joined(separator: "\n"), source: path, date: date)
    }

    /// USD per token → USD per 1M tokens, rounded to 10 significant digits (2.5e-06 → 2.5).
    public static func perMillion(_ perToken: Double) -> Double {
        Double(String(format: "%.10g", perToken * 1_000_000)) ?? perToken * 1_000_000
    }

    /// The members of one entry that promptlint reads, by JSON type. A member of another type
    /// (LiteLLM's `sample_spec` documents fields with strings) is ignored, as the Python
    /// converter ignores it.
    struct LiteLLMEntry: Decodable {
        var numbers: [String: Double] = [:]
        var strings: [String: String] = [:]
        var booleans: [String: Bool] = [:]

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            guard let container = try? decoder.container(keyedBy: Key.self) else { return }
            for key in [PriceTable.priceKeys, PriceTable.integerKeys].joined() {
                // Bool first: a JSON `true` must not count as the number 1.
                if (try? container.decode(Bool.self, forKey: Key(stringValue: key))) == nil,
                   let value = try? container.decode(Double.self, forKey: Key(stringValue: key)) { numbers[key] = value }
            }
            for key in PriceTable.booleanKeys {
                if let value = try? container.decode(Bool.self, forKey: Key(stringValue: key)) { booleans[key] = value }
            }
            for key in ["mode", "litellm_provider"] {
                if let value = try? container.decode(String.self, forKey: Key(stringValue: key)) { strings[key] = value }
            }
        }
    }

    private static func jsonErrorSummary(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return (context.underlyingError.map { "\($0)" } ?? context.debugDescription)
        }
        if case DecodingError.typeMismatch(_, let context) = error { return context.debugDescription }
        return "\(error)"
    }

    /// Foundation says "around line N, column M" (or "character N") in its parse errors.
    private static func jsonErrorLocation(_ error: Error, in data: Data) -> SourceLocation {
        let text = "\(error)"
        func value(after marker: String) -> Int? {
            guard let range = text.range(of: marker) else { return nil }
            return Int(text[range.upperBound...].prefix(while: \.isNumber))
        }
        if let line = value(after: "line "), let column = value(after: "column ") {
            return SourceLocation(offset: 0, line: line, column: max(1, column))
        }
        if let character = value(after: "character ") {
            let prefix = data.prefix(character)
            let line = prefix.filter { $0 == UInt8(ascii: "\n") }.count + 1
            let column = character - (prefix.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
            return SourceLocation(offset: character, line: line, column: column)
        }
        return SourceLocation(offset: 0, line: 1, column: 1)
    }
}

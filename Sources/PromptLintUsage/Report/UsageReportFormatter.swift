import PromptLintKit

/// Writes a usage report as text, JSON (`{"from", "to", "rows": [...], "total": {...}}`) or CSV.
public enum UsageReportFormatter {
    /// Costs are rounded to a millionth of a dollar, so sums print without binary noise.
    static func dollars(_ value: Double) -> Double { (value * 1_000_000).rounded() / 1_000_000 }

    static func fields(_ totals: UsageTotals) -> [(String, JSONValue)] {
        [("requests", .int(Int(totals.requests))), ("input_tokens", .int(Int(totals.inputTokens))),
         ("cached_input_tokens", .int(Int(totals.cachedInputTokens))), ("output_tokens", .int(Int(totals.outputTokens))),
         ("cost_usd", .double(dollars(totals.costUSD)))]
    }

    public static func json(_ report: UsageReport) -> String {
        let rows = report.rows.map { JSONValue.object([("key", .string($0.key))] + fields($0.totals)) }
        return JSONValue.object([
            ("from", report.from.map { .string($0.description) } ?? .null),
            ("to", report.to.map { .string($0.description) } ?? .null),
            ("rows", .array(rows)),
            ("total", .object(fields(report.total))),
        ]).serialized() + "\n"
    }

    public static func csv(_ report: UsageReport) -> String {
        var out = "key,requests,input_tokens,cached_input_tokens,output_tokens,cost_usd\n"
        for row in report.rows {
            let t = row.totals
            out += "\(csvField(row.key)),\(t.requests),\(t.inputTokens),\(t.cachedInputTokens),\(t.outputTokens),\(money(t.costUSD, digits: 6))\n"
        }
        return out
    }

    public static func text(_ report: UsageReport, unknownTemplates: [String] = []) -> String {
        let range = "\(report.from?.description ?? "-") … \(report.to?.description ?? "-")"
        var table: [[String]] = [[report.dimension.rawValue, "requests", "input", "cached", "output", "cost USD"]]
        for row in report.rows {
            let t = row.totals
            table.append([row.key, String(t.requests), String(t.inputTokens), String(t.cachedInputTokens), String(t.outputTokens), money(t.costUSD, digits: 4)])
        }
        let t = report.total
        table.append(["total", String(t.requests), String(t.inputTokens), String(t.cachedInputTokens), String(t.outputTokens), money(t.costUSD, digits: 4)])
        var out = "Usage by \(report.dimension.rawValue), \(range) (UTC)\n\n" + TextTable.render(table)
        if !unknownTemplates.isEmpty {
            out += "\nNot in the library: \(unknownTemplates.joined(separator: ", "))\n"
        }
        return out
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func money(_ value: Double, digits: Int) -> String {
        let scale = Double((0..<digits).reduce(1) { r, _ in r * 10 })
        let rounded = (value * scale).rounded() / scale
        var text = String(Int64(rounded.rounded(.towardZero)))
        if rounded < 0, text == "0" { text = "-0" }
        guard digits > 0 else { return text }
        let fraction = Int64((abs(rounded) * scale).rounded()) % Int64(scale)
        let digitsText = String(fraction)
        return text + "." + String(repeating: "0", count: digits - digitsText.count) + digitsText
    }
}

/// Left-aligned first column, right-aligned numbers, two spaces apart; the last row is a total.
enum TextTable {
    static func render(_ rows: [[String]], lastIsTotal: Bool = true) -> String {
        guard let first = rows.first else { return "" }
        var widths = Array(repeating: 0, count: first.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        var out = ""
        for (index, row) in rows.enumerated() {
            if lastIsTotal, index == rows.count - 1, rows.count > 1 {
                out += String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1)) + "\n"
            }
            let cells = row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return i == 0 ? cell + pad : pad + cell
            }
            out += cells.joined(separator: "  ").trimmingTrailingWhitespace() + "\n"
        }
        return out
    }
}

import Foundation

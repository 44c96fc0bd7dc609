import Foundation
import PromptLintKit

/// Tells which export a file is from its content, never its name: JSON reports by the fields of
/// their buckets and results, CSV files by their header. A file that matches nothing is an error
/// that names the closest format and the fields it lacks.
enum FormatDetector {
    /// The fields that identify each format (all must be present), at the levels they live on.
    struct Signature {
        var name: String
        var fields: [String]
    }

    static let jsonSignatures: [(UsageSource, Signature)] = [
        (.openAIUsage, Signature(name: UsageSource.openAIUsage.displayName, fields: ["data", "start_time", "results", "input_tokens", "output_tokens", "num_model_requests"])),
        (.openAICosts, Signature(name: UsageSource.openAICosts.displayName, fields: ["data", "start_time", "results", "amount"])),
        (.anthropicUsage, Signature(name: UsageSource.anthropicUsage.displayName, fields: ["data", "starting_at", "results", "uncached_input_tokens", "output_tokens"])),
        (.anthropicCost, Signature(name: UsageSource.anthropicCost.displayName, fields: ["data", "starting_at", "results", "amount", "currency"])),
        (.langfuse, Signature(name: UsageSource.langfuse.displayName, fields: LangfuseObservations.requiredFields)),
    ]

    static let langfuseCSVColumns = ["id", "startTime", "model", "promptName"]

    /// The field names present in a JSON document at the levels the signatures look at: the top
    /// object, the first bucket (or observation) and the first result of the first bucket with any.
    static func fieldNames(_ document: Any) -> Set<String> {
        var names = Set<String>()
        var items: [Any] = []
        if let object = document as? [String: Any] {
            names.formUnion(object.keys)
            items = object["data"] as? [Any] ?? []
        } else if let array = document as? [Any] {
            items = array
        }
        for item in items.prefix(50) {
            guard let object = item as? [String: Any] else { continue }
            names.formUnion(object.keys)
            if let results = object["results"] as? [Any], let first = results.first as? [String: Any] {
                names.formUnion(first.keys)
                break
            }
        }
        return names
    }

    /// The format whose fields are all present, or the error naming the closest.
    static func jsonSource(_ document: Any, path: String) throws(SourceError) -> UsageSource {
        let names = fieldNames(document)
        if let match = jsonSignatures.first(where: { $0.1.fields.allSatisfy(names.contains) }) { return match.0 }
        throw unrecognised(path: path, kind: "JSON", present: names, candidates: jsonSignatures.map(\.1))
    }

    static func unrecognised(path: String, kind: String, present: Set<String>, candidates: [Signature]) -> SourceError {
        let best = candidates.max { lhs, rhs in
            score(lhs, present) < score(rhs, present)
        }!
        let missing = best.fields.filter { !present.contains($0) }
        return SourceError(path: path, location: nil, message:
            "not a usage export promptlint reads (\(kind)); closest format: \(best.name), missing fields: \(missing.joined(separator: ", "))")
    }

    /// The share of a signature's fields present (ties: the earlier signature).
    private static func score(_ signature: Signature, _ present: Set<String>) -> Double {
        Double(signature.fields.filter(present.contains).count) / Double(signature.fields.count)
    }
}

import Foundation

/// PL501: two templates of the library whose text is nearly the same.
struct NearDuplicateTemplateRule: LibraryRule {
    static let definition = RuleDefinition(RuleDescription(
        code: "PL501", identifier: "near_duplicate_template", family: .library,
        summary: "Two templates are near-duplicates: merge them or make their difference explicit.",
        explanation: """
        ## What it does
        Compares the message text of every pair of templates in the library (word 3-shingles, MinHash candidates,
        exact Jaccard similarity) and reports pairs at or above `threshold` (default 0.85) on the later template,
        pointing at the other one.

        ## Why is this bad?
        Copies drift: a fix to the wording, the output limit or the JSON rules lands in one copy and not the other,
        and both are paid for in evaluation and review. One template with a variable (or a partial for the shared
        part) is cheaper to keep right.
        """,
        defaultSeverity: .warning,
        options: [RuleOptionSpec("threshold", .number, default: "0.85", "Jaccard similarity (0–1) from which two templates are reported.")],
        triggeringExamples: [
            .library("""
            === prompts/support/summary.yml ===
            description: Summarize a ticket.
            messages:
              - role: system
                content: Summarize the support ticket for the escalation queue in at most three short bullet points, citing the customer's own words.
              - role: user
                content: "{{ticket}}"
            === prompts/support/summary-copy.yml ===
            «description»: Summarize a ticket (copy).
            messages:
              - role: system
                content: Summarize the support ticket for the escalation queue in at most three short bullet points, citing the customer's own words.
              - role: user
                content: "{{ticket}}"
            """),
            .library("""
            === prompts/a.yml ===
            template: Translate the text into French, keep the formatting and the product names, and answer with the translation only.
            === prompts/b.yml ===
            «template»: Translate the text into German, keep the formatting and the product names, and answer with the translation only.
            """, options: ["threshold": "0.5"]),
        ],
        nonTriggeringExamples: [
            .library("""
            === prompts/a.yml ===
            template: Translate the text into French, keep the formatting and the product names, and answer with the translation only.
            === prompts/b.yml ===
            template: Translate the text into German, keep the formatting and the product names, and answer with the translation only.
            """),
            .library("""
            === prompts/summary.yml ===
            template: Summarize the support ticket for the escalation queue in at most three short bullet points.
            === prompts/review.yml ===
            template: Review the diff for bugs, security problems and missing tests; list each finding with its line.
            """),
        ]
    )) { options in NearDuplicateTemplateRule(threshold: options.number("threshold") ?? 0.85) }

    var threshold: Double

    var description: RuleDescription { Self.definition.description }

    func checkLibrary(_ templates: [TemplateContext]) -> [Finding] {
        // A plain-text prompt given on the command line is not part of a library.
        let contexts = templates.filter { $0.template.format != .plainText }
        guard contexts.count > 1 else { return [] }
        let index = SimilarityIndex(templates: contexts.map(\.template))
        return index.pairs(threshold: threshold).map { pair in
            let first = contexts[pair.first], later = contexts[pair.second]
            let score = String(format: "%.2f", pair.score)
            var finding = later.finding(templateStart: "template '\(later.template.name)' is a near-duplicate of '\(first.template.name)' (\(first.file.path)), similarity \(score): merge them or make the difference explicit")
            let other = first.finding(templateStart: "")
            finding.related = [(range: other.range, file: first.file, message: "'\(first.template.name)' is here")]
            return finding
        }
    }
}

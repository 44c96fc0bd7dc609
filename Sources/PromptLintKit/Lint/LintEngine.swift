import Foundation

/// Runs the active rules over templates and turns findings into located, suppressed, sorted
/// diagnostics. Templates are checked on all cores.
public struct LintEngine: Sendable {
    public let configuration: LintConfiguration

    public init(configuration: LintConfiguration) {
        self.configuration = configuration
    }

    public func lint(_ templates: [PromptTemplate]) -> [Diagnostic] {
        let perTemplate = ConcurrentResults<[Diagnostic]>(count: templates.count)
        // Each context (prose masks, sentences, source maps) lives only while its template is
        // checked, so memory stays flat however large the library.
        DispatchQueue.concurrentPerform(iterations: templates.count) { index in
            perTemplate.set(index, lint(TemplateContext(template: templates[index], settings: configuration.settings)))
        }
        let diagnostics = perTemplate.values.flatMap { $0 } + libraryDiagnostics(templates)
        return diagnostics.sorted(by: Diagnostic.ordered)
    }

    /// Lints the templates of some files (an editor buffer, the files given to pre-commit): every
    /// rule on `templates`, and the library-wide rules over `library` (which holds `templates` in
    /// place of the saved files), keeping only findings in those files, or with `includingRelated`
    /// also findings elsewhere that point at them (the first of two near-duplicates).
    public func lint(_ templates: [PromptTemplate], within library: [PromptTemplate], includingRelated: Bool = false) -> [Diagnostic] {
        var diagnostics = templates.flatMap { lint(TemplateContext(template: $0, settings: configuration.settings)) }
        let files = Set(templates.map { ObjectIdentifier($0.file) })
        diagnostics += libraryDiagnostics(library) { finding in
            files.contains(ObjectIdentifier(finding.file))
                || (includingRelated && finding.related.contains { files.contains(ObjectIdentifier($0.file)) })
        }
        return diagnostics.sorted(by: Diagnostic.ordered)
    }

    /// Findings of the library-wide rules, which see every template at once.
    func libraryDiagnostics(_ templates: [PromptTemplate], keeping keep: (Finding) -> Bool = { _ in true }) -> [Diagnostic] {
        let libraryRules = configuration.active.filter { $0.rule is any LibraryRule }
        guard !libraryRules.isEmpty else { return [] }
        let contexts = templates.map { TemplateContext(template: $0, settings: configuration.settings) }
        var diagnostics: [Diagnostic] = []
        for active in libraryRules {
            guard let rule = active.rule as? any LibraryRule else { continue }
            for finding in rule.checkLibrary(contexts) where keep(finding) {
                guard let context = contexts.first(where: { $0.template.name == finding.template }) ?? contexts.first(where: { $0.file === finding.file }) else { continue }
                if let diagnostic = diagnose(finding, rule: rule, severity: active.severity, context: context, suppressions: Suppressions(template: context.template)) {
                    diagnostics.append(diagnostic)
                }
            }
        }
        return diagnostics
    }

    func lint(_ context: TemplateContext) -> [Diagnostic] {
        let suppressions = Suppressions(template: context.template)
        var diagnostics: [Diagnostic] = []
        for active in configuration.active where !(active.rule is any LibraryRule) {
            let rule = active.rule
            if context.template.disabledRules.contains(rule.code) || context.template.disabledRules.contains(rule.identifier) { continue }
            for finding in rule.check(context) {
                if let diagnostic = diagnose(finding, rule: rule, severity: active.severity, context: context, suppressions: suppressions) {
                    diagnostics.append(diagnostic)
                }
            }
        }
        return diagnostics
    }

    func diagnose(_ finding: Finding, rule: any Rule, severity: Severity, context: TemplateContext, suppressions: Suppressions) -> Diagnostic? {
        if context.template.disabledRules.contains(rule.code) || context.template.disabledRules.contains(rule.identifier) { return nil }
        if suppressions.isSuppressed(code: rule.code, identifier: rule.identifier, range: finding.range) { return nil }
        let file = finding.file
        return Diagnostic(code: rule.code, rule: rule.identifier, severity: severity, message: finding.message, path: file.path,
                          range: finding.range, start: file.location(ofByte: finding.range.lowerBound),
                          end: file.location(ofByte: finding.range.upperBound), fix: finding.fix,
                          related: finding.related.map { RelatedLocation(path: $0.file.path, range: $0.range, start: $0.file.location(ofByte: $0.range.lowerBound), message: $0.message) },
                          template: finding.template ?? context.template.name, tokensSaved: finding.tokensSaved)
    }
}

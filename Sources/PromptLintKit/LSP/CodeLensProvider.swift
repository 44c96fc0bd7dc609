/// `textDocument/codeLens`: exact token counts and cost, above each template (what one call costs:
/// prompt with chat framing at the input price, the output limit at the output price) and above
/// each message (its tokens at the input price); with a volume, the template's cost per month as
/// `promptlint cost` gives it. Display only: the lenses run no command.
enum CodeLensProvider {
    static func codeLenses(_ params: JSONValue, session: LSPSession) -> JSONValue {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, let analysis = session.analysis(uri: uri) else { return .array([]) }
        let settings = analysis.engine.configuration.settings
        let estimator = settings.costEstimator
        var lenses: [JSONValue] = []
        for template in analysis.templates {
            let model = ModelResolution(template.model ?? settings.defaultModel, registry: settings.registry)
            let estimate = model.isEstimate ? " (estimate)" : ""
            let report = template.format == .plainText
                ? TokenReport.text(template.fullText, name: template.name, model: model)
                : TokenReport.messages(template.messages.map { ($0.role.rawValue, $0.text) }, name: template.name, model: model, outputLimit: template.maxOutputTokens)
            var title = summary(report, estimate: estimate)
            // With a volume (calls_per_month, or default_calls_per_month in the config): the month's
            // cost, the same figure as `promptlint cost` (typical output and variable sizes).
            if template.format != .plainText, model.info != nil {
                let monthly = estimator.estimate(template)
                if monthly.callsPerMonth > 0 {
                    title += " · \(Money.format(monthly.costPerMonth))/month at \(CostReport.grouped(monthly.callsPerMonth)) calls"
                }
            }
            lenses.append(lens(at: template.range.lowerBound, in: analysis.file, title: title))
            guard template.format != .plainText, let info = model.info else { continue }
            for (message, part) in zip(template.messages, report.parts) {
                let cost = CallCost.perCall(model: info, promptTokens: part.tokens, outputTokens: 0)
                lenses.append(lens(at: message.source.range.lowerBound, in: analysis.file,
                                   title: "\(part.label): \(part.tokens) tokens\(estimate) · \(Money.format(cost.inputCost)) per call"))
            }
        }
        return .array(lenses)
    }

    static func summary(_ report: TokenReport, estimate: String) -> String {
        let prompt = report.tokens + (report.chatOverhead ?? 0)
        var title = "\(report.model.info?.name ?? report.model.requested): \(prompt) prompt tokens\(estimate)"
        guard let cost = report.cost else { return title + " · no price known" }
        title += " · \(Money.format(cost.total)) per call"
        title += report.outputLimit.map { " (incl. \($0) output tokens)" } ?? " (input only: no output limit)"
        return title
    }

    static func lens(at offset: Int, in file: SourceFile, title: String) -> JSONValue {
        let position = file.lspPosition(ofByte: offset)
        return .object([
            ("range", LSPRange(start: position, end: position).json),
            ("command", .object([("title", .string(title)), ("command", .string(""))])),
        ])
    }
}

/// The monthly savings the cost rules find on a template, for `cost` (each template's `savings`)
/// and `cost --savings`: the same arithmetic as the rules' messages.
public enum CostLevers {
    /// PL602 (caching order) and PL603 (model tier) on one template, at its volume.
    public static func savings(_ template: PromptTemplate, estimator: CostEstimator) -> [TemplateCost.Saving] {
        let sent = SentPrompt(template, library: estimator.library)
        var savings: [TemplateCost.Saving] = []
        let cost = estimator.estimate(template, sent: sent)
        if let info = cost.modelInfo, let lever = CacheUnfriendlyPrefixRule.lever(sent, model: info) {
            savings.append(.init(rule: "PL602", what: "move '{{\(lever.part.name)}}' after the \(lever.staticAfter) static tokens that follow it",
                                 usdPerMonth: lever.savedPerCall * Double(cost.callsPerMonth)))
        }
        if let (now, cheaper) = PremiumModelForRoutineTaskRule.lever(template, sent: sent, estimator: estimator) {
            savings.append(.init(rule: "PL603", what: "\(now.model) → \(cheaper.model) for a routine task", usdPerMonth: now.costPerMonth - cheaper.costPerMonth))
        }
        return savings
    }
}

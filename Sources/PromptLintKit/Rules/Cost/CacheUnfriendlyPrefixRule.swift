/// PL602: a variable placed before a static block that would otherwise be cached.
struct CacheUnfriendlyPrefixRule: Rule {
    static let definition = RuleDefinition(RuleDescription(
        code: "PL602", identifier: "cache_unfriendly_prefix", family: .cost,
        summary: "Dynamic content before a long static block: every call misses the provider's prompt cache.",
        explanation: """
        ## What it does
        Providers cache the longest static *prefix* of a prompt: OpenAI automatically from 1,024 tokens
        (in 128-token steps), Anthropic at `cache_control` breakpoints from 1,024–4,096 tokens depending on
        the model, Gemini 2.5+ implicitly from 1,024 (Flash) or 4,096 (Pro). The rule finds the first
        variable (`{{today}}`, `{{user_id}}`, `{{#section}}`) and measures the static text after it in the
        same message: when moving the variable after that text would let the cached prefix reach the
        model's minimum (or grow), it reports the tokens that would be cached and the monthly saving at the
        cache-read price and the template's volume. Minimums and cache prices come from the price table.

        ## Why is this bad?
        Cached input costs 50–90% less. A date, an ID or a user value at the top of a long system prompt
        makes every request a cache miss, so the whole static prompt is paid at full price on every call.

        ## Fix
        Move the dynamic part after the static block ("Today is {{date}}." as the last line, the user's
        data in the user message). No automatic fix: the order of instructions can matter to the answer.
        """,
        defaultSeverity: .warning,
        triggeringExamples: [
            .template("model: gpt-4o\nmax_output_tokens: 100\ncalls_per_month: 10000\nvariables: {today: {default: 2026-12-03}}\nmessages:\n  - role: system\n    content: |\n      Today is «{{today}}».\n" + String(repeating: "      Answer in English and cite the policy section you relied on.\n", count: 100)),
        ],
        nonTriggeringExamples: [
            .template("model: gpt-4o\nmax_output_tokens: 100\nvariables: {today: {default: 2026-12-03}}\nmessages:\n  - role: system\n    content: |\n" + String(repeating: "      Answer in English and cite the policy section you relied on.\n", count: 100) + "      Today is {{today}}.\n"),
            .template("model: gpt-4o\nmax_output_tokens: 100\nvariables: {today: {default: 2026-12-03}}\nmessages:\n  - role: system\n    content: |\n      Today is {{today}}. Answer in English and cite the policy section.\n"),
        ]
    )) { _ in CacheUnfriendlyPrefixRule() }

    var description: RuleDescription { Self.definition.description }

    /// What reordering would cache: the first dynamic part, the static tokens after it, and the
    /// cached prefix now and with the part moved after them.
    struct Lever {
        var message: Int
        var part: SentPrompt.DynamicPart
        var staticAfter: Int
        var cachedNow: Int
        var cachedIfMoved: Int
        /// USD saved per call: the newly cached tokens at the input price minus the cache-read price.
        var savedPerCall: Double
    }

    static func lever(_ sent: SentPrompt, model info: ModelInfo) -> Lever? {
        guard let cacheRead = info.cacheReadPricePerMillion, info.promptCacheMinTokens != nil,
              let index = sent.messages.firstIndex(where: { !$0.dynamicParts.isEmpty }) else { return nil }
        let message = sent.messages[index]
        let first = message.dynamicParts[0]
        let tokenizer = Tokenizer.shared(info.encoding)
        let bytes = Array(message.text.utf8)
        let blockEnd = message.dynamicParts.count > 1 ? message.dynamicParts[1].offset : bytes.count
        let staticAfter = tokenizer.count(String(decoding: bytes[first.valueEnd..<max(first.valueEnd, blockEnd)], as: UTF8.self))
        let prefixNow = sent.staticPrefixTokens(tokenizer)
        let cachedNow = CostEstimator.cachedTokens(prefix: prefixNow, model: info)
        let cachedIfMoved = CostEstimator.cachedTokens(prefix: prefixNow + staticAfter, model: info)
        guard cachedIfMoved > cachedNow else { return nil }
        return Lever(message: index, part: first, staticAfter: staticAfter, cachedNow: cachedNow, cachedIfMoved: cachedIfMoved,
                     savedPerCall: Double(cachedIfMoved - cachedNow) * (info.inputPricePerMillion - cacheRead) / 1_000_000)
    }

    func check(_ context: TemplateContext) -> [Finding] {
        guard let info = context.model.info, let lever = Self.lever(context.sentPrompt, model: info) else { return [] }
        let cost = context.costEstimator.estimate(context.template, sent: context.sentPrompt)
        var text = "'{{\(lever.part.name)}}' comes before \(lever.staticAfter) static tokens: every call misses the prompt cache "
            + "(\(info.name) caches prefixes from \(info.promptCacheMinTokens ?? 0) tokens); placed after them, \(lever.cachedIfMoved) tokens would be read from the cache"
            + " at \(Money.format(info.cacheReadPricePerMillion ?? 0)) instead of \(Money.format(info.inputPricePerMillion)) per 1M: \(Money.format(lever.savedPerCall * 1000)) per 1,000 calls"
        if cost.callsDeclared { text += ", \(Money.format(lever.savedPerCall * Double(cost.callsPerMonth)))/month at \(CostReport.grouped(cost.callsPerMonth)) calls" }
        return [context.finding(message: lever.message, range: lever.part.tagRange, text)]
    }
}

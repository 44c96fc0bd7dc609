/// What one template costs per call and per month, and what caching saves: plain arithmetic over
/// the price table, so anyone can recompute it.
///
/// - input tokens: the exact count of a typical call's prompt (`SentPrompt`: defaults inserted,
///   `typical_tokens` added, chat framing included);
/// - output tokens: `expected_output_tokens`, else `max_output_tokens` (an upper bound), else 0;
/// - calls per month: `calls_per_month`, else `default_calls_per_month` from the config, else 0;
/// - cost per call = input × input price + output × output price (prices per 1M tokens / 1,000,000);
/// - cached input tokens: the static prefix, when it reaches the model's prompt-cache minimum
///   (OpenAI caches in 128-token steps); with cache = uncached input × input price + cached ×
///   cache-read price + output. Cache writes are left out: one write per cache lifetime is
///   negligible at monthly volumes.
public struct TemplateCost: Sendable {
    /// One lever's monthly saving on this template.
    public struct Saving: Sendable, Equatable {
        /// The rule code that finds it ("PL601"), or "wording" for the safe wording fixes.
        public var rule: String
        public var what: String
        public var usdPerMonth: Double
        public init(rule: String, what: String, usdPerMonth: Double) {
            self.rule = rule
            self.what = what
            self.usdPerMonth = usdPerMonth
        }
    }

    public var name: String
    public var file: String
    /// The model as resolved (the table's name), or as written when unknown.
    public var model: String
    public var modelInfo: ModelInfo?
    public var tags: [String]
    public var team: String?
    public var inputTokens: Int
    public var outputTokens: Int
    /// True when the output is the cap (`max_output_tokens`), not the declared typical answer.
    public var outputIsUpperBound: Bool
    public var callsPerMonth: Int
    /// False when no volume was declared (template or config): the monthly figures are then 0.
    public var callsDeclared: Bool
    public var cachedInputTokens: Int
    /// What the figures assume, for people ("variable 'ticket' counted as 0 tokens", …).
    public var notes: [String]
    public var savings: [Saving] = []

    /// USD per call (0 for an unknown model).
    public var costPerCall: Double {
        guard let info = modelInfo else { return 0 }
        return (Double(inputTokens) * info.inputPricePerMillion + Double(outputTokens) * info.outputPricePerMillion) / 1_000_000
    }

    public var costPerMonth: Double { costPerCall * Double(callsPerMonth) }

    /// USD per call with the static prefix read from the prompt cache.
    public var costPerCallWithCache: Double {
        guard let info = modelInfo else { return 0 }
        let cacheRead = info.cacheReadPricePerMillion ?? info.inputPricePerMillion
        let uncached = Double(inputTokens - cachedInputTokens) * info.inputPricePerMillion
        return (uncached + Double(cachedInputTokens) * cacheRead + Double(outputTokens) * info.outputPricePerMillion) / 1_000_000
    }

    public var costPerMonthWithCache: Double { costPerCallWithCache * Double(callsPerMonth) }

    /// Token counts are estimates (the model's tokenizer is not public, or the model is unknown).
    public var isEstimate: Bool { modelInfo?.countsAreEstimates ?? true }
}

/// Prices templates. Other features (usage import, reports) call it with the registry they use.
///
/// ```swift
/// let estimator = CostEstimator(registry: .builtIn, defaultModel: "gpt-4o-mini", defaultCallsPerMonth: 10_000)
/// let cost = estimator.estimate(template)            // TemplateCost
/// let whatIf = estimator.estimate(template, model: "gpt-4.1-mini")
/// ```
public struct CostEstimator: Sendable {
    public var registry: ModelRegistry
    public var defaultModel: String
    public var defaultCallsPerMonth: Int?
    /// Templates by name, to inline partials.
    public var library: [String: PromptTemplate]?

    public init(registry: ModelRegistry = .builtIn, defaultModel: String = "gpt-4o-mini", defaultCallsPerMonth: Int? = nil,
                library: [String: PromptTemplate]? = nil) {
        self.registry = registry
        self.defaultModel = defaultModel
        self.defaultCallsPerMonth = defaultCallsPerMonth
        self.library = library
    }

    /// The template's cost on its own model, or on `model` (a what-if).
    public func estimate(_ template: PromptTemplate, model: String? = nil) -> TemplateCost {
        estimate(template, sent: SentPrompt(template, library: library), model: model)
    }

    /// The same, from an already built `SentPrompt` (rules reuse the one their context holds).
    public func estimate(_ template: PromptTemplate, sent: SentPrompt, model: String? = nil) -> TemplateCost {
        let requested = model ?? template.model ?? defaultModel
        let info = registry.lookup(requested)
        let tokenizer = Tokenizer.shared(info?.encoding ?? .o200k_base)
        var notes: [String] = []
        if info == nil { notes.append("unknown model '\(requested)': not priced") }
        for name in sent.uncountedVariables {
            notes.append("variable '\(name)' has no typical_tokens or default: counted as 0 tokens")
        }
        let output: Int
        let upperBound: Bool
        if let expected = template.expectedOutputTokens {
            (output, upperBound) = (expected, false)
        } else if let cap = template.maxOutputTokens {
            (output, upperBound) = (cap, true)
            notes.append("no expected_output_tokens: the output cap (\(cap)) is priced, an upper bound")
        } else {
            (output, upperBound) = (0, false)
            notes.append("no expected_output_tokens or max_output_tokens: output not priced")
        }
        let calls = template.callsPerMonth ?? defaultCallsPerMonth
        if calls == nil { notes.append("no calls_per_month (or default_calls_per_month in .promptlint.yml): monthly cost 0") }
        let input = sent.inputTokens(tokenizer)
        let cached = info.map { Self.cachedTokens(prefix: sent.staticPrefixTokens(tokenizer), model: $0) } ?? 0
        return TemplateCost(
            name: template.name, file: template.file.path, model: info?.name ?? requested, modelInfo: info,
            tags: template.tags, team: template.team, inputTokens: input, outputTokens: output, outputIsUpperBound: upperBound,
            callsPerMonth: calls ?? 0, callsDeclared: calls != nil, cachedInputTokens: cached, notes: notes)
    }

    /// How many tokens of a static prefix the provider serves from its cache: none below the
    /// model's minimum or without a cache price; OpenAI-family models in 128-token steps.
    public static func cachedTokens(prefix: Int, model: ModelInfo) -> Int {
        guard let minimum = model.promptCacheMinTokens, model.cacheReadPricePerMillion != nil, prefix >= minimum else { return 0 }
        return model.tokenizerIsPublic ? prefix / 128 * 128 : prefix
    }
}

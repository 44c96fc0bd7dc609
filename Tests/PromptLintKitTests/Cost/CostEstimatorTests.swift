import Foundation
import Testing
@testable import PromptLintKit

/// Every figure below is worked out by hand from Fixtures/cost/prices.json (USD per 1M tokens:
/// acme-large 4 / 20 / cache read 0.4; gpt-4o-fixture 2.5 / 10 / cache read 1.25) and token counts
/// of the fixture texts ("hello world" = 2 tokens, b.yml's system message = 1,082 tokens in o200k_base).
@Suite("Cost estimates")
struct CostEstimatorTests {
    static let root = Paths.fixtures + "/cost"

    static func near(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 * max(1, abs(b)) }

    func estimator() throws -> (CostEstimator, PromptLibrary) {
        var config = try ProjectConfig.load(path: Self.root + "/.promptlint.yml")
        config.prices = Self.root + "/prices.json"
        let registry = try ModelRegistry.configured(config)
        let library = PromptLibrary.load(root: Self.root + "/prompts")
        return (CostEstimator(registry: registry, defaultCallsPerMonth: config.defaultCallsPerMonth), library)
    }

    @Test("a: typical_tokens, expected output, declared volume")
    func declaredVolumes() throws {
        let (estimator, library) = try estimator()
        let cost = estimator.estimate(try #require(library.template(named: "a")))
        // 2 (system) + 0 (user: the variable is counted by typical_tokens) + 50 + framing 3×2+3.
        #expect(cost.inputTokens == 61)
        #expect(cost.outputTokens == 100 && !cost.outputIsUpperBound)
        #expect(cost.callsPerMonth == 1000 && cost.callsDeclared)
        // (61 × 4 + 100 × 20) / 1e6
        #expect(Self.near(cost.costPerCall, 0.002244))
        #expect(Self.near(cost.costPerMonth, 2.244))
        // Static prefix 3 + 2 + 3 = 8 tokens: far below the 1,024-token cache minimum.
        #expect(cost.cachedInputTokens == 0)
        #expect(Self.near(cost.costPerMonthWithCache, 2.244))
        #expect(cost.isEstimate)  // acme's tokenizer is not public
    }

    @Test("b: default value counted, cap priced as an upper bound, config volume, cached prefix in 128-token steps")
    func defaultsAndCache() throws {
        let (estimator, library) = try estimator()
        let cost = estimator.estimate(try #require(library.template(named: "b")))
        #expect(cost.inputTokens == 1082 + 2 + 9)
        #expect(cost.outputTokens == 200 && cost.outputIsUpperBound)
        #expect(cost.callsPerMonth == 10_000)
        // (1093 × 2.5 + 200 × 10) / 1e6
        #expect(Self.near(cost.costPerCall, 0.0047325))
        #expect(Self.near(cost.costPerMonth, 47.325))
        // Prefix 3 + 1082 + 3 = 1088 → OpenAI caches 8 × 128 = 1024.
        #expect(cost.cachedInputTokens == 1024)
        // ((1093 − 1024) × 2.5 + 1024 × 1.25 + 200 × 10) / 1e6 × 10,000
        #expect(Self.near(cost.costPerMonthWithCache, 34.525))
        #expect(cost.notes.contains { $0.contains("upper bound") })
    }

    @Test("what if: the same template priced on another model")
    func whatIf() throws {
        let (estimator, library) = try estimator()
        let cost = estimator.estimate(try #require(library.template(named: "a")), model: "gpt-4o-fixture")
        #expect(cost.model == "gpt-4o-fixture" && cost.inputTokens == 61)
        // (61 × 2.5 + 100 × 10) / 1e6
        #expect(Self.near(cost.costPerCall, 0.0011525))
        let unknown = estimator.estimate(try #require(library.template(named: "a")), model: "nope-1")
        #expect(unknown.modelInfo == nil && unknown.costPerCall == 0 && unknown.notes.first?.contains("unknown model") == true)
    }

    @Test("no volume, no output limit, a variable with neither typical_tokens nor default: zero and said so")
    func undeclared() throws {
        let template = try #require(loadTemplates("model: gpt-4o\nvariables: {x: {required: true}}\ntemplate: \"{{x}}\"\n").templates.first)
        let cost = CostEstimator().estimate(template)
        #expect(cost.inputTokens == 6 && cost.outputTokens == 0 && cost.callsPerMonth == 0 && !cost.callsDeclared)
        #expect(cost.costPerMonth == 0)
        #expect(cost.notes.count == 3)
    }

    @Test("the report: sorted by monthly cost, total, groups, shares, CSV")
    func report() throws {
        let (estimator, library) = try estimator()
        let report = CostReport(costs: library.templates.map { estimator.estimate($0) }, grouping: .tag, registry: estimator.registry)
        #expect(report.costs.map(\.name) == ["b", "a"])
        #expect(Self.near(report.totalPerMonth, 49.569))
        #expect(Self.near(report.totalPerMonthWithCache, 36.769))
        let groups = Dictionary(uniqueKeysWithValues: report.groups.map { ($0.key, $0) })
        #expect(Self.near(groups["support"]!.costPerMonth, 49.569) && groups["support"]!.templates == 2)
        #expect(Self.near(groups["triage"]!.costPerMonth, 2.244))
        #expect(Self.near(report.share(2.244), 2.244 / 49.569))
        let byTeam = CostReport(costs: report.costs, grouping: .team, registry: estimator.registry)
        #expect(byTeam.groups.map(\.key) == ["(none)", "care"])
        let csv = CostReport(costs: report.costs, registry: estimator.registry).csv.split(separator: "\r\n")
        #expect(csv.count == 3 && csv[1].hasPrefix("b,") && csv[2].contains(",acme-large,61,100,false,1000,"))
    }

    @Test("cost --format json over the CLI: the fields the issue names, figures recomputable from the table")
    func cli() throws {
        let result = try CLI.run(["cost", "--format", "json"], in: Self.root)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let templates = try #require(object["templates"] as? [[String: Any]])
        let fields = ["name", "file", "model", "input_tokens", "output_tokens", "output_is_upper_bound", "calls_per_month",
                      "cost_per_call_usd", "cost_per_month_usd", "cached_input_tokens", "cost_per_month_with_cache_usd", "savings"]
        for template in templates { for field in fields { #expect(template[field] != nil, "\(field)") } }
        let b = try #require(templates.first)
        #expect(b["name"] as? String == "b" && Self.near(b["cost_per_month_usd"] as? Double ?? 0, 47.325))
        let total = try #require(object["total"] as? [String: Any])
        #expect(Self.near(total["cost_per_month_usd"] as? Double ?? 0, 49.569))
        let whatIf = try CLI.run(["cost", "a", "--model", "gpt-4o-fixture", "--format", "csv"], in: Self.root)
        #expect(whatIf.stdout.contains(",gpt-4o-fixture,61,100,false,1000,0.0011525,"), "\(whatIf.stdout)")
        let typo = try CLI.run(["cost", "--model", "gpt-4o-fixtur"], in: Self.root)
        #expect(typo.status == 2 && typo.stderr.contains("did you mean 'gpt-4o-fixture'"))
        let text = try CLI.run(["cost", "--by", "model"], in: Self.root)
        #expect(text.stdout.contains("gpt-4o-fixture") && text.stdout.contains("total: $49.57/month for 11,000 calls over 2 templates"), "\(text.stdout)")
        let badPrices = try CLI.run(["cost", "--prices", "a-missing-file.json"], in: Self.root)
        #expect(badPrices.status == 2 && badPrices.stderr.contains("a-missing-file.json"))
    }

    @Test("models --format json lists prices with the table's date")
    func models() throws {
        let result = try CLI.run(["models", "--format", "json"], in: Self.root)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let models = try #require(object["models"] as? [[String: Any]])
        #expect(models.map { $0["name"] as? String } == ["acme-large", "acme-mini", "gpt-4o-fixture"])
        #expect(models[0]["cache_read_price"] as? Double == 0.4 && models[0]["tier"] as? String == "standard")
        let builtIn = try CLI.run(["models", "gpt-4o-mini", "--provider", "openai"])
        #expect(builtIn.stdout.contains("gpt-4o-mini") && builtIn.stdout.contains(PriceTable.snapshotDate))
    }
}

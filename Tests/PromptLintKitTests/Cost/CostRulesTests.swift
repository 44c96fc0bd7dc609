import Foundation
import Testing
@testable import PromptLintKit

/// The money in the cost rules' messages, recomputed by hand from the bundled table's prices
/// (gpt-4o: $2.50 in, $10 out, $1.25 cache read per 1M; gpt-4o-mini: $0.15 in, $0.60 out).
@Suite("Cost rules")
struct CostRulesTests {
    func findings(_ yaml: String, _ definition: RuleDefinition, calls: Int? = nil) throws -> [Finding] {
        let template = try #require(loadTemplates(yaml).templates.first)
        var settings = LintSettings(defaultModel: "gpt-4o-mini", library: [template])
        settings.defaultCallsPerMonth = calls
        return definition.make(RuleOptions()).check(TemplateContext(template: template, settings: settings))
    }

    static let rules = "Rules:\n" + (1...120).map { "      - rule \($0): answer in English.\n" }.joined()

    @Test("PL603: the monthly difference to the economy model")
    func premiumModel() throws {
        let yaml = "model: gpt-4o\nmax_output_tokens: 5\ncalls_per_month: 100000\ntemplate: Is this review positive? Answer yes or no.\n"
        let found = try findings(yaml, PremiumModelForRoutineTaskRule.definition)
        #expect(found.count == 1)
        let input = Tokenizer.shared(.o200k_base).count("Is this review positive? Answer yes or no.") + 6
        // Per call: input × (2.5 − 0.15) + 5 × (10 − 0.6), per 1M tokens; × 100,000 calls.
        let monthly = (Double(input) * 2.35 + 5 * 9.4) / 1_000_000 * 100_000
        #expect(found[0].message.contains("gpt-4o-mini"))
        #expect(found[0].message.contains("saves \(Money.format(monthly))/month at 100,000 calls"), "\(found[0].message)")
        // The volume from the config when the template declares none; no money without any volume.
        let noVolume = "model: gpt-4o\nmax_output_tokens: 5\ntemplate: Is this review positive? Answer yes or no.\n"
        #expect(try findings(noVolume, PremiumModelForRoutineTaskRule.definition, calls: 100_000)[0].message.contains("saves \(Money.format(monthly))/month"))
        #expect(try !findings(noVolume, PremiumModelForRoutineTaskRule.definition)[0].message.contains("/month"))
    }

    @Test("PL602: tokens that would be cached and the saving at the cache-read price")
    func cachePrefix() throws {
        let yaml = "model: gpt-4o\nmax_output_tokens: 100\ncalls_per_month: 10000\nvariables: {today: {default: 2026-12-03}}\nmessages:\n  - role: system\n    content: |\n      Today is {{today}}. " + Self.rules
        let found = try findings(yaml, CacheUnfriendlyPrefixRule.definition)
        #expect(found.count == 1)
        let tokenizer = Tokenizer.shared(.o200k_base)
        let body = ". " + Self.rules.replacingOccurrences(of: "\n      ", with: "\n")
        let prefixNow = 3 + tokenizer.count("Today is ")
        let after = tokenizer.count(body)
        let cached = (prefixNow + after) / 128 * 128
        // (cached − 0) × (2.50 − 1.25) per 1M × 10,000 calls.
        let monthly = Double(cached) * 1.25 / 1_000_000 * 10_000
        #expect(found[0].message.contains("\(cached) tokens would be read from the cache"), "\(found[0].message)")
        #expect(found[0].message.contains("\(Money.format(monthly))/month at 10,000 calls"), "\(found[0].message)")
        // Moved to the end: nothing to report.
        let fixed = "model: gpt-4o\nmax_output_tokens: 100\nvariables: {today: {default: 2026-12-03}}\nmessages:\n  - role: system\n    content: |\n      " + Self.rules + "      Today is {{today}}.\n"
        #expect(try findings(fixed, CacheUnfriendlyPrefixRule.definition).isEmpty)
    }

    @Test("PL601: the closest names, for templates")
    func unknownModel() throws {
        let found = try findings("model: gpt4o\nmax_output_tokens: 10\ntemplate: Say hi.\n", UnknownModelRule.definition)
        #expect(found.count == 1 && found[0].message.contains("did you mean 'gpt-4o'"))
    }

    @Test("render --format json writes max_completion_tokens for OpenAI reasoning models")
    func requestKey() throws {
        let registry = ModelRegistry.builtIn
        #expect(OutputParameters.requestKey(for: registry.lookup("o4-mini")) == "max_completion_tokens")
        #expect(OutputParameters.requestKey(for: registry.lookup("gpt-5")) == "max_completion_tokens")
        #expect(OutputParameters.requestKey(for: registry.lookup("gpt-4o")) == "max_tokens")
        #expect(OutputParameters.requestKey(for: registry.lookup("claude-sonnet-4-5")) == "max_tokens")
        #expect(OutputParameters.requestKey(for: nil) == "max_tokens")
        let dir = try TemporaryDirectory(files: ["prompts/q.yml": "model: o4-mini\nmax_output_tokens: 4000\ntemplate: Return only the SQL.\n",
                                                 "prompts/s.yml": "model: gpt-4o\nmax_output_tokens: 40\ntemplate: Say hi.\n"])
        let reasoning = try CLI.run(["render", "q", "--format", "json"], in: dir.path)
        #expect(reasoning.stdout.contains("\"max_completion_tokens\": 4000") && !reasoning.stdout.contains("\"max_tokens\""), "\(reasoning.stdout)\(reasoning.stderr)")
        let plain = try CLI.run(["render", "s", "--format", "json"], in: dir.path)
        #expect(plain.stdout.contains("\"max_tokens\": 40"))
    }
}

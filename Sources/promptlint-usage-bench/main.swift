// Data for the usage benchmarks (scripts/bench-usage); not part of the product.
//
//   promptlint-usage-bench csv FILE ROWS     a LiteLLM_SpendLogs CSV export of ROWS requests
//   promptlint-usage-bench store PATH ROWS   a usage store holding ROWS requests
//
// Both draw the same synthetic traffic: 90 days, 200 users (one API key each) in 20 LiteLLM
// teams, each user calling 3 of 50 templates on 2 of 8 models — the cardinality a mid-sized
// team has, which is what the daily rollup's size depends on.
import Foundation
import PromptLintUsage

/// Knuth's MMIX linear congruential generator, output-mixed: repeatable synthetic data.
struct BenchRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state ^ (state >> 29)
    }
}

let models = ["gpt-4o-mini", "gpt-4o", "gpt-4.1", "gpt-4.1-mini", "o4-mini", "claude-sonnet-4", "claude-3-5-haiku", "gemini-2.5-flash"]
let templates = (0..<50).map { "team\($0 % 10)/template-\($0)" }
let firstDay = UTCDay("2026-09-01")!
let days: Int64 = 90

struct User {
    var name: String
    var key: String
    var team: String
    var templates: [String]
    var models: [String]
}

var random = BenchRandom(state: 42)
let users = (0..<200).map { i in
    User(name: "user\(i)", key: String(format: "%064x", i * 7919), team: "t-\(i % 20)",
         templates: (0..<3).map { _ in templates.randomElement(using: &random)! },
         models: (0..<2).map { _ in models.randomElement(using: &random)! })
}

/// The i-th request, in time order.
func request(_ i: Int, of count: Int, random: inout BenchRandom) -> (id: String, start: Int64, user: User, template: String, model: String, prompt: Int64, completion: Int64) {
    let span = days * 86_400
    let start = firstDay.startSeconds + Int64(i) * span / Int64(count)
    let user = users.randomElement(using: &random)!
    return ("req-\(i)", start, user, user.templates.randomElement(using: &random)!, user.models.randomElement(using: &random)!,
            Int64.random(in: 200...4000, using: &random), Int64.random(in: 20...800, using: &random))
}

func timestamp(_ seconds: Int64) -> String {
    let day = UTCDay(unixSeconds: seconds)
    let s = seconds - day.startSeconds
    return String(format: "%@ %02lld:%02lld:%02lld.%03lld", day.description, s / 3600, s / 60 % 60, s % 60, Int64(s % 997))
}

let arguments = CommandLine.arguments
guard arguments.count == 4, let count = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: promptlint-usage-bench csv|store PATH ROWS\n".utf8))
    exit(2)
}
switch arguments[1] {
case "csv":
    FileManager.default.createFile(atPath: arguments[2], contents: nil)
    let handle = FileHandle(forWritingAtPath: arguments[2])!
    var out = "request_id,call_type,api_key,spend,total_tokens,prompt_tokens,completion_tokens,startTime,endTime,model,model_group,custom_llm_provider,api_base,user,metadata,cache_hit,cache_key,request_tags,team_id,organization_id,end_user,session_id,status\n"
    for i in 0..<count {
        let r = request(i, of: count, random: &random)
        let spend = Double(r.prompt) * 0.15e-6 + Double(r.completion) * 0.6e-6
        out += "\(r.id),acompletion,\(r.user.key),\(spend),\(r.prompt + r.completion),\(r.prompt),\(r.completion),\(timestamp(r.start)),\(timestamp(r.start + 2)),\(r.model),\(r.model),openai,https://api.openai.com/v1,\(r.user.name),"
        out += "\"{\"\"user_api_key_team_id\"\": \"\"\(r.user.team)\"\", \"\"usage_object\"\": {\"\"prompt_tokens_details\"\": {\"\"cached_tokens\"\": \(r.prompt / 4)}}}\",False,,"
        out += "\"[\"\"prompt:\(r.template)\"\", \"\"env:prod\"\"]\",\(r.user.team),,,,success\n"
        if out.utf8.count > 1 << 22 { handle.write(Data(out.utf8)); out = "" }
    }
    handle.write(Data(out.utf8))
    try handle.close()
case "store":
    try? FileManager.default.removeItem(atPath: arguments[2])
    let store = try UsageStore(path: arguments[2])
    let batch = 200_000
    var i = 0
    let started = Date()
    while i < count {
        var records: [UsageRecord] = []
        records.reserveCapacity(batch)
        for j in i..<min(count, i + batch) {
            let r = request(j, of: count, random: &random)
            let spend = Double(r.prompt) * 0.15e-6 + Double(r.completion) * 0.6e-6
            records.append(UsageRecord(source: "litellm", key: r.id, provider: "openai", startTime: r.start, model: r.model, apiKey: r.user.key,
                                       litellmTeam: r.user.team, user: r.user.name, template: r.template, requests: 1, inputTokens: r.prompt,
                                       cachedInputTokens: r.prompt / 4, outputTokens: r.completion, sourceCostUSD: spend, priceCostUSD: spend))
        }
        try store.insert(records)
        i += batch
    }
    let seconds = Date().timeIntervalSince(started)
    print("stored \(count) rows in \(String(format: "%.1f", seconds)) s (\(Int(Double(count) / seconds)) rows/s); \(try store.rollupRowCount()) daily rollup rows")
default:
    FileHandle.standardError.write(Data("usage: promptlint-usage-bench csv|store PATH ROWS\n".utf8))
    exit(2)
}

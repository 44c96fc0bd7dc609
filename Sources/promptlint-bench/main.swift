// promptlint-bench: tokenizer throughput and load-time benchmark (run by scripts/bench-tokenizer).
//
//   promptlint-bench load ENCODING            cold vocabulary load of one encoding, in ms
//   promptlint-bench cold FILE [--chunks]     one encode of FILE per encoding in this fresh process
//                                             (empty caches), vocabulary load excluded
//   promptlint-bench run FILE [--runs N] [--dump-ids DIR] [--json OUT] [--no-pathological]
//                                             throughput on FILE for both encodings, whole-file and
//                                             4 KB chunks, plus pathological 1 MB inputs
//
// Not a unit test: timings depend on the machine, so they are reported, never asserted.
import Foundation
import PromptLintKit

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// Process CPU time: on a shared machine it is less disturbed by other processes than wall time
/// (bench_tiktoken.py reports the same measure as "MB/s cpu-med").
func cpuNow() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// About `size` bytes per chunk, cut after a newline when there is one (like bench_tiktoken.py's
/// --chunk-bytes, which cuts by characters), else at a scalar boundary.
func chunks(_ text: String, size: Int) -> [String] {
    let utf8 = Array(text.utf8)
    var out: [String] = []
    var i = 0
    while i < utf8.count {
        var j = min(utf8.count, i + size)
        if j < utf8.count {
            if let k = utf8[i..<j].lastIndex(of: 0x0A), k > i {
                j = k + 1
            } else {
                while j > i + 1 && (utf8[j] & 0xC0) == 0x80 { j -= 1 }
            }
        }
        out.append(String(decoding: utf8[i..<j], as: UTF8.self))
        i = j
    }
    return out
}

/// The first call is reported on its own: it runs with the tokenizer's cross-call cache as
/// previous measurements left it, the later ones with this input's pieces already cached.
func time(runs: Int, _ body: () -> Int) -> (best: Double, median: Double, cpuMedian: Double, first: Double, result: Int) {
    let t = now()
    var result = body()
    let first = now() - t
    var times: [Double] = [], cpuTimes: [Double] = []
    for _ in 0..<runs {
        let c0 = cpuNow()
        let t0 = now()
        result = body()
        times.append(now() - t0)
        cpuTimes.append(cpuNow() - c0)
    }
    if times.isEmpty { return (first, first, first, first, result) }
    return (times.min()!, median(times), median(cpuTimes), first, result)
}

let args = CommandLine.arguments
guard args.count >= 3 else {
    print("usage: promptlint-bench load ENCODING | run FILE [--runs N] [--dump-ids DIR]")
    exit(2)
}

if args[1] == "load" {
    guard let encoding = Encoding(rawValue: args[2]) else { print("unknown encoding"); exit(2) }
    let t0 = now()
    let tokenizer = Tokenizer.shared(encoding)
    let t1 = now()
    _ = tokenizer.encode("warm up the class table")
    let t2 = now()
    print(String(format: "%@ vocab ready %.2f ms (+ first encode incl. Unicode table %.2f ms)",
                 encoding.rawValue, (t1 - t0) * 1000, (t2 - t1) * 1000))
    exit(0)
}

if args[1] == "cold" {
    guard let data = FileManager.default.contents(atPath: args[2]) else { print("cannot read \(args[2])"); exit(1) }
    let text = String(decoding: data, as: UTF8.self)
    let chunked = args.contains("--chunks")
    let inputs = chunked ? chunks(text, size: 4096) : [text]
    for encoding in Encoding.allCases {
        let tokenizer = Tokenizer.shared(encoding)
        _ = tokenizer.encode("warm up the class table")
        let c0 = cpuNow()
        let t0 = now()
        let tokens = inputs.reduce(0) { $0 + tokenizer.encode($1).count }
        let wall = now() - t0, cpu = cpuNow() - c0
        let mb = Double(data.count) / 1e6
        print(String(format: "%@ cold %@: %.2f MB/s wall, %.2f MB/s CPU (%d tokens)", encoding.rawValue,
                     chunked ? "4 KB chunks" : "whole file", mb / wall, mb / cpu, tokens))
    }
    exit(0)
}

let path = args[2]
var runs = 5
var dumpDir: String?
var jsonPath: String?
var pathological = true
var report: [String: [String: Double]] = [:]
var k = 3
while k < args.count {
    if args[k] == "--runs", k + 1 < args.count { runs = Int(args[k + 1]) ?? runs; k += 2 }
    else if args[k] == "--dump-ids", k + 1 < args.count { dumpDir = args[k + 1]; k += 2 }
    else if args[k] == "--json", k + 1 < args.count { jsonPath = args[k + 1]; k += 2 }
    else if args[k] == "--no-pathological" { pathological = false; k += 1 }
    else { print("unknown option \(args[k])"); exit(2) }
}
guard let data = FileManager.default.contents(atPath: path) else { print("cannot read \(path)"); exit(1) }
let text = String(decoding: data, as: UTF8.self)
let megabytes = Double(data.count) / 1e6
let pieces = chunks(text, size: 4096)
print(String(format: "file %@: %.2f MB, %d chunks of ~4 KB, %d runs (best / median)", path, megabytes, pieces.count, runs))

for encoding in Encoding.allCases {
    let tokenizer = Tokenizer.shared(encoding)
    // Chunks first: their first call then meets an empty cross-call cache (a true cold start).
    let chunked = time(runs: runs) { pieces.reduce(0) { $0 + tokenizer.encode($1).count } }
    let whole = time(runs: runs) { tokenizer.encode(text).count }
    let counted = time(runs: runs) { tokenizer.count(text) }
    for (label, r) in [("encode whole file", whole), ("encode 4 KB chunks", chunked), ("count whole file", counted)] {
        print(String(format: "%@ %-20@ %7.2f MB/s best %7.2f median %7.2f cpu-median %6.2f Mtok/s best  first call %7.2f MB/s  (%d tokens)",
                     encoding.rawValue, label, megabytes / r.best, megabytes / r.median, megabytes / r.cpuMedian,
                     Double(r.result) / r.best / 1e6, megabytes / r.first, r.result))
    }
    if let dir = dumpDir {
        let ids = tokenizer.encode(text).map { UInt32($0) }
        let bytes = ids.withUnsafeBufferPointer { Data(buffer: $0) }
        _ = FileManager.default.createFile(atPath: "\(dir)/\(encoding.rawValue).ids", contents: bytes)
    }
    report[encoding.rawValue] = [
        "whole_mb_s_best": megabytes / whole.best, "whole_mb_s_median": megabytes / whole.median,
        "whole_tokens_s_best": Double(whole.result) / whole.best,
        "chunk_mb_s_best": megabytes / chunked.best, "chunk_mb_s_median": megabytes / chunked.median,
        "whole_mb_s_first": megabytes / whole.first, "chunk_mb_s_first": megabytes / chunked.first,
        "count_mb_s_best": megabytes / counted.best, "tokens": Double(whole.result),
        "whole_mb_s_cpu_median": megabytes / whole.cpuMedian, "chunk_mb_s_cpu_median": megabytes / chunked.cpuMedian,
    ]
    for (label, input) in [("256 KB \"x\" word", String(repeating: "x", count: 250_000)),
                           ("1 MB \"x\" word", String(repeating: "x", count: 1_000_000)),
                           ("4 MB \"x\" word", String(repeating: "x", count: 4_000_000)),
                           ("1 MB space run", String(repeating: " ", count: 1_000_000)),
                           ("1 MB newline run", String(repeating: "\n", count: 1_000_000))] where pathological {
        let r = time(runs: 1) { tokenizer.encode(input).count }
        print(String(format: "%@ %-20@ %8.1f ms  (%d tokens)", encoding.rawValue, label, r.best * 1000, r.result))
    }
}
if let jsonPath {
    let json = try JSONSerialization.data(withJSONObject: report, options: [.prettyPrinted, .sortedKeys])
    _ = FileManager.default.createFile(atPath: jsonPath, contents: json)
}

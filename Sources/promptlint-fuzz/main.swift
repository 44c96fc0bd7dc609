// promptlint-fuzz TARGET [libFuzzer options] [CORPUS_DIR...]
//
// Built by scripts/fuzz with `-sanitize=fuzzer,address -DFUZZING`: libFuzzer drives the target.
// Built plainly (swift build), it replays files or folders of inputs through the target once
// each, which is how a crash input is reproduced under a debugger.
import Foundation
import PromptLintFuzzTargets

let arguments = CommandLine.arguments
guard arguments.count >= 2, let target = FuzzTarget.named(arguments[1]) else {
    let names = FuzzTarget.all.map { "  \($0.name)\t\($0.summary)" }.joined(separator: "\n")
    FileHandle.standardError.write(Data("usage: promptlint-fuzz TARGET [options] [inputs...]\ntargets:\n\(names)\n".utf8))
    exit(2)
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

nonisolated(unsafe) var selected: FuzzTarget = target

/// libFuzzer's entry point (the driver calls it with every input; the sanitizer runtime wants the symbol).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    selected.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

// libFuzzer reads its own options and corpus folders; the target name is not one of them.
var driverArguments = [arguments[0]] + arguments.dropFirst(2)
var cStrings: [UnsafeMutablePointer<CChar>?] = driverArguments.map { strdup($0) } + [nil]
var argc = CInt(driverArguments.count)
exit(cStrings.withUnsafeMutableBufferPointer { buffer in
    var argv = buffer.baseAddress!
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput)
})
#else
var inputs: [String] = []
for path in arguments.dropFirst(2) where !path.hasPrefix("-") {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
    if isDirectory.boolValue {
        inputs += ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 }
    } else {
        inputs.append(path)
    }
}
for input in inputs {
    guard let data = FileManager.default.contents(atPath: input) else { continue }
    target.run([UInt8](data))
}
print("\(target.name): \(inputs.count) inputs replayed, no property violated")
#endif

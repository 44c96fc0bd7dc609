import Foundation
#if canImport(Glibc)
import Glibc
private let readBytes = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let readBytes = Darwin.read
#endif

/// `promptlint lsp`: a Language Server Protocol 3.17 server over a pair of file descriptors
/// (stdin/stdout). A reader thread frames messages; one processing thread handles them in order
/// and lints changed documents once no message is waiting, so a burst of edits is linted once,
/// at its last version (plus an optional quiet period, `initializationOptions.debounceMilliseconds`).
public final class LanguageServer: @unchecked Sendable {
    private let input: Int32
    let output: Int32
    private let queue = MessageQueue()
    var session: LSPSession?
    var shutdownRequested = false
    /// Documents whose diagnostics are out of date, in the order they changed.
    var stale: [String] = []
    var debounce: TimeInterval = 0
    var watchesFiles = false

    public init(input: Int32 = 0, output: Int32 = 1) {
        self.input = input
        self.output = output
    }

    /// Serves until `exit`; returns the exit status (0 after `shutdown`, 1 otherwise, as LSP asks).
    public func run() -> Int32 {
        let reader = Thread { [queue, input] in Self.read(from: input, into: queue) }
        reader.start()
        while true {
            // With documents to lint, wait only for the quiet period (0: take what already waits).
            guard let item = queue.pop(timeout: stale.isEmpty ? nil : debounce) else {
                publishStale()
                continue
            }
            switch item {
            case .message(let message):
                if let status = handle(message) { return status }
            case .invalid(let error):
                send(JSONRPCMessage.errorResponse(id: error.id, code: error.code, message: error.message))
            case .end(let reason):
                if let reason { FileHandle.standardError.write(Data("promptlint lsp: \(reason)\n".utf8)) }
                return shutdownRequested ? 0 : 1
            }
        }
    }

    static func read(from descriptor: Int32, into queue: MessageQueue) {
        var framing = LSPFraming.Reader()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { queue.push(.end(reason: nil)); return }
            framing.append(chunk[0..<count])
            do {
                while let body = try framing.next() {
                    do {
                        queue.push(.message(try JSONRPCMessage.decode(body)))
                    } catch {
                        queue.push(.invalid(error))
                    }
                }
            } catch {
                queue.push(.end(reason: "bad message framing: \(error.message)"))
                return
            }
        }
    }
}

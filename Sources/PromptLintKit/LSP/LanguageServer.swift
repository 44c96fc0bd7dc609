import Foundation

/// `promptlint lsp`: a Language Server Protocol 3.17 server over a pair of file descriptors
/// (stdin/stdout). One thread reads and handles messages in order, and lints changed documents
/// once no further message is waiting, so a burst of edits is linted once, at its last version
/// (plus an optional quiet period, `initializationOptions.debounceMilliseconds`).
public final class LanguageServer {
    private var reader: MessageReader
    let output: Int32
    var session: LSPSession?
    var shutdownRequested = false
    /// Documents whose diagnostics are out of date, in the order they changed.
    var stale: [String] = []
    var debounce: Double = 0
    var watchesFiles = false

    public init(input: Int32 = 0, output: Int32 = 1) {
        reader = MessageReader(descriptor: input)
        self.output = output
    }

    /// Serves until `exit`; returns the exit status (0 after `shutdown`, 1 otherwise, as LSP asks).
    public func run() -> Int32 {
        while true {
            // With documents to lint, wait only for the quiet period (0: take what already waits).
            guard let item = reader.next(timeout: stale.isEmpty ? nil : debounce) else {
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
}

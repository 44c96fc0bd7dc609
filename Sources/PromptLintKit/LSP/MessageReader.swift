#if canImport(Glibc)
import Glibc
private let readBytes = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let readBytes = Darwin.read
#endif

/// Reads framed messages from the client's input on the server's own thread, and says whether
/// more input is waiting (so the server lints only once a burst of edits has been read).
struct MessageReader {
    enum Item {
        case message(JSONRPCMessage)
        /// A message that could not be decoded: answered with an error, the stream goes on.
        case invalid(JSONRPCMessage.DecodingError)
        /// The input ended, or its framing broke and cannot be resynchronised (with the reason).
        case end(reason: String?)
    }

    let descriptor: Int32
    private var framing = LSPFraming.Reader()
    private var ready: [Item] = []
    private var ended = false
    private var chunk = [UInt8](repeating: 0, count: 64 * 1024)

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The next item, waiting at most `timeout` seconds for input (nil: as long as it takes);
    /// nil when no complete message arrived in that time.
    mutating func next(timeout: Double?) -> Item? {
        while ready.isEmpty {
            guard !ended else { return .end(reason: nil) }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let milliseconds = timeout.map { Int32(($0 * 1000).rounded(.up)) } ?? -1
            let status = poll(&poller, 1, milliseconds)
            if status < 0, errno == EINTR { continue }
            if status == 0 { return nil }
            readAvailable()
        }
        return ready.removeFirst()
    }

    private mutating func readAvailable() {
        let count = chunk.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress, $0.count) }
        if count < 0, errno == EINTR || errno == EAGAIN { return }
        if count <= 0 {
            ended = true
            ready.append(.end(reason: nil))
            return
        }
        framing.append(chunk[0..<count])
        do {
            while let body = try framing.next() {
                do {
                    ready.append(.message(try JSONRPCMessage.decode(body)))
                } catch {
                    ready.append(.invalid(error))
                }
            }
        } catch {
            ended = true
            ready.append(.end(reason: "bad message framing: \(error.message)"))
        }
    }
}

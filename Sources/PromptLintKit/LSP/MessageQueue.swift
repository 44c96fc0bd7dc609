import Foundation

/// Messages read from the client, handed from the reader thread to the processing thread.
final class MessageQueue: @unchecked Sendable {
    enum Item: Sendable {
        case message(JSONRPCMessage)
        /// A message that could not be decoded: answered with an error, the stream goes on.
        case invalid(JSONRPCMessage.DecodingError)
        /// The input ended (or its framing broke and cannot be resynchronised).
        case end(reason: String?)
    }

    private var items: [Item] = []
    private var head = 0
    private let condition = NSCondition()

    func push(_ item: Item) {
        condition.lock()
        items.append(item)
        condition.signal()
        condition.unlock()
    }

    /// The next item, waiting at most `timeout` seconds (nil: forever); nil when none came.
    func pop(timeout: TimeInterval?) -> Item? {
        condition.lock()
        defer { condition.unlock() }
        let deadline = timeout.map { Date(timeIntervalSinceNow: $0) }
        while head == items.count {
            if let deadline {
                if !condition.wait(until: deadline) && head == items.count { return nil }
            } else {
                condition.wait()
            }
        }
        let item = items[head]
        head += 1
        if head > 1024 { items.removeFirst(head); head = 0 }
        return item
    }
}

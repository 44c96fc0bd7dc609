/// The base protocol's framing: each JSON-RPC message is `Content-Length: N\r\n` (other headers
/// allowed and ignored), a blank line, then N bytes of UTF-8 JSON.
public enum LSPFraming {
    public struct Error: Swift.Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Headers larger than this are not a header (a client writing plain JSON, or garbage).
    static let maximumHeaderBytes = 8 * 1024

    /// One message ready to write.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    /// Splits a byte stream that arrives in arbitrary chunks into message bodies.
    public struct Reader: Sendable {
        private var buffer: [UInt8] = []
        private var start = 0

        public init() {}

        public mutating func append(_ bytes: some Sequence<UInt8>) {
            buffer.append(contentsOf: bytes)
        }

        /// The next complete body, nil when more bytes are needed; throws on a malformed header
        /// (the stream cannot be resynchronised after that).
        public mutating func next() throws(LSPFraming.Error) -> [UInt8]? {
            guard let headerEnd = headerEnd() else {
                if buffer.count - start > LSPFraming.maximumHeaderBytes {
                    throw Error(message: "no end of header within \(LSPFraming.maximumHeaderBytes) bytes")
                }
                return nil
            }
            let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
            var length: Int?
            for line in header.split(separator: "\r\n") {
                guard let colon = line.firstIndex(of: ":") else { throw Error(message: "malformed header line '\(line)'") }
                let name = line[..<colon].trimmingCharacters(in: " ").lowercased()
                let value = line[line.index(after: colon)...].trimmingCharacters(in: " ")
                if name == "content-length" {
                    guard let number = Int(value), number >= 0 else { throw Error(message: "bad Content-Length '\(value)'") }
                    length = number
                }
            }
            guard let length else { throw Error(message: "header without Content-Length") }
            let bodyStart = headerEnd + 4
            guard buffer.count - bodyStart >= length else { return nil }
            let body = Array(buffer[bodyStart..<(bodyStart + length)])
            start = bodyStart + length
            // Drop consumed bytes once they dominate the buffer, so it does not grow without bound.
            if start > 64 * 1024, start * 2 > buffer.count {
                buffer.removeFirst(start)
                start = 0
            }
            return body
        }

        /// Offset of the "\r\n\r\n" that ends the header at `start`.
        private func headerEnd() -> Int? {
            var index = start
            while index + 3 < buffer.count {
                if buffer[index] == 0x0D, buffer[index + 1] == 0x0A, buffer[index + 2] == 0x0D, buffer[index + 3] == 0x0A { return index }
                index += 1
            }
            return nil
        }
    }
}

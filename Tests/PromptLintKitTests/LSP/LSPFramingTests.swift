import Testing
@testable import PromptLintKit

@Suite struct LSPFramingTests {
    static func framed(_ json: String) -> [UInt8] { LSPFraming.frame(Array(json.utf8)) }

    @Test func framesCountBytesNotCharacters() {
        let body = #"{"text":"😀𠀀é"}"#
        let frame = String(decoding: LSPFraming.frame(Array(body.utf8)), as: UTF8.self)
        #expect(frame == "Content-Length: \(body.utf8.count)\r\n\r\n" + body)
        #expect(body.utf8.count == 21)
    }

    @Test func readsMessagesSplitAtEveryByte() throws {
        let stream = Self.framed(#"{"a":1}"#) + Self.framed(#"{"b":"😀"}"#)
        var reader = LSPFraming.Reader()
        var bodies: [String] = []
        for byte in stream {
            reader.append([byte])
            while let body = try reader.next() { bodies.append(String(decoding: body, as: UTF8.self)) }
        }
        #expect(bodies == [#"{"a":1}"#, #"{"b":"😀"}"#])
    }

    @Test func readsSeveralMessagesFromOneChunkAndIgnoresOtherHeaders() throws {
        var reader = LSPFraming.Reader()
        reader.append(Array("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 2\r\n\r\n{}".utf8) + Self.framed("[]"))
        #expect(try reader.next() == Array("{}".utf8))
        #expect(try reader.next() == Array("[]".utf8))
        #expect(try reader.next() == nil)
    }

    @Test func waitsForTheWholeBody() throws {
        var reader = LSPFraming.Reader()
        reader.append(Array("Content-Length: 10\r\n\r\n{\"a\":".utf8))
        #expect(try reader.next() == nil)
        reader.append(Array("true}".utf8))
        #expect(try reader.next() == Array("{\"a\":true}".utf8))
    }

    @Test(arguments: ["Content-Length: x\r\n\r\n{}", "Content-Type: text\r\n\r\n{}", "garbage\r\n\r\n", "Content-Length: -1\r\n\r\n"])
    func rejectsMalformedHeaders(_ header: String) {
        var reader = LSPFraming.Reader()
        reader.append(Array(header.utf8))
        #expect(throws: LSPFraming.Error.self) { try reader.next() }
    }

    @Test func rejectsAHeaderThatNeverEnds() {
        var reader = LSPFraming.Reader()
        reader.append([UInt8](repeating: UInt8(ascii: "a"), count: LSPFraming.maximumHeaderBytes + 1))
        #expect(throws: LSPFraming.Error.self) { try reader.next() }
    }
}

@Suite struct JSONRPCMessageTests {
    @Test func decodesRequestsNotificationsAndResponses() throws {
        #expect(try JSONRPCMessage.decode(Array(#"{"jsonrpc":"2.0","id":7,"method":"shutdown"}"#.utf8)) == .request(id: .int(7), method: "shutdown", params: .null))
        #expect(try JSONRPCMessage.decode(Array(#"{"jsonrpc":"2.0","id":"x","method":"m","params":{"a":[1]}}"#.utf8))
            == .request(id: .string("x"), method: "m", params: .object([("a", .array([.int(1)]))])))
        #expect(try JSONRPCMessage.decode(Array(#"{"jsonrpc":"2.0","method":"exit"}"#.utf8)) == .notification(method: "exit", params: .null))
        #expect(try JSONRPCMessage.decode(Array(#"{"jsonrpc":"2.0","id":1,"result":null}"#.utf8)) == .response(id: .int(1)))
    }

    @Test func reportsBadMessagesWithTheirCode() {
        func code(_ text: String) -> JSONRPCMessage.ErrorCode? {
            do { _ = try JSONRPCMessage.decode(Array(text.utf8)); return nil } catch { return error.code }
        }
        #expect(code("{not json") == .parseError)
        #expect(code("[1,2]") == .invalidRequest)
        #expect(code(#"{"id":3}"#) == .invalidRequest)
    }

    @Test func writesResponsesAndErrors() {
        #expect(JSONRPCMessage.response(id: .int(1), result: .null).serialized(pretty: false) == #"{"jsonrpc":"2.0","id":1,"result":null}"#)
        #expect(JSONRPCMessage.errorResponse(id: .string("a"), code: .methodNotFound, message: "no").serialized(pretty: false)
            == #"{"jsonrpc":"2.0","id":"a","error":{"code":-32601,"message":"no"}}"#)
    }
}

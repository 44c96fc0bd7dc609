/// A JSON-RPC 2.0 message as the language server receives it.
public enum JSONRPCMessage: Sendable, Equatable {
    /// A request: the client waits for a response with the same id.
    case request(id: JSONValue, method: String, params: JSONValue)
    case notification(method: String, params: JSONValue)
    /// A response to a request the server sent (the server sends none it needs answered; ignored).
    case response(id: JSONValue)

    /// Standard JSON-RPC and LSP error codes.
    public enum ErrorCode: Int, Sendable {
        case parseError = -32700
        case invalidRequest = -32600
        case methodNotFound = -32601
        case invalidParams = -32602
        case internalError = -32603
        case serverNotInitialized = -32002
        case requestFailed = -32803
    }

    public struct DecodingError: Error, Sendable, Equatable {
        public var code: ErrorCode
        public var message: String
        /// The id, when the message had one (the error response must carry it).
        public var id: JSONValue
    }

    public static func decode(_ body: [UInt8]) throws(DecodingError) -> JSONRPCMessage {
        let value: JSONValue
        do {
            value = try JSONValue.parse(String(decoding: body, as: UTF8.self))
        } catch {
            throw DecodingError(code: .parseError, message: "invalid JSON", id: .null)
        }
        guard case .object = value else { throw DecodingError(code: .invalidRequest, message: "a message must be a JSON object", id: .null) }
        let id = value["id"]
        if case .string(let method)? = value["method"] {
            let params = value["params"] ?? .null
            if let id { return .request(id: id, method: method, params: params) }
            return .notification(method: method, params: params)
        }
        if let id, value["result"] != nil || value["error"] != nil { return .response(id: id) }
        throw DecodingError(code: .invalidRequest, message: "a message needs a 'method' or a 'result'", id: id ?? .null)
    }

    public static func response(id: JSONValue, result: JSONValue) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("id", id), ("result", result)])
    }

    public static func errorResponse(id: JSONValue, code: ErrorCode, message: String) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("id", id), ("error", .object([("code", .int(code.rawValue)), ("message", .string(message))]))])
    }

    public static func notification(method: String, params: JSONValue) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)])
    }
}

extension JSONValue {
    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var intValue: Int? {
        switch self {
        case .int(let value): return value
        case .double(let value) where value == value.rounded(): return Int(exactly: value)
        default: return nil
        }
    }

    var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }
}

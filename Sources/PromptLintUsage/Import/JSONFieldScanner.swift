/// Finds string values in a JSON text without building the whole tree: LiteLLM writes a metadata
/// object and a tag array on every spend row, and a full parse of each would cap a CSV import far
/// below 100,000 rows a second. Only what attribution needs is read: the string value of a key
/// (at any depth), and the string elements of an array.
enum JSONFieldScanner {
    /// The string value of the first `"key": "value"` member, unescaped.
    static func stringValue(forKey key: String, in bytes: ArraySlice<UInt8>) -> String? {
        guard let j = valueStart(forKey: key, in: bytes), bytes[j] == 34 else { return nil }
        return string(startingAt: j, in: bytes)?.value
    }

    /// The index of the first byte of the value of the first member named `key`.
    private static func valueStart(forKey key: String, in bytes: ArraySlice<UInt8>) -> Int? {
        let needle = Array(("\"" + key + "\"").utf8)
        guard needle.count <= bytes.count else { return nil }
        var i = bytes.startIndex
        let last = bytes.endIndex - needle.count
        while i <= last {
            if bytes[i] == 34, !isEscaped(bytes, at: i), bytes[i..<(i + needle.count)].elementsEqual(needle) {
                var j = i + needle.count
                while j < bytes.endIndex, isSpace(bytes[j]) { j += 1 }
                if j < bytes.endIndex, bytes[j] == 58 {  // ':' — a key, not a value that happens to match
                    j += 1
                    while j < bytes.endIndex, isSpace(bytes[j]) { j += 1 }
                    return j < bytes.endIndex ? j : nil
                }
            }
            i += 1
        }
        return nil
    }

    /// The integer value of the first `"key": 123` member.
    static func integerValue(forKey key: String, in bytes: ArraySlice<UInt8>) -> Int64? {
        guard var j = valueStart(forKey: key, in: bytes) else { return nil }
        var value: Int64 = 0
        var any = false
        while j < bytes.endIndex, bytes[j] >= 48, bytes[j] <= 57 {
            value = value &* 10 &+ Int64(bytes[j] - 48)
            j += 1
            any = true
        }
        return any ? value : nil
    }

    /// The string elements of a JSON array (`["prompt:x", "team-a"]`); nil when it is not one.
    static func strings(inArray bytes: ArraySlice<UInt8>) -> [String]? {
        var i = bytes.startIndex
        while i < bytes.endIndex, isSpace(bytes[i]) { i += 1 }
        guard i < bytes.endIndex, bytes[i] == 91 else { return nil }  // '['
        i += 1
        var values: [String] = []
        while i < bytes.endIndex {
            let c = bytes[i]
            if c == 93 { return values }  // ']'
            if c == 34 {
                guard let (value, end) = string(startingAt: i, in: bytes) else { return nil }
                values.append(value)
                i = end
                continue
            }
            i += 1
        }
        return nil
    }

    /// The string whose opening quote is at `start`, and the index after its closing quote.
    private static func string(startingAt start: Int, in bytes: ArraySlice<UInt8>) -> (value: String, end: Int)? {
        var j = start + 1
        var simple = true
        while j < bytes.endIndex, bytes[j] != 34 {
            if bytes[j] == 92 { simple = false; j += 1 }
            j += 1
        }
        guard j < bytes.endIndex else { return nil }
        let raw = bytes[start...j]
        if simple { return (String(decoding: bytes[(start + 1)..<j], as: UTF8.self), j + 1) }
        // Escapes are rare in tag values: let the real JSON parser undo them.
        guard let decoded = try? JSONSerializationBridge.decodeString(Array(raw)) else { return nil }
        return (decoded, j + 1)
    }

    private static func isEscaped(_ bytes: ArraySlice<UInt8>, at index: Int) -> Bool {
        var backslashes = 0
        var k = index - 1
        while k >= bytes.startIndex, bytes[k] == 92 { backslashes += 1; k -= 1 }
        return backslashes % 2 == 1
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 }
}

import Foundation

enum JSONSerializationBridge {
    struct NotAString: Error {}
    static func decodeString(_ quoted: [UInt8]) throws -> String {
        let value = try JSONSerialization.jsonObject(with: Data(quoted), options: [.fragmentsAllowed])
        guard let string = value as? String else { throw NotAString() }
        return string
    }
}

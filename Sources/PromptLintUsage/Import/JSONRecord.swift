import Foundation
import PromptLintKit

/// A JSON object from a provider export, read field by field with errors that name the element
/// (`usage.json: data[2].results[0].input_tokens: expected a number, found "12x"`).
struct JSONRecord {
    let object: [String: Any]
    /// Where the object sits in the document, for messages: `data[2].results[0]`.
    let place: String
    let path: String

    func fail(_ field: String, _ message: String) -> SourceError {
        SourceError(path: path, location: nil, message: "\(place).\(field): \(message)")
    }

    func has(_ field: String) -> Bool { object[field] != nil }

    func child(_ field: String) throws(SourceError) -> JSONRecord? {
        guard let value = object[field], !(value is NSNull) else { return nil }
        guard let nested = value as? [String: Any] else { throw fail(field, "expected an object, found \(Self.describe(value))") }
        return JSONRecord(object: nested, place: "\(place).\(field)", path: path)
    }

    func string(_ field: String) throws(SourceError) -> String? {
        guard let value = object[field], !(value is NSNull) else { return nil }
        if let text = value as? String { return text }
        if let number = value as? NSNumber, !Self.isBool(number) { return number.stringValue }
        throw fail(field, "expected a string, found \(Self.describe(value))")
    }

    func requiredString(_ field: String) throws(SourceError) -> String {
        guard let value = try string(field) else { throw fail(field, "missing") }
        return value
    }

    /// A number; decimal strings are accepted (Anthropic writes amounts as strings).
    func number(_ field: String) throws(SourceError) -> Double? {
        guard let value = object[field], !(value is NSNull) else { return nil }
        if let number = value as? NSNumber, !Self.isBool(number) { return number.doubleValue }
        if let text = value as? String, let number = Double(text), number.isFinite { return number }
        throw fail(field, "expected a number, found \(Self.describe(value))")
    }

    /// The number in the first of `fields` that has one.
    func number(anyOf fields: [String]) throws(SourceError) -> Double? {
        for field in fields { if let value = try number(field) { return value } }
        return nil
    }

    func integer(_ field: String) throws(SourceError) -> Int64 {
        guard let value = try number(field) else { return 0 }
        guard value >= 0, value == value.rounded(), value < 9e18 else { throw fail(field, "expected a whole number of tokens, found \(value)") }
        return Int64(value)
    }

    func requiredInteger(_ field: String) throws(SourceError) -> Int64 {
        guard has(field) else { throw fail(field, "missing") }
        return try integer(field)
    }

    func array(_ field: String) throws(SourceError) -> [JSONRecord] {
        guard let value = object[field] else { throw fail(field, "missing") }
        guard let items = value as? [Any] else { throw fail(field, "expected a list, found \(Self.describe(value))") }
        var records: [JSONRecord] = []
        for (index, item) in items.enumerated() {
            guard let object = item as? [String: Any] else { throw fail("\(field)[\(index)]", "expected an object, found \(Self.describe(item))") }
            records.append(JSONRecord(object: object, place: "\(place).\(field)[\(index)]", path: path))
        }
        return records
    }

    /// Unix seconds from a number of seconds or an ISO 8601 string.
    func time(_ field: String) throws(SourceError) -> Int64 {
        guard let value = object[field], !(value is NSNull) else { throw fail(field, "missing") }
        if let number = value as? NSNumber, !Self.isBool(number) { return Int64(number.doubleValue) }
        if let text = value as? String, let seconds = TimestampParser.unixSeconds(text) { return seconds }
        throw fail(field, "expected a time (Unix seconds or ISO 8601), found \(Self.describe(value))")
    }

    static func isBool(_ number: NSNumber) -> Bool {
        // JSONSerialization boxes true/false as NSNumber of ObjC type 'c' (char) on every platform.
        String(cString: number.objCType) == "c"
    }

    static func describe(_ value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case let text as String: return "\"\(text.prefix(40))\""
        case let number as NSNumber: return isBool(number) ? "a boolean" : "\(number)"
        case is [Any]: return "a list"
        case is [String: Any]: return "an object"
        default: return "\(type(of: value))"
        }
    }
}

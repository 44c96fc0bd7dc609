import Foundation
#if canImport(Glibc)
import Glibc
private let posixRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let posixRead = Darwin.read
#endif

/// A position in a source file. `line` and `column` are 1-based; `column` counts Unicode scalars
/// (what editors call characters), `offset` is the 0-based byte offset into the file.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var offset: Int
    public var line: Int
    public var column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool { lhs.offset < rhs.offset }
    public var description: String { "\(line):\(column)" }
}

/// The bytes of one file, kept verbatim, with a line index for turning byte offsets into
/// line/column positions. Immutable and shared by every node parsed from it.
public final class SourceFile: Sendable {
    /// The path as the user named it (used in messages).
    public let path: String
    public let bytes: [UInt8]
    /// Byte offset of the first byte of each line. Lines end at "\n", "\r\n" or a lone "\r".
    public let lineStarts: [Int]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A {
                starts.append(index + 1)
            } else if byte == 0x0D {
                if index + 1 < count, bytes[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        self.lineStarts = starts
    }

    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// Reads a file; fails with a located error when it is not UTF-8 text.
    public static func read(path: String, displayPath: String? = nil) throws(SourceError) -> SourceFile {
        let display = displayPath ?? path
        let bytes: [UInt8]
        do { bytes = try readBytes(path) } catch { throw SourceError(path: display, location: nil, message: error.message) }
        let file = SourceFile(path: display, bytes: bytes)
        try file.validateText()
        return file
    }

    /// Standard input, read to its end (up to `maxInputBytes`); a closed descriptor is an error, not a trap.
    public static func readStandardInput() throws(SourceError) -> SourceFile {
        var info = stat()
        guard !StandardStreams.inputClosed, fstat(STDIN_FILENO, &info) == 0 else {
            throw SourceError(path: "<stdin>", location: nil, message: "standard input is closed")
        }
        let bytes: [UInt8]
        do { bytes = try readAll(STDIN_FILENO, sizeHint: 0) } catch { throw SourceError(path: "<stdin>", location: nil, message: error.message) }
        let file = SourceFile(path: "<stdin>", bytes: bytes)
        try file.validateText()
        return file
    }

    /// The largest input read (a file, standard input): `$PROMPTLINT_MAX_INPUT_MB` megabytes, 64 by
    /// default. `yes | promptlint lint -` must end with an error, not when memory runs out.
    public static let maxInputBytes: Int = {
        if let text = ProcessInfo.processInfo.environment["PROMPTLINT_MAX_INPUT_MB"], let megabytes = Int(text), megabytes > 0 {
            return megabytes.multipliedReportingOverflow(by: 1 << 20).overflow ? Int.max : megabytes << 20
        }
        return 64 << 20
    }()

    struct ReadError: Error {
        var message: String
    }

    /// Reads a whole regular file with POSIX calls (Foundation's URL-based reading costs more than
    /// the parse of a small template). Opening never blocks: a FIFO or device is refused.
    static func readBytes(_ path: String) throws(ReadError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(message: "cannot read file: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw ReadError(message: "cannot read file: \(String(cString: strerror(errno)))") }
        if let kind = FileKind.nonRegular(info.st_mode) { throw ReadError(message: "not a regular file (\(kind)); not read") }
        return try readAll(descriptor, sizeHint: Int(info.st_size))
    }

    static func readAll(_ descriptor: Int32, sizeHint: Int) throws(ReadError) -> [UInt8] {
        let limit = maxInputBytes
        if sizeHint > limit { throw tooLarge(limit) }
        var bytes = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: max(4096, min(sizeHint, limit) + 1))
        while true {
            let count = chunk.withUnsafeMutableBytes { posixRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(message: "cannot read: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            if bytes.count + count > limit { throw tooLarge(limit) }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    static func tooLarge(_ limit: Int) -> ReadError {
        ReadError(message: "input larger than \(limit >> 20) MB; not read (set PROMPTLINT_MAX_INPUT_MB to raise the limit)")
    }

    /// Rejects binary files and invalid UTF-8 with the position of the first bad byte.
    public func validateText() throws(SourceError) {
        if let nul = bytes.firstIndex(of: 0) {
            throw SourceError(path: path, location: location(ofByte: nul), message: "binary file (contains a NUL byte); expected UTF-8 text")
        }
        if let bad = Self.firstInvalidUTF8Offset(bytes) {
            throw SourceError(path: path, location: location(ofByte: bad), message: "invalid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true))); expected UTF-8 text")
        }
    }

    /// The whole file as a String (valid after `validateText`).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// 0-based line index containing `offset`.
    public func lineIndex(ofByte offset: Int) -> Int {
        // The last line starting at or before `offset` (line 0 starts at 0).
        max(0, lineStarts.partitioningIndex { $0 > offset } - 1)
    }

    public func location(ofByte offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        let line = lineIndex(ofByte: clamped)
        var column = 1
        var index = lineStarts[line]
        while index < clamped {
            // Count scalars: every byte that is not a UTF-8 continuation byte starts one.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(offset: clamped, line: line + 1, column: column)
    }

    /// True when `needle` occurs anywhere in the file (a byte scan, to gate slower work).
    public func contains(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        guard pattern.count <= bytes.count else { return false }
        return bytes.withUnsafeBufferPointer { haystack in
            var index = 0
            let last = haystack.count - pattern.count
            while index <= last {
                if haystack[index] == first {
                    var offset = 1
                    while offset < pattern.count, haystack[index + offset] == pattern[offset] { offset += 1 }
                    if offset == pattern.count { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// The text of a 1-based line, without its line break.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    public func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
            default: return index
            }
            if index + length > count { return index }
            for next in 1..<length {
                let byte = bytes[index + next]
                if byte & 0xC0 != 0x80 { return index }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
            index += length
        }
        return nil
    }
}

/// What a path is when it is not a regular file or a directory (walks and reads skip it).
enum FileKind {
    static func nonRegular(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        default: return "not a regular file"
        }
    }
}

/// An error in a user's file, printed as `file:line:col: message`.
public struct SourceError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var location: SourceLocation?
    public var message: String

    public init(path: String, location: SourceLocation?, message: String) {
        self.path = path
        self.location = location
        self.message = message
    }

    public var description: String {
        if let location { return "\(path):\(location.line):\(location.column): \(message)" }
        return "\(path): \(message)"
    }
}

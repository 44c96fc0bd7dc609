/// Byte-level helpers shared by the text analyzers. Everything works on UTF-8 bytes;
/// nothing here allocates per byte.
enum Bytes {
    static let space: UInt8 = 0x20, tab: UInt8 = 0x09, newline: UInt8 = 0x0A, cr: UInt8 = 0x0D

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == space || b == tab }
    @inline(__always) static func isWhitespace(_ b: UInt8) -> Bool { b == space || b == tab || b == newline || b == cr }
    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isASCIIAlnum(_ b: UInt8) -> Bool { isASCIILetter(b) || isDigit(b) }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    @inline(__always) static func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }

    /// ASCII lowercase; Latin-1 supplement capitals (`À`–`Þ`, except `×`) are lowered by `foldSecond`.
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }

    /// Whether `needle` occurs in `haystack` (plain byte comparison).
    static func contains(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count, haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    /// Lowercases the second byte of a two-byte `C3 xx` sequence (À..Þ → à..þ).
    @inline(__always) static func foldSecond(_ lead: UInt8, _ b: UInt8) -> UInt8 {
        (lead == 0xC3 && b >= 0x80 && b <= 0x9E && b != 0x97) ? b + 0x20 : b
    }

    /// Lowercased bytes of a string (ASCII + Latin-1 capitals).
    static func folded(_ s: String) -> [UInt8] {
        var out = Array(s.utf8)
        var i = 0
        while i < out.count {
            if out[i] == 0xC3, i + 1 < out.count { out[i + 1] = foldSecond(0xC3, out[i + 1]); i += 2; continue }
            out[i] = lower(out[i]); i += 1
        }
        return out
    }

    /// Decodes the scalar starting at `i` (returns nil on a continuation byte or end).
    static func scalar(at i: Int, in b: [UInt8]) -> (Unicode.Scalar, Int)? {
        guard i >= 0, i < b.count else { return nil }
        let b0 = b[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        var len = 0, v: UInt32 = 0
        if b0 & 0xE0 == 0xC0 { len = 2; v = UInt32(b0 & 0x1F) }
        else if b0 & 0xF0 == 0xE0 { len = 3; v = UInt32(b0 & 0x0F) }
        else if b0 & 0xF8 == 0xF0 { len = 4; v = UInt32(b0 & 0x07) }
        else { return nil }
        guard i + len <= b.count else { return nil }
        for k in 1..<len { v = (v << 6) | UInt32(b[i + k] & 0x3F) }
        guard let s = Unicode.Scalar(v) else { return nil }
        return (s, len)
    }

    /// The scalar ending just before `i`, with its start offset.
    static func scalar(before i: Int, in b: [UInt8]) -> (Unicode.Scalar, Int)? {
        guard i > 0, i <= b.count else { return nil }
        var s = i - 1
        while s > 0, isContinuation(b[s]), i - s < 4 { s -= 1 }
        guard let (sc, _) = scalar(at: s, in: b) else { return nil }
        return (sc, s)
    }

    /// Is this scalar part of a word (letters, digits, `_`)? CJK counts as a word character.
    @inline(__always) static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return isASCIIAlnum(UInt8(s.value)) || s == "_" }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// True if no word character ends right before `i`.
    static func isWordStart(_ i: Int, in b: [UInt8]) -> Bool {
        guard i > 0 else { return true }
        let p = b[i - 1]
        if p < 0x80 { return !(isASCIIAlnum(p) || p == 0x5F) }
        guard let (s, _) = scalar(before: i, in: b) else { return true }
        return !isWordScalar(s)
    }

    /// True if no word character starts at `i`.
    static func isWordEnd(_ i: Int, in b: [UInt8]) -> Bool {
        guard i < b.count else { return true }
        let p = b[i]
        if p < 0x80 { return !(isASCIIAlnum(p) || p == 0x5F) }
        guard let (s, _) = scalar(at: i, in: b) else { return true }
        return !isWordScalar(s)
    }

    /// Japanese kana, CJK ideographs, full-width forms and CJK punctuation.
    @inline(__always) static func isCJK(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x3000...0x30FF).contains(v) || (0x3400...0x9FFF).contains(v) || (0xFF00...0xFFEF).contains(v)
    }

    static func string(_ b: [UInt8], _ r: Range<Int>) -> String { String(decoding: b[r], as: UTF8.self) }

    /// Skips spaces and tabs forward.
    @inline(__always) static func skipSpaces(_ i: Int, _ b: [UInt8]) -> Int {
        var j = i; while j < b.count, isSpace(b[j]) { j += 1 }; return j
    }

    /// Skips spaces and tabs backward; returns the offset just after the last non-space byte before `i`.
    @inline(__always) static func skipSpacesBack(_ i: Int, _ b: [UInt8]) -> Int {
        var j = i; while j > 0, isSpace(b[j - 1]) { j -= 1 }; return j
    }

    /// Whether bytes at `i` equal `pattern` exactly.
    @inline(__always) static func has(_ pattern: [UInt8], at i: Int, in b: [UInt8]) -> Bool {
        guard i >= 0, i + pattern.count <= b.count else { return false }
        for k in 0..<pattern.count where b[i + k] != pattern[k] { return false }
        return true
    }

    static let fnvOffset: UInt64 = 0xcbf29ce484222325, fnvPrime: UInt64 = 0x100000001b3

    /// FNV-1a hash of a string's (already lowercase) UTF-8 bytes.
    static func fnv(_ s: String) -> UInt64 {
        var h = fnvOffset
        for c in s.utf8 { h = (h ^ UInt64(c)) &* fnvPrime }
        return h
    }

    /// FNV-1a hash of `b[r]`, ASCII-lowercased.
    @inline(__always) static func fnvLower(_ b: [UInt8], _ r: Range<Int>) -> UInt64 {
        var h = fnvOffset
        for k in r { h = (h ^ UInt64(lower(b[k]))) &* fnvPrime }
        return h
    }

    /// Whether the three bytes at `i` are `x y z`.
    @inline(__always) static func has3(_ x: UInt8, _ y: UInt8, _ z: UInt8, at i: Int, in b: [UInt8]) -> Bool {
        i >= 0 && i + 2 < b.count && b[i] == x && b[i + 1] == y && b[i + 2] == z
    }

    /// Case-insensitive (ASCII) comparison of bytes at `i` with a lowercase pattern.
    @inline(__always) static func hasFolded(_ pattern: [UInt8], at i: Int, in b: [UInt8]) -> Bool {
        guard i >= 0, i + pattern.count <= b.count else { return false }
        for k in 0..<pattern.count where lower(b[i + k]) != pattern[k] { return false }
        return true
    }
}

/// A word token: byte range plus its lowercased text.
struct WordToken: Sendable, Hashable {
    var range: Range<Int>
    var lower: String
    var isNumber: Bool
    /// False for punctuation tokens.
    var isWord: Bool = true
    /// FNV-1a hash of `lower` (see ``Bytes/fnv(_:)``), for allocation-free table look-ups.
    var hash: UInt64 { Bytes.fnv(lower) }
}

enum WordTokenizer {
    /// Splits `range` of `b` into word tokens (letters/digits/apostrophes inside words; CJK runs
    /// are split per scalar). Punctuation is skipped except that each non-space punctuation byte
    /// run is emitted as its own token when `keepPunctuation` is true.
    static func tokens(_ b: [UInt8], _ range: Range<Int>, keepPunctuation: Bool = false) -> [WordToken] {
        var out: [WordToken] = []
        var lowered: [UInt8] = []
        lowered.reserveCapacity(32)
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let c = b[i]
            // ASCII fast paths.
            if c < 0x80, !Bytes.isASCIIAlnum(c) {
                if keepPunctuation, !Bytes.isWhitespace(c) {
                    out.append(WordToken(range: i..<(i + 1), lower: String(UnicodeScalar(c)), isNumber: false, isWord: false))
                }
                i += 1; continue
            }
            guard let (s, len) = c < 0x80 ? (Unicode.Scalar(c), 1) : Bytes.scalar(at: i, in: b) else { i += 1; continue }
            if c >= 0x80, Bytes.isCJK(s), Bytes.isWordScalar(s) {
                out.append(WordToken(range: i..<(i + len), lower: String(s), isNumber: false))
                i += len; continue
            }
            if Bytes.isWordScalar(s) {
                let start = i
                var allDigits = true
                lowered.removeAll(keepingCapacity: true)
                while i < end {
                    let d = b[i]
                    if d < 0x80 {
                        if Bytes.isASCIIAlnum(d) || d == 0x5F {
                            if !Bytes.isDigit(d) { allDigits = false }
                            lowered.append(Bytes.lower(d)); i += 1; continue
                        }
                        if d == 0x27, !allDigits, i + 1 < end, Bytes.isASCIILetter(b[i + 1]) { lowered.append(0x27); i += 1; continue }
                        if (d == 0x2E || d == 0x2C), allDigits, i + 1 < end, Bytes.isDigit(b[i + 1]) {
                            if d == 0x2E { lowered.append(0x2E) }
                            i += 1; continue
                        }
                        break
                    }
                    guard let (t, l) = Bytes.scalar(at: i, in: b) else { break }
                    if Bytes.isWordScalar(t) && !Bytes.isCJK(t) {
                        allDigits = false
                        if l == 2 { lowered.append(b[i]); lowered.append(Bytes.foldSecond(b[i], b[i + 1])) }
                        else { lowered.append(contentsOf: b[i..<(i + l)]) }
                        i += l
                    } else if t == "\u{2019}", !allDigits, i + l < end, Bytes.isASCIILetter(b[i + l]) {
                        lowered.append(0x27); i += l
                    } else { break }
                }
                out.append(WordToken(range: start..<i, lower: String(decoding: lowered, as: UTF8.self), isNumber: allDigits))
                continue
            }
            if keepPunctuation, !(s.properties.isWhitespace) {
                out.append(WordToken(range: i..<(i + len), lower: String(s), isNumber: false, isWord: false))
            }
            i += len
        }
        return out
    }
}

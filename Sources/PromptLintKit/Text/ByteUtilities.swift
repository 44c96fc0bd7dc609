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
}

enum WordTokenizer {
    /// Splits `range` of `b` into word tokens (letters/digits/apostrophes inside words; CJK runs
    /// are split per scalar). Punctuation is skipped except that each non-space punctuation byte
    /// run is emitted as its own token when `keepPunctuation` is true.
    static func tokens(_ b: [UInt8], _ range: Range<Int>, keepPunctuation: Bool = false) -> [WordToken] {
        var out: [WordToken] = []
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            guard let (s, len) = Bytes.scalar(at: i, in: b) else { i += 1; continue }
            if Bytes.isCJK(s), Bytes.isWordScalar(s) {
                out.append(WordToken(range: i..<(i + len), lower: String(s), isNumber: false))
                i += len; continue
            }
            if Bytes.isWordScalar(s) {
                let start = i
                var allDigits = true
                var lowered: [UInt8] = []
                while i < end, let (t, l) = Bytes.scalar(at: i, in: b) {
                    if Bytes.isWordScalar(t) && !Bytes.isCJK(t) {
                        if !(t.isASCII && Bytes.isDigit(UInt8(t.value))) { allDigits = false }
                        if l == 1 { lowered.append(Bytes.lower(b[i])) }
                        else if l == 2 { lowered.append(b[i]); lowered.append(Bytes.foldSecond(b[i], b[i + 1])) }
                        else { lowered.append(contentsOf: b[i..<(i + l)]) }
                        i += l
                    } else if (t == "'" || t == "\u{2019}"), i + l < end, let (n, _) = Bytes.scalar(at: i + l, in: b),
                              Bytes.isWordScalar(n), !Bytes.isCJK(n), !allDigits {
                        lowered.append(0x27); i += l
                    } else if (t == "." || t == ","), allDigits, i + 1 < end, Bytes.isDigit(b[i + 1]) {
                        // 3.5 / 1,000
                        if t == "." { lowered.append(0x2E) }
                        i += 1
                    } else { break }
                }
                out.append(WordToken(range: start..<i, lower: String(decoding: lowered, as: UTF8.self), isNumber: allDigits))
                continue
            }
            if keepPunctuation, !(s.properties.isWhitespace) {
                out.append(WordToken(range: i..<(i + len), lower: String(s), isNumber: false))
            }
            i += len
        }
        return out
    }
}

import Foundation

/// One searchable word of a text: its normalised (and usually stemmed) term and where it is.
public struct SearchToken: Sendable, Equatable {
    /// The normalised term: case-folded, diacritics stripped, lightly stemmed (or a CJK bigram).
    public var term: String
    /// UTF-8 byte range of the word in the text it was read from.
    public var range: Range<Int>
    /// A CJK character bigram (or a lone CJK character).
    public var isCJK: Bool
}

/// Turns text into search terms, the same way for documents and queries: words of letters and
/// digits (split at punctuation, `_`, `-`, `/`, Mustache braces), case-folded, diacritics stripped,
/// English plural and verb endings removed ("tickets", "summarized" → "ticket", "summariz"); runs
/// of Han, Hiragana, Katakana or Hangul become overlapping character bigrams, since those scripts
/// do not separate words with spaces.
///
/// Works on UTF-8 bytes with an ASCII fast path: a 10,000-template library is ~15 MB of text.
public enum TextNormalizer {
    public static func tokens(_ text: String, stem: Bool = true) -> [SearchToken] {
        var tokens: [SearchToken] = []
        var text = text
        text.withUTF8 { bytes in tokenize(bytes, stem: stem) { tokens.append($0) } }
        return tokens
    }

    /// Just the terms, in order.
    public static func terms(_ text: String, stem: Bool = true) -> [String] {
        tokens(text, stem: stem).map(\.term)
    }

    /// Calls `emit` for every token of UTF-8 `bytes`.
    public static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, stem: Bool, _ emit: (SearchToken) -> Void) {
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var wordStart = 0
        var wordEnd = 0
        var wordIsASCIIAlpha = true
        // CJK run: (scalar, start, end) of the previous character, to pair into bigrams.
        var cjkPrevious: (scalar: Unicode.Scalar, start: Int)?
        var cjkRunLength = 0

        func flushWord() {
            guard !word.isEmpty else { return }
            let term = stem && wordIsASCIIAlpha ? Stemmer.stem(word) : String(decoding: word, as: UTF8.self)
            emit(SearchToken(term: term, range: wordStart..<wordEnd, isCJK: false))
            word.removeAll(keepingCapacity: true)
            wordIsASCIIAlpha = true
        }
        func flushCJK() {
            if cjkRunLength == 1, let previous = cjkPrevious {
                emit(SearchToken(term: String(Character(previous.scalar)), range: previous.start..<previous.start + UTF8.width(previous.scalar), isCJK: true))
            }
            cjkPrevious = nil
            cjkRunLength = 0
        }

        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                let isUpper = byte >= 0x41 && byte <= 0x5A
                let isLower = byte >= 0x61 && byte <= 0x7A
                let isDigit = byte >= 0x30 && byte <= 0x39
                if isUpper || isLower || isDigit {
                    if cjkRunLength > 0 { flushCJK() }
                    if word.isEmpty { wordStart = index }
                    word.append(isUpper ? byte + 0x20 : byte)
                    if isDigit { wordIsASCIIAlpha = false }
                    wordEnd = index + 1
                } else if byte == 0x27, !word.isEmpty, index + 1 < count, isASCIILetter(bytes[index + 1]) {
                    // An apostrophe inside a word ("customer's") is dropped, the word goes on.
                } else {
                    flushWord()
                    if cjkRunLength > 0 { flushCJK() }
                }
                index += 1
                continue
            }
            // Decode one non-ASCII scalar.
            let (scalar, length) = decodeScalar(bytes, at: index)
            if isCJK(scalar) {
                flushWord()
                if let previous = cjkPrevious {
                    var pair = String(Character(previous.scalar))
                    pair.unicodeScalars.append(scalar)
                    emit(SearchToken(term: pair, range: previous.start..<index + length, isCJK: true))
                }
                cjkPrevious = (scalar, index)
                cjkRunLength += 1
            } else if scalar == "\u{2019}", !word.isEmpty, index + length < count, isASCIILetter(bytes[index + length]) {
                // A typographic apostrophe inside a word.
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if cjkRunLength > 0 { flushCJK() }
                if word.isEmpty { wordStart = index }
                appendFolded(scalar, to: &word)
                wordIsASCIIAlpha = wordIsASCIIAlpha && word.allSatisfy(isASCIILetter)
                wordEnd = index + length
            } else if scalar.properties.generalCategory == .nonspacingMark, !word.isEmpty {
                // A combining accent after a letter: stripped, the word goes on.
                wordEnd = index + length
            } else {
                flushWord()
                if cjkRunLength > 0 { flushCJK() }
            }
            index += length
        }
        flushWord()
        flushCJK()
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// Han, Hiragana, Katakana (full and half width) and Hangul.
    public static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF66...0xFF9F,
             0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F, 0x20000...0x2FFFF:
            return true
        default:
            return false
        }
    }

    /// Lower-cases a letter and strips its diacritics ("É" → "e", "ß" stays).
    static func appendFolded(_ scalar: Unicode.Scalar, to word: inout [UInt8]) {
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping
        for part in decomposed.unicodeScalars where part.properties.generalCategory != .nonspacingMark {
            for lower in part.properties.lowercaseMapping.unicodeScalars {
                word.append(contentsOf: String(lower).utf8)
            }
        }
    }

    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard index + length <= bytes.count, length > 1 else { return ("\u{FFFD}", 1) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}

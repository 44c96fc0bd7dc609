/// Hand-written equivalents of tiktoken's split regexes, scanning UTF-8 bytes.
///
/// Why not a regex engine: NSRegularExpression splits at ~20 MB/s and Swift `Regex` is slower and
/// disagrees on some inputs; the split is the hot loop of the tokenizer. Each scanner below walks
/// the regex alternatives in order and reproduces the engine's backtracking outcome directly
/// (the comments name the alternative each branch stands for), in time linear in the piece.
///
/// The input is a `String`'s UTF-8, hence always valid: decoding does no validation.
struct ScalarCursor {
    let text: UnsafeBufferPointer<UInt8>
    let classes: UnsafePointer<UInt8>

    @inline(__always) var count: Int { text.count }

    @inline(__always) func byte(_ i: Int) -> UInt8 { text[i] }

    /// Class code and UTF-8 length of the scalar starting at byte `i`.
    @inline(__always)
    func classAt(_ i: Int) -> (code: UInt8, length: Int) {
        let b0 = UInt32(text[i])
        if b0 < 0x80 { return (classes[Int(b0)], 1) }
        if b0 < 0xE0 {
            let cp = (b0 & 0x1F) << 6 | (UInt32(text[i + 1]) & 0x3F)
            return (classes[Int(cp)], 2)
        }
        if b0 < 0xF0 {
            let cp = (b0 & 0x0F) << 12 | (UInt32(text[i + 1]) & 0x3F) << 6 | (UInt32(text[i + 2]) & 0x3F)
            return (classes[Int(cp)], 3)
        }
        let cp = (b0 & 0x07) << 18 | (UInt32(text[i + 1]) & 0x3F) << 12
            | (UInt32(text[i + 2]) & 0x3F) << 6 | (UInt32(text[i + 3]) & 0x3F)
        return (classes[Int(cp)], 4)
    }

    /// End of the longest run of scalars from `i` whose class is in `set`.
    @inline(__always)
    func runEnd(_ i: Int, _ set: UInt16) -> Int {
        var j = i
        while j < count {
            let (code, length) = classAt(j)
            if !ScalarClass.isIn(set, code) { break }
            j += length
        }
        return j
    }

    /// Whether the scalar at `i` is `ascii` in either case, or ſ (U+017F, folds to s) when
    /// `ascii` is "s": `(?i:...)` in tiktoken uses Unicode simple case folding.
    /// Returns the scalar's length on a match, 0 otherwise.
    @inline(__always)
    func caselessLength(_ i: Int, _ ascii: UInt8) -> Int {
        guard i < count else { return 0 }
        let b = text[i]
        if b | 0x20 == ascii { return 1 }
        if ascii == UInt8(ascii: "s") && b == 0xC5 && i + 1 < count && text[i + 1] == 0xBF { return 2 }
        return 0
    }

    /// End of an English contraction after the apostrophe at `p`: 's 'd 'm 't 'll 've 're in any
    /// case (both patterns accept the same seven), or nil.
    @inline(__always)
    func contractionEnd(_ p: Int) -> Int? {
        let q = p + 1
        guard q < count else { return nil }
        let sLength = caselessLength(q, UInt8(ascii: "s"))
        if sLength > 0 { return q + sLength }
        // `| 0x20` lower-cases ASCII letters; no other byte maps onto these letters.
        switch text[q] | 0x20 {
        case UInt8(ascii: "d"), UInt8(ascii: "m"), UInt8(ascii: "t"):
            return q + 1
        case UInt8(ascii: "l"):
            return q + 1 < count && text[q + 1] | 0x20 == UInt8(ascii: "l") ? q + 2 : nil
        case UInt8(ascii: "v"), UInt8(ascii: "r"):
            return q + 1 < count && text[q + 1] | 0x20 == UInt8(ascii: "e") ? q + 2 : nil
        default:
            return nil
        }
    }

    /// Shared tail of both patterns' whitespace alternatives: the end of the maximal whitespace
    /// run from `i`, the start of its last scalar, and the end of its last CR/LF (or -1).
    @inline(__always)
    func whitespaceRun(_ i: Int) -> (end: Int, lastStart: Int, lastNewlineEnd: Int) {
        var j = i, lastStart = i, lastNewlineEnd = -1
        while j < count {
            let (code, length) = classAt(j)
            if code != ScalarClass.whitespace { break }
            let b = text[j]
            if b == 0x0A || b == 0x0D { lastNewlineEnd = j + 1 }
            lastStart = j
            j += length
        }
        return (j, lastStart, lastNewlineEnd)
    }
}

/// A pre-tokenizer: where the piece starting at byte `start` ends.
protocol PieceScanner {
    static func pieceEnd(_ s: ScalarCursor, _ start: Int) -> Int
}

/// cl100k_base:
/// `'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s`
enum Cl100kScanner: PieceScanner {
    @inline(__always)
    static func pieceEnd(_ s: ScalarCursor, _ p: Int) -> Int {
        let n = s.count
        let b = s.byte(p)
        // '(?i:[sdmt]|ll|ve|re)
        if b == UInt8(ascii: "'"), let end = s.contractionEnd(p) { return end }
        let (code, length) = s.classAt(p)
        // [^\r\n\p{L}\p{N}]?+\p{L}++ without the optional prefix
        if ScalarClass.isIn(ScalarClass.letterSet, code) {
            return s.runEnd(p + length, ScalarClass.letterSet)
        }
        // \p{N}{1,3}+
        if code == ScalarClass.number {
            var j = p + length
            for _ in 0..<2 where j < n {
                let (c, l) = s.classAt(j)
                if c != ScalarClass.number { break }
                j += l
            }
            return j
        }
        // [^\r\n\p{L}\p{N}]?+\p{L}++ with the prefix (any non-letter, non-number but CR/LF)
        if b != 0x0A && b != 0x0D && p + length < n {
            let (next, nextLength) = s.classAt(p + length)
            if ScalarClass.isIn(ScalarClass.letterSet, next) {
                return s.runEnd(p + length + nextLength, ScalarClass.letterSet)
            }
        }
        //  ?[^\s\p{L}\p{N}]++[\r\n]*+
        var punctStart = -1
        if ScalarClass.isIn(ScalarClass.punctuationSet, code) {
            punctStart = p
        } else if b == 0x20 && p + 1 < n && ScalarClass.isIn(ScalarClass.punctuationSet, s.classAt(p + 1).code) {
            punctStart = p + 1
        }
        if punctStart >= 0 {
            var j = s.runEnd(punctStart, ScalarClass.punctuationSet)
            while j < n && (s.byte(j) == 0x0A || s.byte(j) == 0x0D) { j += 1 }
            return j
        }
        // Only whitespace is left.
        let run = s.whitespaceRun(p)
        if run.end == n { return n }                                   // \s++$
        if run.lastNewlineEnd >= 0 { return run.lastNewlineEnd }       // \s*[\r\n]
        if run.lastStart > p { return run.lastStart }                  // \s+(?!\S)
        return p + length                                              // \s
    }
}

/// o200k_base:
/// `[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?`
/// `|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?`
/// `|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+`
enum O200kScanner: PieceScanner {
    @inline(__always)
    static func pieceEnd(_ s: ScalarCursor, _ p: Int) -> Int {
        let n = s.count
        let b = s.byte(p)
        let (code, length) = s.classAt(p)
        // The optional prefix [^\r\n\p{L}\p{N}]: greedy, so tried first, then without it.
        let hasPrefix = b != 0x0A && b != 0x0D && p + length < n
            && !ScalarClass.isIn(ScalarClass.letterSet, code) && code != ScalarClass.number
        let isWordScalar = ScalarClass.isIn(ScalarClass.upperSet | ScalarClass.lowerSet, code)
        // First alternative (upper* lower+), with then without prefix.
        if hasPrefix, let end = upperStarLowerPlus(s, p + length) { return end }
        if isWordScalar, let end = upperStarLowerPlus(s, p) { return end }
        // Second alternative (upper+ lower*).
        if hasPrefix, let end = upperPlusLowerStar(s, p + length) { return end }
        if ScalarClass.isIn(ScalarClass.upperSet, code), let end = upperPlusLowerStar(s, p) { return end }
        // \p{N}{1,3}
        if code == ScalarClass.number {
            var j = p + length
            for _ in 0..<2 where j < n {
                let (c, l) = s.classAt(j)
                if c != ScalarClass.number { break }
                j += l
            }
            return j
        }
        //  ?[^\s\p{L}\p{N}]+[\r\n/]*
        var punctStart = -1
        if ScalarClass.isIn(ScalarClass.punctuationSet, code) {
            punctStart = p
        } else if b == 0x20 && p + 1 < n && ScalarClass.isIn(ScalarClass.punctuationSet, s.classAt(p + 1).code) {
            punctStart = p + 1
        }
        if punctStart >= 0 {
            var j = s.runEnd(punctStart, ScalarClass.punctuationSet)
            while j < n && (s.byte(j) == 0x0A || s.byte(j) == 0x0D || s.byte(j) == UInt8(ascii: "/")) { j += 1 }
            return j
        }
        // Only whitespace is left.
        let run = s.whitespaceRun(p)
        if run.lastNewlineEnd >= 0 { return run.lastNewlineEnd }       // \s*[\r\n]+
        if run.end == n { return n }                                   // \s+(?!\S) at the end
        if run.lastStart > p { return run.lastStart }                  // \s+(?!\S)
        return run.end                                                 // \s+
    }

    /// `[upper]*[lower]+` then the optional contraction, from `q`; nil if it cannot match.
    /// Greedy `[upper]*` backs off until a `[lower]` scalar follows; since Lm/Lo/M are in both
    /// sets, that lands just after the last "both" scalar of the upper run, unless an Ll follows
    /// the whole run.
    @inline(__always)
    static func upperStarLowerPlus(_ s: ScalarCursor, _ q: Int) -> Int? {
        var j = q, lastLowerEnd = -1
        while j < s.count {
            let (c, l) = s.classAt(j)
            if !ScalarClass.isIn(ScalarClass.upperSet, c) { break }
            j += l
            if ScalarClass.isIn(ScalarClass.lowerSet, c) { lastLowerEnd = j }
        }
        if j < s.count && s.classAt(j).code == ScalarClass.ll {
            return contraction(s, s.runEnd(j, ScalarClass.lowerSet))
        }
        return lastLowerEnd >= 0 ? contraction(s, lastLowerEnd) : nil
    }

    /// `[upper]+[lower]*` then the optional contraction, from `q`; nil if no upper scalar.
    @inline(__always)
    static func upperPlusLowerStar(_ s: ScalarCursor, _ q: Int) -> Int? {
        let j = s.runEnd(q, ScalarClass.upperSet)
        if j == q { return nil }
        return contraction(s, s.runEnd(j, ScalarClass.lowerSet))
    }

    /// `(?i:'s|'t|'re|'ve|'m|'ll|'d)?` at `e`: the same set as cl100k's, as an optional suffix.
    @inline(__always)
    static func contraction(_ s: ScalarCursor, _ e: Int) -> Int {
        guard e < s.count, s.byte(e) == UInt8(ascii: "'") else { return e }
        return s.contractionEnd(e) ?? e
    }
}

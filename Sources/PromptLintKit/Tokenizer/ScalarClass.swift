/// Character classes of the pre-tokenizer regexes, one small integer per Unicode scalar.
///
/// The regexes only ever ask "is it a letter (and which kind), a mark, a number, whitespace?",
/// so a single class code per scalar answers every question with one table load.
/// Raw values must match `CODES` in scripts/gen_unicode_tables.py.
enum ScalarClass {
    static let other: UInt8 = 0
    static let lu: UInt8 = 1
    static let ll: UInt8 = 2
    static let lt: UInt8 = 3
    static let lm: UInt8 = 4
    static let lo: UInt8 = 5
    static let mark: UInt8 = 6
    static let number: UInt8 = 7
    static let whitespace: UInt8 = 8

    // Class sets as bit masks over the codes above: `(set >> code) & 1` tests membership.
    /// \p{L}
    static let letterSet: UInt16 = 0b0_0011_1110
    /// o200k's [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]
    static let upperSet: UInt16 = 0b0_0111_1010
    /// o200k's [\p{Ll}\p{Lm}\p{Lo}\p{M}]
    static let lowerSet: UInt16 = 0b0_0111_0100
    /// [^\s\p{L}\p{N}]: marks count here because they are neither letters nor numbers.
    static let punctuationSet: UInt16 = 0b0_0100_0001

    @inline(__always)
    static func isIn(_ set: UInt16, _ code: UInt8) -> Bool {
        (set >> UInt16(code)) & 1 != 0
    }
}

/// A flat class table over all 0x110000 code points.
///
/// 1.1 MB, but filled from ~3,200 runs with bulk fills in well under a millisecond, and a lookup
/// is one load with no branches; text in one script touches only a few cache lines of it.
final class ScalarClassTable: @unchecked Sendable {
    static let shared = ScalarClassTable()

    /// Immutable after init and never freed (the table lives for the whole process).
    let classes: UnsafePointer<UInt8>

    private init() {
        let size = 0x110000
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        let runs = UnicodeClassTable.runs
        for (index, run) in runs.enumerated() {
            let first = Int(run >> 8)
            let end = index + 1 < runs.count ? Int(runs[index + 1] >> 8) : size
            (table + first).initialize(repeating: UInt8(truncatingIfNeeded: run), count: end - first)
        }
        classes = UnsafePointer(table)
    }
}

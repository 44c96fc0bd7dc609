/// Calendar arithmetic on UTC days, without Foundation's calendars (fast enough for a million
/// timestamps a second, and independent of the machine's time zone).
public struct UTCDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var index: Int64

    public init(index: Int64) { self.index = index }

    public init(year: Int64, month: Int64, day: Int64) {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        index = era * 146_097 + doe - 719_468
    }

    public init(unixSeconds: Int64) {
        index = unixSeconds >= 0 ? unixSeconds / 86_400 : (unixSeconds - 86_399) / 86_400
    }

    /// Parses `YYYY-MM-DD`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int64(parts[0]), let m = Int64(parts[1]), let d = Int64(parts[2]),
              (1...12).contains(m), d >= 1, d <= UTCDay.daysInMonth(year: y, month: m) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var civil: (year: Int64, month: Int64, day: Int64) {
        let z = index + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    public var weekday: Int64 { ((index % 7) + 7 + 3) % 7 }

    public var startSeconds: Int64 { index * 86_400 }

    public static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public func adding(days: Int64) -> UTCDay { UTCDay(index: index + days) }

    public var description: String {
        let (y, m, d) = civil
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    public static func < (lhs: UTCDay, rhs: UTCDay) -> Bool { lhs.index < rhs.index }

    public static func today() -> UTCDay {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return UTCDay(unixSeconds: Int64(now.tv_sec))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses the timestamps the sources write: ISO 8601 (`2026-11-03T14:05:09.123Z`, `+01:00`) and
/// Postgres text (`2026-11-03 14:05:09.123456+00`, or no zone, read as UTC), on UTF-8 bytes.
public enum TimestampParser {
    public static func unixSeconds<C: RandomAccessCollection>(_ bytes: C) -> Int64? where C.Element == UInt8, C.Index == Int {
        var i = bytes.startIndex
        let end = bytes.endIndex
        func digits(_ count: Int) -> Int64? {
            guard end - i >= count else { return nil }
            var value: Int64 = 0
            for _ in 0..<count {
                let c = bytes[i]
                guard c >= 48, c <= 57 else { return nil }
                value = value * 10 + Int64(c - 48)
                i += 1
            }
            return value
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < end, bytes[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), expect(45), let month = digits(2), expect(45), let day = digits(2),
              (1...12).contains(month), day >= 1, day <= UTCDay.daysInMonth(year: year, month: month) else { return nil }
        var seconds = UTCDay(year: year, month: month, day: day).startSeconds
        guard i < end else { return seconds }
        guard bytes[i] == 84 || bytes[i] == 32 else { return nil }  // 'T' or ' '
        i += 1
        guard let hour = digits(2), expect(58), let minute = digits(2), hour < 24, minute < 60 else { return nil }
        seconds += hour * 3600 + minute * 60
        if expect(58) {
            guard let second = digits(2), second <= 60 else { return nil }
            seconds += second
            if expect(46) {
                var any = false
                while i < end, bytes[i] >= 48, bytes[i] <= 57 { i += 1; any = true }
                guard any else { return nil }
            }
        }
        guard i < end else { return seconds }
        if bytes[i] == 90 || bytes[i] == 122 { i += 1; return i == end ? seconds : nil }  // 'Z'
        guard bytes[i] == 43 || bytes[i] == 45 else { return nil }
        let sign: Int64 = bytes[i] == 43 ? 1 : -1
        i += 1
        guard let offsetHours = digits(2) else { return nil }
        var offset = offsetHours * 3600
        if i < end {
            _ = expect(58)
            guard let offsetMinutes = digits(2) else { return nil }
            offset += offsetMinutes * 60
        }
        guard i == end else { return nil }
        return seconds - sign * offset
    }

    public static func unixSeconds(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { unixSeconds($0) }
    }
}

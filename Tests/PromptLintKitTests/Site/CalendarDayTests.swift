import Testing
@testable import PromptLintKit

@Suite struct CalendarDayTests {
    @Test func knownDates() {
        #expect(CalendarDay(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
        #expect(CalendarDay(year: 2000, month: 3, day: 1).daysSinceEpoch == 11_017)
        #expect(CalendarDay("2024-02-29")?.description == "2024-02-29")
        #expect(CalendarDay("2026-12-03")?.shortLabel == "Dec 3")
        #expect(CalendarDay(unixTime: 1_764_720_000).description == "2025-12-03")
        #expect(CalendarDay(unixTime: -1).description == "1969-12-31")
    }

    @Test func rejectsWhatIsNotADay() {
        for text in ["2025-02-29", "2025-13-01", "2025-1-01", "20250101", "", "2025-02-30", "abcd-ef-gh"] {
            #expect(CalendarDay(text) == nil, "\(text)")
        }
    }

    /// Property: formatting and parsing round-trip for every day of 1900–2200, and days are consecutive.
    @Test func roundTripsEveryDay() {
        let first = CalendarDay(year: 1900, month: 1, day: 1).daysSinceEpoch
        let last = CalendarDay(year: 2200, month: 12, day: 31).daysSinceEpoch
        var previous: (Int, Int, Int)?
        for number in first...last {
            let day = CalendarDay(daysSinceEpoch: number)
            #expect(CalendarDay(day.description) == day)
            let parts = day.components
            if let previous {
                let next = parts.day == 1 ? (parts.month == 1 ? previous.0 + 1 == parts.year : previous.1 + 1 == parts.month) : previous.2 + 1 == parts.day
                #expect(next, "\(day)")
            }
            previous = parts
        }
    }
}

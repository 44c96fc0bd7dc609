import Testing
@testable import PromptLintKit

@Suite struct SVGChartTests {
    let start = CalendarDay("2026-12-01")!

    @Test func axisEndsOnANiceNumberAboveTheData() {
        for (raw, maximum) in [(0.0, 1.0), (0.37, 0.4), (7.3, 8.0), (130, 150), (999, 1000), (0.0042, 0.006)] {
            let axis = SVGChart.Axis(maximum: raw)
            #expect(abs(axis.maximum - maximum) < 1e-9, "\(raw) → \(axis.maximum)")
            #expect(axis.ticks.count >= 2 && axis.ticks.count <= 11)
        }
        #expect(SVGChart.Axis(maximum: 0.0042).ticks.map(SVGChart.Axis(maximum: 0.0042).label) == ["$0", "$0.002", "$0.004", "$0.006"])
        #expect(SVGChart.Axis(maximum: 130).ticks.map(SVGChart.Axis(maximum: 130).label) == ["$0", "$50", "$100", "$150"])
    }

    @Test func barsHaveOneTooltipPerDayAndEscapeTheTitle() {
        let values = (0..<5).map { DailySpend(day: start.adding(days: $0), usd: Double($0) + 0.5) }
        let svg = SVGChart.bars(title: "<b>spend</b>", values: values)
        #expect(svg.components(separatedBy: "<rect").count - 1 == 5)
        #expect(svg.contains("<title>2026-12-03: $2.50</title>"))
        #expect(svg.contains("&lt;b&gt;spend&lt;/b&gt;") && !svg.contains("<b>"))
    }

    @Test func linesDrawMarksSeriesAndDayMarks() {
        let points = (0..<3).map { DailySpend(day: start.adding(days: $0), usd: Double($0 + 1) * 10) }
        let svg = SVGChart.lines(title: "budget", from: start, to: start.adding(days: 30),
                                 series: [.init(name: "spent", points: points), .init(name: "forecast", points: [points[2], DailySpend(day: start.adding(days: 30), usd: 300)], style: .forecast)],
                                 marks: [.init(value: 50, label: "50%")], dayMarks: [.init(day: start.adding(days: 14), label: "exceeds")])
        #expect(svg.contains("class=\"series\"") && svg.contains("class=\"forecast\""))
        #expect(svg.contains("<title>50%: $50.00</title>"))
        #expect(svg.contains("<title>spent 2026-12-02: $20.00</title>"))
        #expect(svg.contains("<title>exceeds: 2026-12-15</title>"))
        // Axis labels: the first and last day.
        #expect(svg.contains(">Dec 1<") && svg.contains(">Dec 31<"))
    }
}

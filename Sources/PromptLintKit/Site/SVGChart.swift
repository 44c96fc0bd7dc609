/// Inline SVG charts drawn by hand: axes with labelled ticks, a `<title>` tooltip on every point
/// or bar, and colours from CSS classes so light, dark and print styles apply. No script needed.
public enum SVGChart {
    /// A horizontal reference line ("50%", "budget").
    public struct Mark: Sendable {
        public var value: Double
        public var label: String
        /// Label at the left end of the line (so two close marks' labels do not overlap).
        public var labelAtStart: Bool
        public init(value: Double, label: String, labelAtStart: Bool = false) {
            self.value = value
            self.label = label
            self.labelAtStart = labelAtStart
        }
    }

    /// A vertical reference line on a day ("forecast exceeds").
    public struct DayMark: Sendable {
        public var day: CalendarDay
        public var label: String
        public init(day: CalendarDay, label: String) {
            self.day = day
            self.label = label
        }
    }

    public struct Series: Sendable {
        public enum Style: String, Sendable { case solid = "series", forecast = "forecast" }
        public var name: String
        public var points: [DailySpend]
        public var style: Style
        public init(name: String, points: [DailySpend], style: Style = .solid) {
            self.name = name
            self.points = points
            self.style = style
        }
    }

    static let width = 720.0
    static let height = 240.0
    static let left = 64.0
    static let right = 16.0
    static let top = 12.0
    static let bottom = 28.0

    /// Lines over days `from...to`, with horizontal marks (budget thresholds) and day marks.
    public static func lines(title: String, from: CalendarDay, to: CalendarDay, series: [Series], marks: [Mark] = [],
                             dayMarks: [DayMark] = []) -> String {
        let highest = max(series.flatMap(\.points).map(\.usd).max() ?? 0, marks.map(\.value).max() ?? 0)
        let axis = Axis(maximum: highest)
        let span = max(1, to.daysSinceEpoch - from.daysSinceEpoch)
        func x(_ day: CalendarDay) -> Double { left + Double(day.daysSinceEpoch - from.daysSinceEpoch) / Double(span) * (width - left - right) }
        var svg = open(title)
        svg += axes(axis, xTicks: dayTicks(from: from, to: to).map { (x($0), $0.shortLabel) })
        for mark in marks {
            let y = axis.y(mark.value)
            svg += "<g class=\"mark\"><line x1=\"\(c(left))\" y1=\"\(c(y))\" x2=\"\(c(width - right))\" y2=\"\(c(y))\"/>"
            let labelX = mark.labelAtStart ? left + 4 : width - right - 4
            svg += "<text x=\"\(c(labelX))\" y=\"\(c(y - 4))\" text-anchor=\"\(mark.labelAtStart ? "start" : "end")\">\(HTML.escape(mark.label))</text>"
            svg += "<title>\(HTML.escape(mark.label)): \(Money.format(mark.value))</title></g>"
        }
        for mark in dayMarks {
            let position = x(mark.day)
            svg += "<g class=\"mark\"><line x1=\"\(c(position))\" y1=\"\(c(top))\" x2=\"\(c(position))\" y2=\"\(c(height - bottom))\"/>"
            svg += "<text x=\"\(c(position + 4))\" y=\"\(c(top + 12))\">\(HTML.escape(mark.label))</text>"
            svg += "<title>\(HTML.escape(mark.label)): \(mark.day)</title></g>"
        }
        for line in series where !line.points.isEmpty {
            let path = line.points.map { "\(c(x($0.day))),\(c(axis.y($0.usd)))" }.joined(separator: " ")
            svg += "<g class=\"\(line.style.rawValue)\"><polyline points=\"\(path)\"/>"
            for point in line.points {
                svg += "<circle cx=\"\(c(x(point.day)))\" cy=\"\(c(axis.y(point.usd)))\" r=\"3\">"
                svg += "<title>\(HTML.escape(line.name)) \(point.day): \(Money.format(point.usd))</title></circle>"
            }
            svg += "</g>"
        }
        return svg + "</svg>"
    }

    /// One bar per day.
    public static func bars(title: String, values: [DailySpend]) -> String {
        guard let first = values.map(\.day).min(), let last = values.map(\.day).max() else { return open(title) + "</svg>" }
        let axis = Axis(maximum: values.map(\.usd).max() ?? 0)
        let count = Double(last.daysSinceEpoch - first.daysSinceEpoch + 1)
        let slot = (width - left - right) / count
        func x(_ day: CalendarDay) -> Double { left + Double(day.daysSinceEpoch - first.daysSinceEpoch) * slot }
        var svg = open(title)
        svg += axes(axis, xTicks: dayTicks(from: first, to: last).map { (x($0) + slot / 2, $0.shortLabel) })
        svg += "<g class=\"bar\">"
        for value in values {
            let y = axis.y(value.usd)
            svg += "<rect x=\"\(c(x(value.day) + slot * 0.15))\" y=\"\(c(y))\" width=\"\(c(max(1, slot * 0.7)))\" height=\"\(c(height - bottom - y))\">"
            svg += "<title>\(value.day): \(Money.format(value.usd))</title></rect>"
        }
        return svg + "</g></svg>"
    }

    static func open(_ title: String) -> String {
        "<svg class=\"chart\" viewBox=\"0 0 \(c(width)) \(c(height))\" role=\"img\" aria-label=\"\(HTML.escape(title))\" xmlns=\"http://www.w3.org/2000/svg\"><title>\(HTML.escape(title))</title>"
    }

    static func axes(_ axis: Axis, xTicks: [(Double, String)]) -> String {
        var svg = "<g class=\"axis\">"
        for tick in axis.ticks {
            let y = axis.y(tick)
            svg += "<line class=\"grid\" x1=\"\(c(left))\" y1=\"\(c(y))\" x2=\"\(c(width - right))\" y2=\"\(c(y))\"/>"
            svg += "<text x=\"\(c(left - 6))\" y=\"\(c(y + 4))\" text-anchor=\"end\">\(HTML.escape(axis.label(tick)))</text>"
        }
        svg += "<line x1=\"\(c(left))\" y1=\"\(c(height - bottom))\" x2=\"\(c(width - right))\" y2=\"\(c(height - bottom))\"/>"
        svg += "<line x1=\"\(c(left))\" y1=\"\(c(top))\" x2=\"\(c(left))\" y2=\"\(c(height - bottom))\"/>"
        for (x, label) in xTicks {
            svg += "<text x=\"\(c(x))\" y=\"\(c(height - bottom + 16))\" text-anchor=\"middle\">\(HTML.escape(label))</text>"
        }
        return svg + "</g>"
    }

    /// At most 7 evenly spaced day labels, the first and last day included.
    static func dayTicks(from: CalendarDay, to: CalendarDay) -> [CalendarDay] {
        let span = to.daysSinceEpoch - from.daysSinceEpoch
        guard span > 0 else { return [from] }
        let step = max(1, Int((Double(span) / 6).rounded(.up)))
        var days = stride(from: 0, to: span, by: step).map { from.adding(days: $0) }
        if let last = days.last, to.daysSinceEpoch - last.daysSinceEpoch < step / 2, days.count > 1 { days.removeLast() }
        return days + [to]
    }

    static func c(_ value: Double) -> String { HTML.coordinate(value) }

    /// A value axis from 0 to a "nice" maximum (1, 2 or 5 × 10ⁿ steps).
    struct Axis {
        var maximum: Double
        var step: Double

        init(maximum raw: Double) {
            let target = raw > 0 ? raw : 1
            let rough = target / 4
            var magnitude = 1.0
            while magnitude * 10 <= rough { magnitude *= 10 }
            while magnitude > rough { magnitude /= 10 }
            let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? magnitude * 10
            self.step = step
            maximum = (target / step).rounded(.up) * step
        }

        /// "$0.002", "$150": as many decimals as the step needs.
        func label(_ value: Double) -> String {
            if value == 0 { return "$0" }
            var decimals = 0
            var unit = 1.0
            while unit > step * 1.000001, decimals < 8 { unit /= 10; decimals += 1 }
            return "$" + String(format: "%.\(decimals)f", value)
        }

        var ticks: [Double] { stride(from: 0, through: maximum + step / 2, by: step).map { $0 } }

        func y(_ value: Double) -> Double {
            SVGChart.height - SVGChart.bottom - value / maximum * (SVGChart.height - SVGChart.top - SVGChart.bottom)
        }
    }
}

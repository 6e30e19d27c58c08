import Foundation

/// Inline SVG charts for the statistics report: titled, with labelled axes and units, readable without scripts.
/// Every bar carries `data-label` and `data-value`, and a `<title>` that a browser shows on hover.
enum SVGChart {
    /// One bar: its label, its value, and the text written beside it (by default the value).
    struct Bar {
        var label: String
        var value: Double
        var text: String

        init(_ label: String, _ value: Double, text: String? = nil) {
            self.label = label
            self.value = value
            self.text = text ?? ReportText.count(value)
        }
    }

    static let width = 960.0
    static let palette = ["#2b6cb0", "#d97706", "#2f855a", "#9b2c2c", "#6b46c1", "#0f766e", "#b83280", "#4a5568"]

    /// Horizontal bars, one row each, with the values along a bottom axis in `unit`.
    static func bars(_ id: String, title: String, unit: String, _ bars: [Bar]) -> String {
        let rowHeight = 24.0, labelWidth = 230.0, textWidth = 170.0, top = 34.0
        let plotWidth = width - labelWidth - textWidth - 20
        let axis = Axis(maximum: bars.map(\.value).max() ?? 0)
        let height = top + Double(bars.count) * rowHeight + 44
        var svg = open(id, title: title, height: height)
        for (i, bar) in bars.enumerated() {
            let y = top + Double(i) * rowHeight
            let length = max(bar.value > 0 ? 1 : 0, plotWidth * bar.value / axis.maximum)
            svg += text(labelWidth - 8, y + rowHeight / 2 + 4, ReportText.clip(bar.label, 34), anchor: "end")
            svg += rect(labelWidth, y + 3, length, rowHeight - 6, palette[0], bar)
            svg += text(labelWidth + length + 6, y + rowHeight / 2 + 4, bar.text, size: 12, fill: "#333")
        }
        let base = top + Double(bars.count) * rowHeight
        svg += line(labelWidth, top, labelWidth, base)
        svg += line(labelWidth, base, labelWidth + plotWidth, base)
        for tick in axis.ticks {
            let x = labelWidth + plotWidth * tick / axis.maximum
            svg += line(x, base, x, base + 4)
            svg += text(x, base + 17, ReportText.count(tick), anchor: "middle", size: 12)
        }
        svg += text(labelWidth + plotWidth / 2, base + 36, unit, anchor: "middle", size: 13, fill: "#333")
        return svg + "</svg>\n"
    }

    /// Vertical columns over categories (histogram bins, months), with `xAxis` below and counts in `yAxis` to the
    /// left.
    static func columns(_ id: String, title: String, xAxis: String, yAxis: String, _ bars: [Bar]) -> String {
        let left = 80.0, top = 34.0, plotHeight = 220.0, right = 20.0
        let rotate = bars.count > 14 || bars.contains { $0.label.count > 6 }
        let bottom = rotate ? 90.0 : 56.0
        let plotWidth = width - left - right
        let axis = Axis(maximum: bars.map(\.value).max() ?? 0)
        let slot = plotWidth / Double(max(bars.count, 1))
        var svg = open(id, title: title, height: top + plotHeight + bottom)
        let base = top + plotHeight
        for tick in axis.ticks {
            let y = base - plotHeight * tick / axis.maximum
            svg += line(left - 4, y, width - right, y, stroke: tick == 0 ? "#555" : "#e2e8f0")
            svg += text(left - 8, y + 4, ReportText.count(tick), anchor: "end", size: 12)
        }
        for (i, bar) in bars.enumerated() {
            let x = left + Double(i) * slot
            let height = max(bar.value > 0 ? 1 : 0, plotHeight * bar.value / axis.maximum)
            svg += rect(x + slot * 0.1, base - height, slot * 0.8, height, palette[0], bar)
            let center = x + slot / 2
            if rotate {
                svg += "<text x=\"\(ReportText.number(center))\" y=\"\(ReportText.number(base + 14))\" font-size=\"11\" text-anchor=\"end\" "
                    + "transform=\"rotate(-45 \(ReportText.number(center)) \(ReportText.number(base + 14)))\">\(ReportText.escaped(bar.label))</text>\n"
            } else {
                svg += text(center, base + 16, bar.label, anchor: "middle", size: 12)
            }
        }
        svg += line(left, top, left, base, stroke: "#555")
        svg += text(left + plotWidth / 2, base + bottom - 8, xAxis, anchor: "middle", size: 13, fill: "#333")
        svg += "<text x=\"16\" y=\"\(ReportText.number(top + plotHeight / 2))\" font-size=\"13\" fill=\"#333\" text-anchor=\"middle\" "
            + "transform=\"rotate(-90 16 \(ReportText.number(top + plotHeight / 2)))\">\(ReportText.escaped(yAxis))</text>\n"
        return svg + "</svg>\n"
    }

    /// One stacked bar per row (documents, characters, tokens), each split into parts (buckets) by their share of
    /// the row's total, with a legend.
    static func stacked(_ id: String, title: String, rows: [(label: String, parts: [(name: String, value: Double)])]) -> String {
        let labelWidth = 130.0, rowHeight = 40.0, top = 34.0, plotWidth = width - labelWidth - 20
        let names = rows.first?.parts.map(\.name) ?? []
        let height = top + Double(rows.count) * rowHeight + 60
        var svg = open(id, title: title, height: height)
        for (i, row) in rows.enumerated() {
            let y = top + Double(i) * rowHeight
            let total = row.parts.reduce(0) { $0 + $1.value }
            svg += text(labelWidth - 8, y + rowHeight / 2 + 4, row.label, anchor: "end")
            var x = labelWidth
            for (k, part) in row.parts.enumerated() where total > 0 && part.value > 0 {
                let share = part.value / total, length = plotWidth * share
                let bar = Bar("\(row.label): \(part.name)", part.value, text: ReportText.percent(share))
                svg += rect(x, y + 4, length, rowHeight - 8, palette[k % palette.count], bar)
                if length > 44 {
                    svg += text(x + length / 2, y + rowHeight / 2 + 5, "\(part.name) \(ReportText.percent(share))", anchor: "middle",
                                size: 13, fill: "#fff")
                }
                x += length
            }
        }
        let base = top + Double(rows.count) * rowHeight
        svg += line(labelWidth, base, labelWidth + plotWidth, base)
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            let x = labelWidth + plotWidth * tick
            svg += line(x, base, x, base + 4)
            svg += text(x, base + 17, ReportText.percent(tick), anchor: tick == 1 ? "end" : "middle", size: 12)
        }
        let legendY = base + 44
        svg += text(labelWidth - 8, legendY, "share of the total", anchor: "end", size: 13, fill: "#333")
        for (k, name) in names.enumerated() {
            let x = labelWidth + Double(k) * 120
            svg += "<rect x=\"\(ReportText.number(x))\" y=\"\(ReportText.number(legendY - 11))\" width=\"14\" height=\"14\" "
                + "fill=\"\(palette[k % palette.count])\"/>\n"
            svg += text(x + 20, legendY, name, size: 13)
        }
        return svg + "</svg>\n"
    }

    private static func open(_ id: String, title: String, height: Double) -> String {
        "<svg data-chart=\"\(ReportText.escaped(id))\" role=\"img\" aria-label=\"\(ReportText.escaped(title))\" "
            + "viewBox=\"0 0 \(ReportText.number(width)) \(ReportText.number(height))\" width=\"100%\" "
            + "xmlns=\"http://www.w3.org/2000/svg\" font-family=\"system-ui, sans-serif\">\n"
            + "<text x=\"0\" y=\"18\" font-size=\"16\" font-weight=\"600\">\(ReportText.escaped(title))</text>\n"
    }

    private static func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, _ fill: String, _ bar: Bar) -> String {
        "<rect x=\"\(ReportText.number(x))\" y=\"\(ReportText.number(y))\" width=\"\(ReportText.number(width))\" "
            + "height=\"\(ReportText.number(height))\" fill=\"\(fill)\" data-label=\"\(ReportText.escaped(bar.label))\" "
            + "data-value=\"\(ReportText.number(bar.value))\"><title>\(ReportText.escaped(bar.label)): \(ReportText.escaped(bar.text))</title></rect>\n"
    }

    private static func text(_ x: Double, _ y: Double, _ content: String, anchor: String = "start", size: Int = 13,
                             fill: String = "#111") -> String {
        "<text x=\"\(ReportText.number(x))\" y=\"\(ReportText.number(y))\" font-size=\"\(size)\" fill=\"\(fill)\" "
            + "text-anchor=\"\(anchor)\">\(ReportText.escaped(content))</text>\n"
    }

    private static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String = "#555") -> String {
        "<line x1=\"\(ReportText.number(x1))\" y1=\"\(ReportText.number(y1))\" x2=\"\(ReportText.number(x2))\" y2=\"\(ReportText.number(y2))\" "
            + "stroke=\"\(stroke)\"/>\n"
    }

    /// A value axis from 0: a rounded maximum and ticks at 1, 2 or 5 times a power of ten.
    struct Axis {
        let maximum: Double
        let ticks: [Double]

        init(maximum value: Double) {
            guard value > 0 else {
                maximum = 1
                ticks = [0, 1]
                return
            }
            let rough = value / 4
            let power = pow(10, log10(rough).rounded(.down))
            let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
            let count = Int((value / step).rounded(.up))
            maximum = step * Double(count)
            ticks = (0...count).map { Double($0) * step }
        }
    }
}

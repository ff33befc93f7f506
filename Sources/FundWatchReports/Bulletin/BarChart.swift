import FundWatchCore
import FundWatchTemplating

/// A horizontal bar chart that the bulletin template draws as SVG: every coordinate is
/// computed here, every text is escaped by the template. No script, no external resource.
struct BarChart {
    var title: String
    /// Label, value (in the chart's integer unit), displayed value.
    var bars: [(String, Int64, String)]
    /// The value at the right end of the axis; nil to fit the largest bar to a round number.
    var scaleMax: Int64?
    var tickStep: Int64?
    var tickLabel: (Int64) -> String

    static let labelWidth = 96, plotWidth = 440, rowHeight = 26, top = 34, valueGap = 6

    /// A round axis end ≥ `value` (1, 2 or 5 × 10ⁿ) and a step of a quarter or fifth of it.
    static func roundScale(_ value: Int64) -> (max: Int64, step: Int64) {
        var magnitude: Int64 = 1
        while magnitude * 10 <= max(value, 1) { magnitude *= 10 }
        for factor: Int64 in [1, 2, 5, 10] where factor * magnitude >= value {
            let top = factor * magnitude
            return (top, factor == 2 ? top / 4 : top / 5)
        }
        return (10 * magnitude, 2 * magnitude)
    }

    func viewModel() -> View {
        let fitted = Self.roundScale(bars.map(\.1).max() ?? 0)
        let top = scaleMax ?? fitted.max
        let step = tickStep ?? fitted.step
        let x0 = Self.labelWidth
        let bottom = Self.top + bars.count * Self.rowHeight
        let rows = bars.enumerated().map { i, bar in
            let width = max(1, top == 0 ? 0 : Int((bar.1 * Int64(Self.plotWidth) + top / 2) / top))
            let y = Self.top + i * Self.rowHeight
            return View.Bar(
                label: bar.0, value: bar.2, x: x0, y: y + 4, width: width, height: Self.rowHeight - 8, labelX: x0 - 6,
                textY: y + Self.rowHeight / 2 + 4, valueX: x0 + width + Self.valueGap)
        }
        var ticks: [View.Tick] = []
        var t: Int64 = 0
        while t <= top && step > 0 {
            let x = x0 + Int(t * Int64(Self.plotWidth) / max(top, 1))
            ticks.append(View.Tick(x: x, label: tickLabel(t), y1: Self.top - 4, y2: bottom, labelY: bottom + 16))
            t += step
        }
        return View(
            title: title, width: x0 + Self.plotWidth + 90, height: bottom + 30, bars: rows, ticks: ticks, axisX: x0, axisY1: Self.top - 4,
            axisY2: bottom, titleY: 18)
    }

    /// The chart's coordinates and texts as the template draws them (SVG).
    struct View: TemplateModel {
        let title: String
        let width: Int
        let height: Int
        let bars: [Bar]
        let ticks: [Tick]
        let axisX: Int
        let axisY1: Int
        let axisY2: Int
        let titleY: Int

        struct Bar: TemplateModel {
            let label: String
            let value: String
            let x: Int
            let y: Int
            let width: Int
            let height: Int
            let labelX: Int
            let textY: Int
            let valueX: Int
        }

        struct Tick: TemplateModel {
            let x: Int
            let label: String
            let y1: Int
            let y2: Int
            let labelY: Int
        }
    }
}

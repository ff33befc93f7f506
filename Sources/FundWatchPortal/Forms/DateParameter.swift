import FundWatchCore
import Hummingbird

/// Months and days as query strings, forms, path segments and API bodies give them: parsed
/// here, once, and bounded to 2000-01 … 2100-12, so no parameter takes the portal to the ends
/// of the calendar. A bad value is 400 naming the parameter; an absent one is nil, and so is an
/// empty one from a page's form, where a blank field means "not given" — the API (`strict`)
/// follows `openapi.yaml`: a parameter that is there must be valid, so an empty one is 400.
enum DateParameter {
    /// The months a parameter may name.
    static let months = YearMonth(year: 2000, month: 1)!...YearMonth(year: 2100, month: 12)!

    /// The month `text` names, nil when absent (or empty, unless `strict`).
    static func month(_ text: String?, name: String, strict: Bool = false) throws -> YearMonth? {
        guard let text, !text.isEmpty || strict else { return nil }
        guard let month = YearMonth(iso: text), months.contains(month) else {
            throw HTTPError(
                .badRequest, message: "\(name) 应为 2000-01 至 2100-12 之间的月份 YYYY-MM (\(name) must be a month YYYY-MM from 2000-01 to 2100-12)")
        }
        return month
    }

    /// The month `text` names; absent or empty is 400 too.
    static func requiredMonth(_ text: String?, name: String) throws -> YearMonth {
        guard let month = try month(text, name: name) else {
            throw HTTPError(.badRequest, message: "缺少 \(name),应为月份 YYYY-MM (\(name) is required, YYYY-MM)")
        }
        return month
    }

    /// A month in a URL path: anything but a month in range is 404 (no such page).
    static func pathMonth(_ text: String?) throws -> YearMonth {
        guard let text, let month = YearMonth(iso: text), months.contains(month) else {
            throw HTTPError(.notFound, message: "期别应为 2000-01 至 2100-12 之间的月份 YYYY-MM (period must be a month YYYY-MM)")
        }
        return month
    }

    /// The day `text` names, nil when absent (or empty, unless `strict`).
    static func day(_ text: String?, name: String, strict: Bool = false) throws -> Day? {
        guard let text, !text.isEmpty || strict else { return nil }
        guard let day = Day(iso: text), months.contains(day.yearMonth) else {
            throw HTTPError(
                .badRequest,
                message: "\(name) 应为 2000-01-01 至 2100-12-31 之间的日期 YYYY-MM-DD (\(name) must be a day YYYY-MM-DD from 2000-01-01 to 2100-12-31)")
        }
        return day
    }
}

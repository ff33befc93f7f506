import FundWatchStore
import PostgresNIO

/// The statements that load a stored version, prepared once per connection: a national
/// report runs each of them 2,800 times, and planning a statement anew took the server
/// longer than running it (0.5 ms against 0.2).
protocol LoadStatement: PostgresPreparedStatement where Row == PostgresRow {
    var id: Int64 { get }
}

extension LoadStatement {
    static var bindingDataTypes: [PostgresDataType] { [.int8] }

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(id)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }

    /// A register of one submission as one row of arrays: the rows' numbers, then one
    /// array per column (see ``ArrayColumn``). The arrays of one query follow the same rows
    /// in the same order; which order is left to the server, because
    /// ``ArrayColumn/rows(_:numbers:)`` puts the rows in the order of their numbers. An
    /// `ORDER BY` here made the server sort each register whenever it chose a bitmap scan,
    /// as it does on tables not yet analysed (a report just after an import): 0.44 ms
    /// against 0.22 ms a register.
    static func registerSQL(_ table: String, _ columns: [String]) -> String {
        let arrays = (["row_no"] + columns).map { "array_agg(\($0))" }.joined(separator: ", ")
        return "SELECT \(arrays) FROM \(table) WHERE submission_id = $1"
    }
}

struct LoadHead: LoadStatement {
    static let sql = "SELECT county_code, county_name, period, prepared_by, submitted_on FROM submissions WHERE id = $1"
    var id: Int64
}

struct LoadInstitutions: LoadStatement {
    static let sql = registerSQL("institutions", StoreSchema.institutionColumns)
    var id: Int64
}

struct LoadInspections: LoadStatement {
    static let sql = registerSQL("inspections", StoreSchema.inspectionColumns)
    var id: Int64
}

struct LoadCases: LoadStatement {
    static let sql = registerSQL("cases", StoreSchema.caseColumns)
    var id: Int64
}

struct LoadTipoffs: LoadStatement {
    static let sql = registerSQL("tipoffs", StoreSchema.tipoffColumns)
    var id: Int64
}

/// The cases without their four texts, for summaries.
struct LoadCaseFigures: LoadStatement {
    static let sql = registerSQL("cases", StoreSchema.caseColumnsWithoutTexts)
    var id: Int64
}

/// A version's head and month figures, for the plausibility checks (``StoreSchema/profileHeadColumns``).
struct LoadProfileHead: LoadStatement {
    static let sql =
        "SELECT \(StoreSchema.list(StoreSchema.profileHeadColumns)) FROM submissions"
        + " LEFT JOIN month_figures ON month_figures.submission_id = submissions.id WHERE submissions.id = $1"
    var id: Int64
}

/// The case columns the plausibility checks compare.
struct LoadProfileCases: LoadStatement {
    static let sql = registerSQL("cases", StoreSchema.profileCaseColumns)
    var id: Int64
}

/// The inspection columns the plausibility checks compare.
struct LoadProfileInspections: LoadStatement {
    static let sql = registerSQL("inspections", StoreSchema.profileInspectionColumns)
    var id: Int64
}

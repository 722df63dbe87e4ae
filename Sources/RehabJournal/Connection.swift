import CSQLite

/// One SQLite connection, spoken to through SQLite's own C interface.
///
/// rehab used GRDB until version 0.4. A one-shot `rehab allowed` has about 4 ms to answer (three
/// times what `sqlite3` takes to count the events), and GRDB's connection set-up, dispatch queues and
/// generic layers took over 1 ms of that, measured with perf, for the dozen plain statements the
/// journal runs. Not `Sendable`: ``Journal`` serialises every use behind one lock.
final class Connection {
    private let handle: OpaquePointer

    /// Opens `path` with SQLite's `flags`; the busy timeout makes a locked file wait, not fail.
    init(path: String, flags: Int32, busyTimeout: Double) throws(SQLiteError) {
        var db: OpaquePointer?
        let code = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let db else {
            let error = SQLiteError(code: code, message: db.map { String(cString: sqlite3_errmsg($0)) })
            sqlite3_close_v2(db)
            throw error
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, Int32(busyTimeout * 1000))
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs one or more statements that return nothing.
    func execute(_ sql: String) throws(SQLiteError) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code) }
    }

    /// Runs one statement with `arguments` bound in order, handing each result row to `row`.
    func query<T>(_ sql: String, _ arguments: [SQLValue] = [], row: (Row) throws -> T) throws -> [T] {
        let statement = try prepare(sql, arguments)
        defer { sqlite3_finalize(statement) }
        var rows: [T] = []
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return rows }
            guard code == SQLITE_ROW else { throw error(code) }
            rows.append(try row(Row(statement: statement)))
        }
    }

    /// Runs one statement that returns nothing, such as an INSERT.
    func run(_ sql: String, _ arguments: [SQLValue] = []) throws {
        _ = try query(sql, arguments) { _ in () }
    }

    /// The first column of the first row, if any.
    func scalar(_ sql: String, _ arguments: [SQLValue] = []) throws -> Row.Value? {
        try query(sql, arguments) { $0.value(0) }.first ?? nil
    }

    /// Runs `body` in a transaction: IMMEDIATE takes the write lock up front (waiting out other
    /// writers), so a write never fails half-way on an upgrade from reading; DEFERRED reads one snapshot.
    func transaction<T>(writing: Bool, _ body: () throws -> T) throws -> T {
        try execute(writing ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            // A failed COMMIT may leave the transaction open; ROLLBACK ends it either way.
            _ = sqlite3_exec(handle, "ROLLBACK", nil, nil, nil)
            throw error
        }
    }

    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    private func prepare(_ sql: String, _ arguments: [SQLValue]) throws(SQLiteError) -> OpaquePointer {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else { throw error(code) }
        for (i, value) in arguments.enumerated() {
            let index = Int32(i + 1)
            let bound: Int32
            switch value {
            case .integer(let n): bound = sqlite3_bind_int64(statement, index, n)
            case .text(let s): bound = sqlite3_bind_text(statement, index, s, -1, transient)
            case .null: bound = sqlite3_bind_null(statement, index)
            }
            guard bound == SQLITE_OK else {
                sqlite3_finalize(statement)
                throw error(bound)
            }
        }
        return statement
    }

    private func error(_ code: Int32) -> SQLiteError {
        SQLiteError(code: code, message: String(cString: sqlite3_errmsg(handle)))
    }
}

/// SQLite copies bound text at once (SQLITE_TRANSIENT), since Swift strings are only borrowed for the call.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A value bound to a statement's `?`.
enum SQLValue {
    case integer(Int64)
    case text(String)
    case null

    static func integer(_ n: Int?) -> SQLValue { n.map { .integer(Int64($0)) } ?? .null }
}

/// The current row of a running statement; valid only inside the `row` closure.
struct Row {
    fileprivate let statement: OpaquePointer

    enum Value: Equatable {
        case integer(Int64)
        case text(String)
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    func int(_ column: Int32) -> Int? { isNull(column) ? nil : Int(truncatingIfNeeded: int64(column)) }

    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(statement, column) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }

    /// The column's text as bytes, without making a String; valid only during `body`.
    func withBytes<T>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        let start = sqlite3_column_text(statement, column)
        let count = Int(sqlite3_column_bytes(statement, column))
        return body(UnsafeBufferPointer(start: start, count: start == nil ? 0 : count))
    }

    func value(_ column: Int32) -> Value? {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_NULL: return nil
        case SQLITE_INTEGER: return .integer(int64(column))
        default: return .text(text(column))
        }
    }
}

/// What SQLite reported, with its (extended) result code.
struct SQLiteError: Error, Equatable {
    var code: Int32
    var message: String?

    /// The primary result code (SQLITE_BUSY for SQLITE_BUSY_SNAPSHOT, and so on).
    var primary: Int32 { code & 0xff }
}

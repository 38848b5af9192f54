#include "db/database.h"

#include <sqlite3.h>

#include <atomic>
#include <map>

#include "db/migrations.h"

namespace skyloom::server {
namespace {

// Writers wait this long for the lock before giving up with SQLITE_BUSY.
constexpr int kBusyTimeoutMs = 10000;

[[noreturn]] void Fail(sqlite3* db, const std::string& context, int rc) {
    throw DbError(context + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)), rc);
}

std::atomic<uint64_t> g_next_instance_id{1};

}  // namespace

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

Statement& Statement::Bind(int index, int64_t value) {
    int rc = sqlite3_bind_int64(m_stmt, index, value);
    if (rc != SQLITE_OK) Fail(m_db, "bind", rc);
    return *this;
}

Statement& Statement::Bind(int index, std::string_view value) {
    int rc = sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()),
                               SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) Fail(m_db, "bind", rc);
    return *this;
}

Statement& Statement::BindNull(int index) {
    int rc = sqlite3_bind_null(m_stmt, index);
    if (rc != SQLITE_OK) Fail(m_db, "bind", rc);
    return *this;
}

bool Statement::Step() {
    int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) {
        Reset();
        return false;
    }
    std::string message = sqlite3_errmsg(m_db);
    Reset();
    throw DbError("step: " + message, rc);
}

bool Statement::Exec() {
    int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
        Reset();
        return true;
    }
    std::string message = sqlite3_errmsg(m_db);
    Reset();
    if ((rc & 0xff) == SQLITE_CONSTRAINT) return false;
    throw DbError("exec: " + message, rc);
}

int64_t Statement::Int(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

std::string Statement::Text(int column) const {
    const unsigned char* text = sqlite3_column_text(m_stmt, column);
    int size = sqlite3_column_bytes(m_stmt, column);
    return text ? std::string(reinterpret_cast<const char*>(text), size) : std::string();
}

bool Statement::IsNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

void Statement::Reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

Connection::Connection(const std::string& path) {
    int rc =
        sqlite3_open_v2(path.c_str(), &m_db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) Fail(m_db, "open " + path, rc);
    sqlite3_busy_timeout(m_db, kBusyTimeoutMs);
    ExecScript(
        "PRAGMA journal_mode = WAL;"
        "PRAGMA synchronous = NORMAL;"  // durable across app crashes; WAL keeps it consistent
        "PRAGMA foreign_keys = ON;"
        "PRAGMA temp_store = MEMORY;");
}

Connection::~Connection() {
    m_statements.clear();
    sqlite3_close_v2(m_db);
}

Statement& Connection::Prepare(const std::string& sql) {
    auto it = m_statements.find(sql);
    if (it != m_statements.end()) return *it->second;
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(m_db, sql.c_str(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) Fail(m_db, "prepare `" + sql + "`", rc);
    auto [inserted, _] = m_statements.emplace(sql, std::make_unique<Statement>(m_db, stmt));
    return *inserted->second;
}

void Connection::ExecScript(const std::string& sql) {
    char* error = nullptr;
    int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        std::string message = error ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        throw DbError("exec script: " + message, rc);
    }
}

int64_t Connection::LastInsertId() const {
    return sqlite3_last_insert_rowid(m_db);
}
int Connection::Changes() const {
    return sqlite3_changes(m_db);
}

Transaction::Transaction(Connection& conn) : m_conn(conn) {
    m_conn.ExecScript("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (!m_done) {
        try {
            m_conn.ExecScript("ROLLBACK");
        } catch (const DbError&) {
            // The transaction was already rolled back by SQLite (e.g. after SQLITE_FULL).
        }
    }
}

void Transaction::Commit() {
    m_conn.ExecScript("COMMIT");
    m_done = true;
}

Database::Database(std::string path)
    : m_path(std::move(path)), m_instance_id(g_next_instance_id++) {}

Connection& Database::Conn() {
    // Connections are per thread and per Database instance (tests run several servers' worth
    // of databases in one process).
    thread_local std::map<uint64_t, std::unique_ptr<Connection>> connections;
    auto& slot = connections[m_instance_id];
    if (!slot) slot = std::make_unique<Connection>(m_path);
    return *slot;
}

void Database::Migrate() {
    Connection& conn = Conn();
    conn.ExecScript(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
    for (const Migration& migration : EmbeddedMigrations()) {
        Statement& check = conn.Prepare("SELECT 1 FROM schema_migrations WHERE version = ?");
        check.Bind(1, int64_t(migration.version));
        bool applied = check.Step();
        check.Reset();
        if (applied) continue;
        Transaction tx(conn);
        conn.ExecScript(migration.sql);
        conn.Prepare(
                "INSERT INTO schema_migrations(version, name, applied_at) "
                "VALUES (?, ?, strftime('%s','now'))")
            .Bind(1, int64_t(migration.version))
            .Bind(2, migration.name)
            .Exec();
        tx.Commit();
    }
}

}  // namespace skyloom::server

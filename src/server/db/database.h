// SQLite access: one connection per thread (WAL lets readers run beside the writer), prepared
// statements cached per connection, and numbered migrations applied at start.
//
//   Database db("/data/skyloom.db");
//   db.Migrate();
//   auto& stmt = db.Conn().Prepare("SELECT id FROM users WHERE username = ?");
//   stmt.Bind(1, "ada");
//   while (stmt.Step()) { int64_t id = stmt.Int(0); }
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace skyloom::server {

// Thrown for failures that are bugs or environment faults (disk full, corrupt file); the HTTP
// layer turns it into a 500. Expected outcomes (unique violations) are reported as values.
class DbError : public std::runtime_error {
  public:
    DbError(const std::string& what, int code) : std::runtime_error(what), code(code) {}
    int code;
};

class Statement {
  public:
    Statement(sqlite3* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt) {}
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& Bind(int index, int64_t value);
    Statement& Bind(int index, std::string_view value);
    Statement& Bind(int index, const char* value) { return Bind(index, std::string_view(value)); }
    Statement& BindNull(int index);

    // Advances; true while a row is available. Resets itself when done.
    bool Step();
    // Runs a statement that returns no rows; returns false on a constraint violation.
    bool Exec();

    [[nodiscard]] int64_t Int(int column) const;
    [[nodiscard]] std::string Text(int column) const;
    [[nodiscard]] bool IsNull(int column) const;
    void Reset();

  private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt;
};

class Connection {
  public:
    explicit Connection(const std::string& path);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Cached by SQL text; the returned statement is reset and has no bindings.
    Statement& Prepare(const std::string& sql);
    void ExecScript(const std::string& sql);
    [[nodiscard]] int64_t LastInsertId() const;
    [[nodiscard]] int Changes() const;

  private:
    sqlite3* m_db = nullptr;
    std::unordered_map<std::string, std::unique_ptr<Statement>> m_statements;
};

// RAII write transaction (BEGIN IMMEDIATE so concurrent writers queue on the busy timeout
// instead of failing on lock upgrade). Rolls back unless Commit() was called.
class Transaction {
  public:
    explicit Transaction(Connection& conn);
    ~Transaction();
    void Commit();

  private:
    Connection& m_conn;
    bool m_done = false;
};

class Database {
  public:
    explicit Database(std::string path);
    // The calling thread's connection, opened on first use.
    Connection& Conn();
    // Applies every embedded migration newer than the stored schema version.
    void Migrate();
    [[nodiscard]] const std::string& path() const { return m_path; }

  private:
    std::string m_path;
    uint64_t m_instance_id;
};

}  // namespace skyloom::server

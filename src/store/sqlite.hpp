// A thin RAII layer over the SQLite C API: a connection and prepared statements
// whose values are always bound, never pasted into SQL text.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace chronomap::store {

class Statement;

class Database {
 public:
  // read_only never writes a byte. immutable additionally tells SQLite that nobody
  // writes the file, for a store in a folder where even the WAL index can't be made.
  enum class Mode { read_only, immutable, read_write, create };
  Database(const std::filesystem::path& path, Mode mode);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;

  // How long a statement waits for another connection's lock before failing (the
  // default), and a way to change it: 0 fails at once.
  static constexpr int kBusyTimeoutMs = 5000;
  void set_busy_timeout(int milliseconds);

  // Runs SQL with no values and no results (schema, pragmas, BEGIN/COMMIT).
  void exec(const char* sql);
  Statement prepare(std::string_view sql);
  // The first column of the first row of a query with no parameters.
  std::int64_t query_int(const char* sql);
  std::int64_t last_insert_rowid() const;
  int changes() const;
  const std::filesystem::path& path() const { return path_; }
  sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::filesystem::path path_;
};

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;

  // Parameters are 1-based, as in SQLite.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text);  // copied by SQLite
  Statement& bind_null(int index);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }
  // Text bound as NULL when empty: optional text columns keep NULL for "none".
  Statement& bind_text_or_null(int index, std::string_view text) {
    return text.empty() ? bind_null(index) : bind(index, text);
  }

  // Advances to the next row: true while there is one.
  bool step();
  // Runs a statement that returns no rows.
  void run();
  void reset();  // ready to run again; bindings are kept until rebound

  bool is_null(int column) const;
  std::int64_t column_int(int column) const;
  double column_double(int column) const;
  std::string_view column_text(int column) const;  // valid until the next step

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// SQLite's message for a failure. A damaged file and a read-only one are said so, with
// the file's name, since the user can act on those: "FILE: damaged (...); run
// 'chronomap check --data FILE'", "FILE: read-only (...)".
std::string sqlite_message(sqlite3* db, int code);

// "(?, ?), (?, ?)": the VALUES of a statement that writes `rows` rows of `columns`
// values at once (a statement per row costs its round trip through SQLite per row).
std::string value_rows(int columns, std::size_t rows);

}  // namespace chronomap::store

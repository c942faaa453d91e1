// RAII wrappers over sqlite3 and sqlite3_stmt; failures become chronomap::Error with
// SQLite's own message and the database's file name.
#include "store/sqlite.hpp"

#include <sqlite3.h>

#include "core/error.hpp"

namespace chronomap::store {

std::string sqlite_message(sqlite3* db, int code) {
  std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
  const std::string name = file && *file ? file : "the event store";
  switch (code & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return name + ": damaged (" + message + "); run 'chronomap check --data " + name + "'";
    case SQLITE_READONLY:
      return name + ": read-only (" + message + "; no permission to write the file or its folder?)";
    default:
      return message;
  }
}

namespace {

bool names_the_file(int code) {
  const int primary = code & 0xff;
  return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB || primary == SQLITE_READONLY;
}

// "what: message", or the message alone when it already names the file.
std::string failure(sqlite3* db, int code, std::string_view what) {
  if (names_the_file(code)) return sqlite_message(db, code);
  return std::string(what) + ": " + sqlite_message(db, code);
}

[[noreturn]] void fail(sqlite3* db, int code, std::string_view what) {
  throw Error(failure(db, code, what));
}

// SQLite counts every allocation for sqlite3_memory_used() under one process-wide
// mutex, which nothing here reads: off, before SQLite's first use in the process
// (after it, e.g. when GDAL opened a GeoPackage first, the call is refused and the
// counting stays, which costs only time). It was 5 % of a million-row import's CPU.
void configure_sqlite() {
  static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)configured;
}

}  // namespace

Database::Database(const std::filesystem::path& path, Mode mode) : path_(path) {
  configure_sqlite();
  int flags = SQLITE_OPEN_NOMUTEX;
  std::string name = path.string();
  switch (mode) {
    case Mode::read_only: flags |= SQLITE_OPEN_READONLY; break;
    case Mode::immutable: {
      flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
      std::string uri = "file:";
      for (const char ch : name) {  // the path, percent-encoded where a URI needs it
        const auto c = static_cast<unsigned char>(ch);
        static constexpr char kHex[] = "0123456789ABCDEF";
        if (c == '%' || c == '?' || c == '#' || c < 0x20) {
          uri += '%';
          uri += kHex[c >> 4];
          uri += kHex[c & 15];
        } else {
          uri += ch;
        }
      }
      name = uri + "?immutable=1";
      break;
    }
    case Mode::read_write: flags |= SQLITE_OPEN_READWRITE; break;
    case Mode::create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
  }
  const int rc = sqlite3_open_v2(name.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = sqlite_message(db_, rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw Error(path.string() + ": cannot open: " + message);
  }
  sqlite3_extended_result_codes(db_, 0);
  // Another chronomap process may hold the write lock briefly (the GUI reading while
  // the CLI imports); wait for it rather than failing at once.
  set_busy_timeout(kBusyTimeoutMs);
}

void Database::set_busy_timeout(int milliseconds) { sqlite3_busy_timeout(db_, milliseconds); }

Database::~Database() {
  if (db_) sqlite3_close_v2(db_);
}

Database::Database(Database&& other) noexcept : db_(other.db_), path_(std::move(other.path_)) {
  other.db_ = nullptr;
}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    if (db_) sqlite3_close_v2(db_);
    db_ = other.db_;
    path_ = std::move(other.path_);
    other.db_ = nullptr;
  }
  return *this;
}

void Database::exec(const char* sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    if (names_the_file(rc)) throw Error(sqlite_message(db_, rc));
    throw Error(path_.string() + ": " + message);
  }
}

Statement Database::prepare(std::string_view sql) { return Statement(db_, sql); }

std::string value_rows(int columns, std::size_t rows) {
  std::string row = "(?";
  for (int c = 1; c < columns; ++c) row += ", ?";
  row += ')';
  std::string values;
  for (std::size_t r = 0; r < rows; ++r) values += (r == 0 ? "" : ", ") + row;
  return values;
}

std::int64_t Database::query_int(const char* sql) {
  Statement statement(db_, sql);
  if (!statement.step()) return 0;
  return statement.column_int(0);
}

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
int Database::changes() const { return sqlite3_changes(db_); }

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
  if (rc != SQLITE_OK) fail(db, rc, "SQL error");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
  other.stmt_ = nullptr;
}

Statement& Statement::bind(int index, std::int64_t value) {
  const int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) fail(db_, rc, "SQL bind");
  return *this;
}

Statement& Statement::bind(int index, double value) {
  const int rc = sqlite3_bind_double(stmt_, index, value);
  if (rc != SQLITE_OK) fail(db_, rc, "SQL bind");
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  // An empty view may have no data pointer, which SQLite would bind as NULL: text is
  // text, even empty (bind_null() is for NULL).
  const char* data = text.data() ? text.data() : "";
  const int rc = sqlite3_bind_text64(stmt_, index, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK) fail(db_, rc, "SQL bind");
  return *this;
}

Statement& Statement::bind_null(int index) {
  const int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK) fail(db_, rc, "SQL bind");
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  // Reset after reading the message, so the statement can run again (an import that
  // skips a row goes on with the same prepared INSERT).
  const std::string message = failure(db_, rc, "SQL error");
  sqlite3_reset(stmt_);
  throw Error(message);
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() { sqlite3_reset(stmt_); }

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
std::int64_t Statement::column_int(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::column_double(int column) const { return sqlite3_column_double(stmt_, column); }

std::string_view Statement::column_text(int column) const {
  const auto* text = sqlite3_column_text(stmt_, column);
  if (!text) return {};
  return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

}  // namespace chronomap::store

// Opening (with its checks) and reading the event store.
#include "store/event_store.hpp"

#include <unistd.h>

#include <array>
#include <fstream>

#include "core/error.hpp"
#include "store/schema.hpp"
#include "store/search.hpp"

namespace chronomap::store {
namespace {

namespace fs = std::filesystem;

// Looks at the file's first bytes before SQLite does anything with it, so a file of
// some other program is never written to (opening in WAL mode rewrites the header).
void check_header(const fs::path& path) {
  const auto name = path.string();
  if (fs::is_directory(path)) throw Error(name + ": is a directory, not a chronomap event store");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(name + ": cannot read");
  std::array<unsigned char, 100> header{};
  in.read(reinterpret_cast<char*>(header.data()), header.size());
  const auto got = in.gcount();
  if (got == 0) throw Error(name + ": is an empty file, not a chronomap event store; left untouched");
  static constexpr std::string_view kMagic{"SQLite format 3\0", 16};
  if (got < 100 || std::string_view(reinterpret_cast<const char*>(header.data()), 16) != kMagic)
    throw Error(name + ": not a chronomap event store (not an SQLite database); left untouched");
  const auto id = static_cast<std::int32_t>(static_cast<std::uint32_t>(header[68]) << 24 |
                                            static_cast<std::uint32_t>(header[69]) << 16 |
                                            static_cast<std::uint32_t>(header[70]) << 8 | header[71]);
  if (id != kApplicationId)
    throw Error(name + ": an SQLite database of another program, not a chronomap event store; left untouched");
}

// A reader that writes nothing. In a folder where SQLite can't create the WAL index
// (and none exists), nobody can write the store either: it is opened as immutable.
Database open_reader(const fs::path& path) {
  const auto dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  std::error_code ec;
  const bool has_index = fs::exists(path.string() + "-shm", ec);
  if (!has_index && ::access(dir.c_str(), W_OK) != 0) return Database(path, Database::Mode::immutable);
  return Database(path, Database::Mode::read_only);
}

}  // namespace

EventStore EventStore::open(const fs::path& path, OpenMode mode) {
  const bool exists = fs::exists(path);
  if (!exists && mode != OpenMode::create_if_missing) throw Error(path.string() + ": no such event store");
  if (exists) check_header(path);
  if (mode == OpenMode::read_only) {
    // An import killed in rollback-journal mode (BulkJournal) leaves a journal that only
    // a writer can roll back; a user who can't write the store can't have written it.
    std::error_code ec;
    if (fs::exists(path.string() + "-journal", ec) && ::access(path.c_str(), W_OK) == 0)
      EventStore::open(path, OpenMode::existing);
    const auto version = open_reader(path).query_int("PRAGMA user_version");
    // An older store is brought up to date once, by a writer, then read as usual.
    if (version < kSchemaVersion) EventStore::open(path, OpenMode::existing);
    Database db = open_reader(path);
    if (db.query_int("PRAGMA user_version") != kSchemaVersion) migrate(db);  // says why it can't read it
    return EventStore(std::move(db), false);
  }
  // Opening checks only what is constant-time (header, application id, schema
  // version): a full integrity check grows with the store and is `chronomap check`.
  Database db(path, exists ? Database::Mode::read_write : Database::Mode::create);
  // A new store gets its schema through the rollback journal, so the file itself holds
  // it before WAL mode starts: a crash right after creation leaves a complete file.
  migrate(db);
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = NORMAL");
  db.exec("PRAGMA foreign_keys = ON");
  return EventStore(std::move(db), true);
}

std::vector<std::string> EventStore::check() {
  std::vector<std::string> problems;
  auto pages = db_.prepare("PRAGMA integrity_check(20)");
  while (pages.step()) {
    const std::string verdict(pages.column_text(0));
    if (verdict == "ok") continue;
    problems.push_back((verdict.find("events_by_position") != std::string::npos ? "spatial index: " : "pages: ") +
                       verdict);
  }
  // The spatial index is the B-tree index on (lon, lat): integrity_check above holds
  // each of its entries to its row (reported as the spatial index's here); what is
  // left to check is that it exists and covers every event.
  if (db_.query_int("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'events_by_position'") == 0)
    problems.push_back("spatial index: missing");
  else if (db_.query_int("SELECT count(*) FROM events INDEXED BY events_by_position WHERE lon >= -180") !=
           event_count())
    problems.push_back("spatial index: its entries do not match the events");
  if (writable_) {
    try {
      db_.exec("INSERT INTO events_fts(events_fts, rank) VALUES ('integrity-check', 1)");
    } catch (const Error&) {
      problems.push_back("search index: damaged, or out of step with the events it indexes");
    }
    try {
      db_.exec("INSERT INTO search_names_fts(search_names_fts, rank) VALUES ('integrity-check', 1)");
    } catch (const Error&) {
      problems.push_back("name index: damaged");
    }
  } else {
    problems.push_back("search index: not checked (the store is read-only to this user)");
  }
  // Every actor, and every place of a country that events name, has its keys.
  const auto missing =
      db_.query_int("SELECT count(*) FROM actors WHERE name NOT IN (SELECT name FROM search_names WHERE is_place = 0)") +
      db_.query_int(
          "SELECT count(*) FROM (SELECT DISTINCT place, coalesce(country, '') AS c FROM events WHERE coalesce(place, '') "
          "<> '') p WHERE NOT EXISTS (SELECT 1 FROM search_names n WHERE n.is_place = 1 AND n.name = p.place AND "
          "n.country = p.c)");
  if (missing > 0) problems.push_back("name index: " + std::to_string(missing) + " name(s) without their keys");
  return problems;
}

int EventStore::schema_version() { return static_cast<int>(db_.query_int("PRAGMA user_version")); }
std::int64_t EventStore::event_count() { return db_.query_int("SELECT count(*) FROM events"); }
std::int64_t EventStore::link_count() { return db_.query_int("SELECT count(*) FROM links"); }

namespace {

// The WHERE clause for a filter: fixed SQL fragments; every value is a bound parameter
// numbered in the order bind_filter() binds them.
// The first and last day an event may have happened on, as core/date's precision_span
// computes them: an event known to its week, month or year spans all of it (the
// early August 2025 arrests in Bamako match --from 2025-08-10).
constexpr const char* kFirstPossibleDay =
    "(CASE e.date_precision"
    " WHEN 'week' THEN e.start_day - ((e.start_day % 7 + 10) % 7)"
    " WHEN 'month' THEN CAST(julianday(e.start_day * 86400, 'unixepoch', 'start of month') - 2440587.5 AS INTEGER)"
    " WHEN 'year' THEN CAST(julianday(e.start_day * 86400, 'unixepoch', 'start of year') - 2440587.5 AS INTEGER)"
    " ELSE e.start_day END)";
constexpr const char* kLastPossibleDay =
    "max(coalesce(e.end_day, e.start_day), CASE e.date_precision"
    " WHEN 'week' THEN e.start_day - ((e.start_day % 7 + 10) % 7) + 6"
    " WHEN 'month' THEN CAST(julianday(e.start_day * 86400, 'unixepoch', 'start of month', '+1 month', '-1 day')"
    " - 2440587.5 AS INTEGER)"
    " WHEN 'year' THEN CAST(julianday(e.start_day * 86400, 'unixepoch', 'start of year', '+1 year', '-1 day')"
    " - 2440587.5 AS INTEGER)"
    " ELSE e.start_day END)";

// An event's or a link's source: its own text contains the value (case ignored), or
// its data set's file is named so (the whole path, or its last part). Binds its value five times.
std::string source_clause(const char* table) {
  std::string sql = " AND (instr(lower(coalesce(";
  sql += table;
  sql += ".source, '')), lower(?)) > 0 OR ";
  sql += table;
  sql += ".dataset_id IN (SELECT d.id FROM datasets d WHERE d.file_name = ? OR (length(d.file_name) > length(?)"
         " AND substr(d.file_name, -length(?) - 1) = '/' || ?)))";
  return sql;
}

int bind_source(Statement& s, int i, const std::string& source) {
  for (int k = 0; k < 5; ++k) s.bind(++i, std::string_view(source));
  return i;
}

// `matches`: each search term's expression over the text index (EventStore::matches).
std::string where_clause(const EventFilter& f, const std::vector<std::string>& matches) {
  std::string sql = " WHERE 1";
  // A year is the widest span: the bound on start_day lets the index narrow the scan.
  if (f.to) sql += std::string(" AND e.start_day <= ? + 366 AND ") + kFirstPossibleDay + " <= ?";
  if (f.from) sql += std::string(" AND ") + kLastPossibleDay + " >= ?";
  if (!f.country.empty())
    sql += " AND (e.country = ? OR instr(';' || coalesce(e.involved, '') || ';', ';' || ? || ';') > 0)";
  if (!f.category.empty()) sql += " AND e.category = ?";
  if (!f.actor.empty()) {
    sql += " AND e.id IN (SELECT ea.event_id FROM event_actors ea JOIN actors a ON a.id = ea.actor_id"
           " WHERE instr(lower(a.name), lower(?)) > 0)";
  }
  if (f.min_fatalities) sql += " AND e.fatalities >= ?";
  if (f.max_fatalities) sql += " AND e.fatalities <= ?";
  if (!f.date_precision.empty()) sql += " AND e.date_precision = ?";
  if (!f.source.empty()) sql += source_clause("e");
  for (std::size_t i = 0; i < matches.size(); ++i)
    sql += " AND e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)";
  if (f.bbox) sql += " AND e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?";  // events_by_position
  return sql;
}

int bind_filter(Statement& s, const EventFilter& f, const std::vector<std::string>& matches) {
  int i = 0;
  if (f.to) {
    s.bind(++i, std::int64_t{*f.to});
    s.bind(++i, std::int64_t{*f.to});
  }
  if (f.from) s.bind(++i, std::int64_t{*f.from});
  if (!f.country.empty()) {
    s.bind(++i, std::string_view(f.country));
    s.bind(++i, std::string_view(f.country));
  }
  if (!f.category.empty()) s.bind(++i, std::string_view(f.category));
  if (!f.actor.empty()) s.bind(++i, std::string_view(f.actor));
  if (f.min_fatalities) s.bind(++i, *f.min_fatalities);
  if (f.max_fatalities) s.bind(++i, *f.max_fatalities);
  if (!f.date_precision.empty()) s.bind(++i, std::string_view(f.date_precision));
  if (!f.source.empty()) i = bind_source(s, i, f.source);
  for (const auto& match : matches) s.bind(++i, std::string_view(match));
  if (f.bbox) {
    for (double v : {f.bbox->min_x, f.bbox->max_x, f.bbox->min_y, f.bbox->max_y}) s.bind(++i, v);
  }
  return i;
}

std::optional<DayNumber> optional_day(const Statement& s, int column) {
  if (s.is_null(column)) return std::nullopt;
  return static_cast<DayNumber>(s.column_int(column));
}

}  // namespace

namespace {

constexpr const char* kSelectEvents =
    "SELECT e.id, e.source_id, e.start_day, e.end_day, e.date_precision, e.category, e.sub_category, e.title, "
    "e.notes, e.actors, e.place, e.lon, e.lat, e.geo_precision, e.country, e.fatalities, e.source, e.url, "
    "e.dataset_id, e.involved FROM events e";

void read_event(const Statement& s, EventRecord& r) {
  r.id = s.column_int(0);
  r.source_id = s.column_text(1);
  r.start_day = static_cast<DayNumber>(s.column_int(2));
  r.end_day = optional_day(s, 3);
  r.date_precision = s.column_text(4);
  r.category = s.column_text(5);
  r.sub_category = s.column_text(6);
  r.title = s.column_text(7);
  r.notes = s.column_text(8);
  r.actors = s.column_text(9);
  r.place = s.column_text(10);
  r.lon = s.column_double(11);
  r.lat = s.column_double(12);
  r.geo_precision = s.column_text(13);
  r.country = s.column_text(14);
  r.fatalities = s.is_null(15) ? std::nullopt : std::optional<std::int64_t>(s.column_int(15));
  r.source = s.column_text(16);
  r.url = s.column_text(17);
  r.dataset_id = s.column_int(18);
  r.involved = s.column_text(19);
}

}  // namespace

void EventStore::for_each_event(const EventFilter& filter, const std::function<void(const EventRecord&)>& visit) {
  const auto text = matches(filter);
  std::string sql = kSelectEvents + where_clause(filter, text) + " ORDER BY e.start_day, e.id";
  if (filter.limit) sql += " LIMIT ?";
  auto s = db_.prepare(sql);
  const int n = bind_filter(s, filter, text);
  if (filter.limit) s.bind(n + 1, static_cast<std::int64_t>(filter.limit));
  EventRecord r;
  while (s.step()) {
    read_event(s, r);
    visit(r);
  }
}

std::vector<EventRecord> EventStore::events_by_id(std::span<const std::int64_t> ids) {
  std::vector<EventRecord> out(ids.size());
  auto s = db_.prepare(std::string(kSelectEvents) + " WHERE e.id = ?");
  std::size_t found = 0;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    s.reset();
    s.bind(1, ids[i]);
    if (s.step()) read_event(s, out[found++]);
  }
  out.resize(found);
  return out;
}

std::vector<EventRecord> EventStore::query(const EventFilter& filter) {
  std::vector<EventRecord> out;
  for_each_event(filter, [&](const EventRecord& r) { out.push_back(r); });
  return out;
}

void EventStore::for_each_point(const EventFilter& filter, const std::function<void(const EventPoint&)>& visit) {
  const auto text = matches(filter);
  std::string sql =
      "SELECT e.lon, e.lat, e.start_day, coalesce(e.end_day, e.start_day), e.category, coalesce(e.fatalities, 0), "
      "e.date_precision, e.id, coalesce(e.geo_precision, '') "
      "FROM events e" +
      where_clause(filter, text) + " ORDER BY e.id";
  if (filter.limit) sql += " LIMIT ?";
  auto s = db_.prepare(sql);
  const int n = bind_filter(s, filter, text);
  if (filter.limit) s.bind(n + 1, static_cast<std::int64_t>(filter.limit));
  EventPoint p;
  while (s.step()) {
    p.lon = s.column_double(0);
    p.lat = s.column_double(1);
    p.start_day = static_cast<DayNumber>(s.column_int(2));
    p.last_day = static_cast<DayNumber>(s.column_int(3));
    p.category = s.column_text(4);
    p.fatalities = s.column_int(5);
    p.date_precision = s.column_text(6);
    p.id = s.column_int(7);
    p.geo_precision = s.column_text(8);
    visit(p);
  }
}

std::vector<std::string> EventStore::matches(const EventFilter& filter) {
  std::vector<std::string> out;
  if (filter.text.empty()) return out;
  for (const auto& term : parse_search(filter.text)) out.push_back(term_match(db_, term));
  return out;
}

std::vector<std::int64_t> EventStore::ids(const EventFilter& filter) {
  const auto text = matches(filter);
  auto s = db_.prepare("SELECT e.id FROM events e" + where_clause(filter, text) + " ORDER BY e.id");
  bind_filter(s, filter, text);
  std::vector<std::int64_t> out;
  while (s.step()) out.push_back(s.column_int(0));
  return out;
}

std::vector<std::uint8_t> passes_by_id(std::span<const std::int64_t> drawn, std::span<const std::int64_t> passing) {
  std::vector<std::uint8_t> out(drawn.size(), 0);
  std::size_t j = 0;
  for (std::size_t i = 0; i < drawn.size(); ++i) {
    while (j < passing.size() && passing[j] < drawn[i]) ++j;
    out[i] = static_cast<std::uint8_t>(j < passing.size() && passing[j] == drawn[i]);
  }
  return out;
}

std::vector<LinkRecord> EventStore::links(const LinkFilter& f) {
  std::string sql =
      "SELECT id, source_id, from_type, from_name, from_lon, from_lat, to_type, to_name, to_lon, to_lat, kind, "
      "start_day, end_day, label, source, url, dataset_id, from_country, to_country FROM links l WHERE 1";
  if (f.to) sql += " AND start_day <= ?";
  if (f.from) sql += " AND (end_day IS NULL OR end_day >= ?)";
  if (!f.country.empty()) sql += " AND (from_country = ? OR to_country = ?)";
  if (!f.kind.empty()) sql += " AND kind = ?";
  if (!f.text.empty()) sql += " AND instr(lower(label), lower(?)) > 0";
  if (!f.source.empty()) sql += source_clause("l");
  sql += " ORDER BY start_day, id";
  auto s = db_.prepare(sql);
  int i = 0;
  if (f.to) s.bind(++i, std::int64_t{*f.to});
  if (f.from) s.bind(++i, std::int64_t{*f.from});
  if (!f.country.empty()) {
    s.bind(++i, std::string_view(f.country));
    s.bind(++i, std::string_view(f.country));
  }
  if (!f.kind.empty()) s.bind(++i, std::string_view(f.kind));
  if (!f.text.empty()) s.bind(++i, std::string_view(f.text));
  if (!f.source.empty()) i = bind_source(s, i, f.source);
  std::vector<LinkRecord> out;
  while (s.step()) {
    LinkRecord r;
    r.id = s.column_int(0);
    r.source_id = s.column_text(1);
    r.from_type = s.column_text(2);
    r.from = s.column_text(3);
    r.from_lon = s.column_double(4);
    r.from_lat = s.column_double(5);
    r.to_type = s.column_text(6);
    r.to = s.column_text(7);
    r.to_lon = s.column_double(8);
    r.to_lat = s.column_double(9);
    r.kind = s.column_text(10);
    r.start_day = static_cast<DayNumber>(s.column_int(11));
    r.end_day = optional_day(s, 12);
    r.label = s.column_text(13);
    r.source = s.column_text(14);
    r.url = s.column_text(15);
    r.dataset_id = s.column_int(16);
    r.from_country = s.column_text(17);
    r.to_country = s.column_text(18);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<Dataset> EventStore::datasets() {
  auto s = db_.prepare("SELECT id, file_name, sha256, format, imported_at, row_count FROM datasets ORDER BY id");
  std::vector<Dataset> out;
  while (s.step()) {
    out.push_back({s.column_int(0), std::string(s.column_text(1)), std::string(s.column_text(2)),
                   std::string(s.column_text(3)), std::string(s.column_text(4)), s.column_int(5)});
  }
  return out;
}

std::vector<std::string> EventStore::actors_of(std::int64_t event_id) {
  auto s = db_.prepare(
      "SELECT a.name FROM event_actors ea JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id = ? ORDER BY a.name");
  s.bind(1, event_id);
  std::vector<std::string> out;
  while (s.step()) out.emplace_back(s.column_text(0));
  return out;
}

std::vector<std::string> EventStore::actor_names(std::string_view part, std::size_t limit) {
  auto s = db_.prepare(
      "SELECT name FROM actors WHERE instr(lower(name), lower(?1)) > 0"
      " ORDER BY instr(lower(name), lower(?1)) <> 1, name LIMIT ?2");
  s.bind(1, part).bind(2, static_cast<std::int64_t>(limit));
  std::vector<std::string> out;
  while (s.step()) out.emplace_back(s.column_text(0));
  return out;
}

WriteTransaction::WriteTransaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

WriteTransaction::~WriteTransaction() {
  if (!done_) {
    try {
      db_.exec("ROLLBACK");
    } catch (const Error&) {
      // SQLite rolls back by itself after some errors; nothing is left to undo.
    }
  }
}

namespace {

// Sets the journal mode, failing at once rather than waiting when another connection
// holds the store; returns the mode in force afterwards.
std::string set_journal_mode(Database& db, const char* mode) {
  db.set_busy_timeout(0);
  std::string now;
  try {
    auto pragma = db.prepare(std::string("PRAGMA journal_mode = ") + mode);
    if (pragma.step()) now = pragma.column_text(0);
  } catch (const Error&) {
    // Another connection has the store open: the mode stays as it was.
  }
  db.set_busy_timeout(Database::kBusyTimeoutMs);
  return now;
}

}  // namespace

BulkJournal::BulkJournal(Database& db) : db_(db) {
  if (db_.query_int("SELECT EXISTS (SELECT 1 FROM events)") != 0) return;
  if (set_journal_mode(db_, "DELETE") != "delete") return;
  active_ = true;
  db_.exec("PRAGMA synchronous = FULL");
}

BulkJournal::~BulkJournal() {
  if (!active_) return;
  try {
    db_.exec("PRAGMA synchronous = NORMAL");
  } catch (const Error&) {
    // Left as it was; the next opening sets it again.
  }
  // When a reader opened the store meanwhile and holds it, the switch waits for the
  // next writer to open the store, which puts it in WAL mode again.
  if (set_journal_mode(db_, "WAL") != "wal") return;
  // Right after the switch SQLite (3.40) refuses the connection's first checkpoint as
  // "database table is locked"; it is spent here, where nothing waits on it, rather
  // than by the store's next user.
  try {
    db_.exec("PRAGMA wal_checkpoint(PASSIVE)");
  } catch (const Error&) {
  }
}

void WriteTransaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

}  // namespace chronomap::store

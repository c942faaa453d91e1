// Inserts with ON CONFLICT(uid) DO NOTHING; on a conflict over a source id, an UPDATE
// that only writes when some stored value differs, so an unchanged row stays
// untouched and a revised one is counted as updated.
#include "store/event_writer.hpp"

#include "core/error.hpp"
#include "store/name_keys.hpp"

namespace chronomap::store {
namespace {

// FTS5 keeps the terms of rows not yet written in a hash table and writes it out as a
// new segment each time it outgrows this many bytes (1 MiB by default, put back
// after the import); fewer, bigger segments mean less merging, about a sixth less
// time to index a million rows, for some 20 MiB more memory.
constexpr int kBulkFtsHashBytes = 16 << 20;
constexpr int kDefaultFtsHashBytes = 1 << 20;
// The page cache while the indexes are built, in KiB (see finish_indexes).
constexpr std::int64_t kIndexCacheKiB = 16 * 1024;
// What one row of a file weighs, at least, for guessing how many rows a file adds.
constexpr std::int64_t kBytesPerRowGuess = 256;

// Takes a revised row's text out of the search index as the dropped update trigger
// would have done, once per row and only for rows stored before this import (the
// search index never held the new rows' text); the row is indexed again with the new
// rows. A TEMP trigger, so it is never part of the stored schema.
constexpr const char* kRevisionTrigger = R"sql(
CREATE TEMP TABLE chronomap_reindex (id INTEGER PRIMARY KEY);
CREATE TEMP TRIGGER chronomap_revision AFTER UPDATE OF title, notes, actors, place ON main.events
WHEN old.id <= LAST_ID AND old.id NOT IN (SELECT id FROM temp.chronomap_reindex) BEGIN
  INSERT INTO events_fts(events_fts, rowid, title, notes, actors, place)
    VALUES ('delete', old.id, old.title, old.notes, old.actors, old.place);
  INSERT INTO chronomap_reindex VALUES (old.id);
END;
)sql";

// Parameters ?1 (uid) to ?20 (dataset_id), shared by the INSERT and the UPDATE.
constexpr const char* kEventColumns =
    "source_id, start_day, end_day, date_precision, category, sub_category, title, notes, actors, place, lon, lat, "
    "geo_precision, country, fatalities, source, url, involved";
constexpr const char* kEventValues = "?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19";

void bind_event(Statement& s, const EventRecord& e, std::string_view uid) {
  s.bind(1, uid).bind_text_or_null(2, e.source_id).bind(3, std::int64_t{e.start_day});
  if (e.end_day) s.bind(4, std::int64_t{*e.end_day}); else s.bind_null(4);
  s.bind(5, std::string_view(e.date_precision)).bind(6, std::string_view(e.category));
  s.bind_text_or_null(7, e.sub_category).bind(8, std::string_view(e.title)).bind_text_or_null(9, e.notes);
  s.bind_text_or_null(10, e.actors).bind_text_or_null(11, e.place).bind(12, e.lon).bind(13, e.lat);
  s.bind_text_or_null(14, e.geo_precision).bind_text_or_null(15, e.country).bind(16, e.fatalities);
  s.bind_text_or_null(17, e.source).bind_text_or_null(18, e.url).bind_text_or_null(19, e.involved);
  if (e.dataset_id) s.bind(20, e.dataset_id); else s.bind_null(20);
}

// Parameters ?1 (uid) to ?19 (dataset_id).
constexpr const char* kLinkColumns =
    "source_id, from_type, from_name, from_lon, from_lat, to_type, to_name, to_lon, to_lat, kind, start_day, end_day, "
    "label, source, url, from_country, to_country";
constexpr const char* kLinkValues = "?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18";

void bind_link(Statement& s, const LinkRecord& l, std::string_view uid) {
  s.bind(1, uid).bind_text_or_null(2, l.source_id).bind(3, std::string_view(l.from_type));
  s.bind_text_or_null(4, l.from).bind(5, l.from_lon).bind(6, l.from_lat).bind(7, std::string_view(l.to_type));
  s.bind_text_or_null(8, l.to).bind(9, l.to_lon).bind(10, l.to_lat).bind(11, std::string_view(l.kind));
  s.bind(12, std::int64_t{l.start_day});
  if (l.end_day) s.bind(13, std::int64_t{*l.end_day}); else s.bind_null(13);
  s.bind_text_or_null(14, l.label).bind_text_or_null(15, l.source).bind_text_or_null(16, l.url);
  s.bind_text_or_null(17, l.from_country).bind_text_or_null(18, l.to_country);
  if (l.dataset_id) s.bind(19, l.dataset_id); else s.bind_null(19);
}

std::string insert_sql(const char* table, const char* columns, const char* values, const char* dataset) {
  return std::string("INSERT INTO ") + table + " (uid, " + columns + ", dataset_id) VALUES (?1, " + values + ", " +
         dataset + ") ON CONFLICT(uid) DO NOTHING";
}

// The dataset_id is not compared: the same content from another file is unchanged.
std::string update_sql(const char* table, const char* columns, const char* values, const char* dataset) {
  return std::string("UPDATE ") + table + " SET (" + columns + ", dataset_id) = (" + values + ", " + dataset +
         ") WHERE uid = ?1 AND (" + columns + ") IS NOT (" + values + ") RETURNING id";
}

// event_actors rows go in this many to a statement: one statement per row was 3 s of
// a 1,000,000-row import (1,860,000 rows), most of it the statement's round trip.
constexpr std::size_t kActorRowsPerInsert = 64;

std::string event_actors_sql(std::size_t rows) {
  return "INSERT OR IGNORE INTO event_actors (event_id, actor_id) VALUES " + value_rows(2, rows);
}

// "id:", "ucdp:", "gdelt:"... a source's own id; "sha256:" a hash of the content.
bool is_source_id(std::string_view uid) { return uid.rfind("sha256:", 0) != 0; }

}  // namespace

EventWriter::EventWriter(Database& db)
    : db_(db),
      insert_event_(db.prepare(insert_sql("events", kEventColumns, kEventValues, "?20"))),
      update_event_(db.prepare(update_sql("events", kEventColumns, kEventValues, "?20"))),
      insert_link_(db.prepare(insert_sql("links", kLinkColumns, kLinkValues, "?19"))),
      update_link_(db.prepare(update_sql("links", kLinkColumns, kLinkValues, "?19"))),
      insert_actor_(db.prepare(
          "INSERT INTO actors (name) VALUES (?) ON CONFLICT(name) DO UPDATE SET name = excluded.name RETURNING id")),
      insert_event_actors_(db.prepare(event_actors_sql(kActorRowsPerInsert))),
      delete_event_actors_(db.prepare("DELETE FROM event_actors WHERE event_id = ?")),
      written_by_(db.prepare("SELECT coalesce(actors, '') FROM events WHERE uid = ? AND dataset_id = ?")),
      names_(db) {}

std::optional<std::string> EventWriter::actors_written_by(std::string_view uid, std::int64_t dataset_id) {
  written_by_.bind(1, uid).bind(2, dataset_id);
  std::optional<std::string> actors;
  if (written_by_.step()) actors = std::string(written_by_.column_text(0));
  written_by_.reset();
  return actors;
}

EventWriter::~EventWriter() {
  if (!saved_cache_size_) return;
  try {
    db_.exec(("PRAGMA cache_size = " + std::to_string(*saved_cache_size_)).c_str());
  } catch (const Error&) {
    // The connection is closing with the import's failure; nothing to restore.
  }
}

void EventWriter::defer_indexes(std::int64_t input_bytes, std::int64_t cache_kib) {
  if (deferred_) return;
  saved_cache_size_ = db_.query_int("PRAGMA cache_size");
  db_.exec(("PRAGMA cache_size = " + std::to_string(-cache_kib)).c_str());
  last_id_ = db_.query_int("SELECT coalesce(max(id), 0) FROM events");
  const bool rebuild = input_bytes / kBytesPerRowGuess >= last_id_ / 4;
  auto found = db_.prepare(
      "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'events' AND ((type = 'trigger' AND name IN "
      "('events_fts_insert', 'events_fts_update')) OR (?1 AND type = 'index' AND name IN ('events_by_start', "
      "'events_by_position'))) ORDER BY name");
  found.bind(1, rebuild ? 1 : 0);
  std::vector<std::string> drops;
  while (found.step()) {
    drops.push_back("DROP " + std::string(found.column_text(0) == "index" ? "INDEX " : "TRIGGER ") +
                    std::string(found.column_text(1)));
    restore_sql_.emplace_back(found.column_text(2));
  }
  for (const auto& sql : drops) db_.exec(sql.c_str());
  std::string revision = kRevisionTrigger;
  revision.replace(revision.find("LAST_ID"), 7, std::to_string(last_id_));
  db_.exec(revision.c_str());
  deferred_ = true;
}

void EventWriter::finish_indexes() {
  if (!deferred_) return;
  deferred_ = false;
  // The rows are written, and the cache they needed is given back before the indexes
  // are built: CREATE INDEX's sorter takes as much memory again as the page cache,
  // which kept a million-row import above its 200 MiB at the default.
  db_.exec(("PRAGMA cache_size = " + std::to_string(-kIndexCacheKiB)).c_str());
  for (const auto& sql : restore_sql_) db_.exec(sql.c_str());
  restore_sql_.clear();
  auto hash_size = db_.prepare("INSERT INTO events_fts(events_fts, rank) VALUES ('hashsize', ?)");
  hash_size.bind(1, kBulkFtsHashBytes).run();
  // The revised rows first: FTS5 takes rows in increasing rowid order best.
  db_.exec(
      "INSERT INTO events_fts(rowid, title, notes, actors, place) SELECT id, title, notes, actors, place FROM events "
      "WHERE id IN (SELECT id FROM temp.chronomap_reindex) ORDER BY id");
  auto fill = db_.prepare(
      "INSERT INTO events_fts(rowid, title, notes, actors, place) SELECT id, title, notes, actors, place FROM events "
      "WHERE id > ?1 ORDER BY id");
  fill.bind(1, last_id_);
  fill.run();
  hash_size.bind(1, kDefaultFtsHashBytes).run();
  db_.exec("DROP TRIGGER temp.chronomap_revision; DROP TABLE temp.chronomap_reindex");
}

std::int64_t EventWriter::add_dataset(const Dataset& d) {
  auto s = db_.prepare(
      "INSERT INTO datasets (file_name, sha256, format, imported_at, row_count) "
      "VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?)");
  s.bind(1, std::string_view(d.file_name)).bind(2, std::string_view(d.sha256)).bind(3, std::string_view(d.format));
  s.bind(4, d.row_count);
  s.run();
  return db_.last_insert_rowid();
}

void EventWriter::write_actors(Statement& insert) {
  int i = 0;
  for (const auto& [event, actor] : actor_rows_) {
    insert.bind(++i, event);
    insert.bind(++i, actor);
  }
  insert.run();
  actor_rows_.clear();
}

void EventWriter::flush_actors() {
  if (actor_rows_.empty()) return;
  auto rest = db_.prepare(event_actors_sql(actor_rows_.size()));
  write_actors(rest);
}

void EventWriter::finish_dataset(std::int64_t dataset_id, const std::string& sha256, std::int64_t rows) {
  flush_actors();
  names_.flush();
  auto earlier = db_.prepare("SELECT id FROM datasets WHERE sha256 = ? AND id <> ? ORDER BY id LIMIT 1");
  earlier.bind(1, std::string_view(sha256)).bind(2, dataset_id);
  if (earlier.step()) {
    const auto kept = earlier.column_int(0);
    for (const char* sql : {"UPDATE events SET dataset_id = ?1 WHERE dataset_id = ?2",
                            "UPDATE links SET dataset_id = ?1 WHERE dataset_id = ?2",
                            "UPDATE places SET dataset_id = ?1 WHERE dataset_id = ?2",
                            "UPDATE datasets SET row_count = row_count + ?3 WHERE id = ?1",
                            "DELETE FROM datasets WHERE id = ?2"}) {
      auto s = db_.prepare(sql);
      s.bind(1, kept).bind(2, dataset_id);
      if (std::string_view(sql).find("?3") != std::string_view::npos) s.bind(3, rows);
      s.run();
    }
    return;
  }
  auto s = db_.prepare("UPDATE datasets SET sha256 = ?, row_count = ? WHERE id = ?");
  s.bind(1, std::string_view(sha256)).bind(2, rows).bind(3, dataset_id);
  s.run();
}

std::int64_t EventWriter::actor_id(std::string_view name) {
  auto found = actor_ids_.find(name);
  if (found != actor_ids_.end()) return found->second;
  insert_actor_.bind(1, name);
  insert_actor_.step();
  const auto id = insert_actor_.column_int(0);
  insert_actor_.reset();
  actor_ids_.emplace(std::string(name), id);
  names_.add_actor(name);
  return id;
}

void EventWriter::add_actors(std::int64_t event_id, std::string_view rest) {
  while (!rest.empty()) {
    const auto cut = rest.find(';');
    std::string_view name = rest.substr(0, cut);
    rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 1);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name.empty()) continue;
    actor_rows_.emplace_back(event_id, actor_id(name));
    if (actor_rows_.size() == kActorRowsPerInsert) write_actors(insert_event_actors_);
  }
}

Written EventWriter::insert(const EventRecord& e, std::string_view uid) {
  bind_event(insert_event_, e, uid);
  insert_event_.run();
  if (db_.changes() > 0) {
    const auto event_id = db_.last_insert_rowid();
    add_actors(event_id, e.actors);
    names_.add_place(e.place, e.country);
    return Written::inserted;
  }
  if (!is_source_id(uid)) return Written::unchanged;
  bind_event(update_event_, e, uid);
  const bool changed = update_event_.step();
  const auto event_id = changed ? update_event_.column_int(0) : 0;
  update_event_.reset();
  if (!changed) return Written::unchanged;
  flush_actors();  // this event's rows may be among them
  delete_event_actors_.bind(1, event_id);
  delete_event_actors_.run();
  add_actors(event_id, e.actors);
  names_.add_place(e.place, e.country);
  return Written::updated;
}

Written EventWriter::insert(const LinkRecord& l, std::string_view uid) {
  bind_link(insert_link_, l, uid);
  insert_link_.run();
  if (db_.changes() > 0) return Written::inserted;
  if (!is_source_id(uid)) return Written::unchanged;
  bind_link(update_link_, l, uid);
  const bool changed = update_link_.step();
  update_link_.reset();
  return changed ? Written::updated : Written::unchanged;
}

}  // namespace chronomap::store

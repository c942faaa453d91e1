// Inserts with ON CONFLICT(uid) DO NOTHING: a row already stored is skipped, not
// duplicated and not overwritten.
#include "store/event_writer.hpp"

namespace chronomap::store {

EventWriter::EventWriter(Database& db)
    : db_(db),
      insert_event_(db.prepare(
          "INSERT INTO events (uid, source_id, start_day, end_day, date_precision, category, sub_category, title, "
          "notes, actors, place, lon, lat, geo_precision, country, fatalities, source, url, dataset_id) "
          "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(uid) DO NOTHING")),
      insert_link_(db.prepare(
          "INSERT INTO links (uid, source_id, from_type, from_name, from_lon, from_lat, to_type, to_name, to_lon, "
          "to_lat, kind, start_day, end_day, label, source, url, dataset_id) "
          "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(uid) DO NOTHING")),
      insert_actor_(db.prepare(
          "INSERT INTO actors (name) VALUES (?) ON CONFLICT(name) DO UPDATE SET name = excluded.name RETURNING id")),
      insert_event_actor_(db.prepare("INSERT OR IGNORE INTO event_actors (event_id, actor_id) VALUES (?, ?)")) {}

std::int64_t EventWriter::add_dataset(const Dataset& d) {
  auto s = db_.prepare(
      "INSERT INTO datasets (file_name, sha256, format, imported_at, row_count) "
      "VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?)");
  s.bind(1, std::string_view(d.file_name)).bind(2, std::string_view(d.sha256)).bind(3, std::string_view(d.format));
  s.bind(4, d.row_count);
  s.run();
  return db_.last_insert_rowid();
}

void EventWriter::set_row_count(std::int64_t dataset_id, std::int64_t rows) {
  auto s = db_.prepare("UPDATE datasets SET row_count = ? WHERE id = ?");
  s.bind(1, rows).bind(2, dataset_id);
  s.run();
}

std::int64_t EventWriter::actor_id(std::string_view name) {
  auto found = actor_ids_.find(std::string(name));
  if (found != actor_ids_.end()) return found->second;
  insert_actor_.bind(1, name);
  insert_actor_.step();
  const auto id = insert_actor_.column_int(0);
  insert_actor_.reset();
  actor_ids_.emplace(std::string(name), id);
  return id;
}

bool EventWriter::insert(const EventRecord& e, std::string_view uid) {
  auto& s = insert_event_;
  s.bind(1, uid).bind_text_or_null(2, e.source_id).bind(3, std::int64_t{e.start_day});
  if (e.end_day) s.bind(4, std::int64_t{*e.end_day}); else s.bind_null(4);
  s.bind(5, std::string_view(e.date_precision)).bind(6, std::string_view(e.category));
  s.bind_text_or_null(7, e.sub_category).bind(8, std::string_view(e.title)).bind_text_or_null(9, e.notes);
  s.bind_text_or_null(10, e.actors).bind_text_or_null(11, e.place).bind(12, e.lon).bind(13, e.lat);
  s.bind_text_or_null(14, e.geo_precision).bind_text_or_null(15, e.country).bind(16, e.fatalities);
  s.bind_text_or_null(17, e.source).bind_text_or_null(18, e.url);
  if (e.dataset_id) s.bind(19, e.dataset_id); else s.bind_null(19);
  s.run();
  if (db_.changes() == 0) return false;
  const auto event_id = db_.last_insert_rowid();
  std::string_view rest = e.actors;
  while (!rest.empty()) {
    const auto cut = rest.find(';');
    std::string_view name = rest.substr(0, cut);
    rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 1);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name.empty()) continue;
    insert_event_actor_.bind(1, event_id).bind(2, actor_id(name));
    insert_event_actor_.run();
  }
  return true;
}

bool EventWriter::insert(const LinkRecord& l, std::string_view uid) {
  auto& s = insert_link_;
  s.bind(1, uid).bind_text_or_null(2, l.source_id).bind(3, std::string_view(l.from_type));
  s.bind_text_or_null(4, l.from).bind(5, l.from_lon).bind(6, l.from_lat).bind(7, std::string_view(l.to_type));
  s.bind_text_or_null(8, l.to).bind(9, l.to_lon).bind(10, l.to_lat).bind(11, std::string_view(l.kind));
  s.bind(12, std::int64_t{l.start_day});
  if (l.end_day) s.bind(13, std::int64_t{*l.end_day}); else s.bind_null(13);
  s.bind_text_or_null(14, l.label).bind_text_or_null(15, l.source).bind_text_or_null(16, l.url);
  if (l.dataset_id) s.bind(17, l.dataset_id); else s.bind_null(17);
  s.run();
  return db_.changes() > 0;
}

}  // namespace chronomap::store

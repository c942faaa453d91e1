// The places table in memory: a map from folded name to places, filled from the
// store once and by learn(); flush() writes the new rows and the raised counts.
#include "store/store_gazetteer.hpp"

#include <algorithm>
#include <charconv>
#include <limits>

#include "store/text.hpp"

namespace chronomap::store {
namespace {

void append_number(std::string& out, double value) {
  char text[32];
  const auto [end, ec] = std::to_chars(text, text + sizeof text, value);
  out.append(text, ec == std::errc() ? end : text);
}

std::string identity(const std::string& key, std::string_view country, std::string_view admin1, double lon,
                     double lat) {
  std::string id = key;
  for (std::string_view part : {country, admin1}) {
    id += '\x1f';
    id.append(part);
  }
  id += '\x1f';
  append_number(id, lon);
  id += '\x1f';
  append_number(id, lat);
  return id;
}

// Learned places sort after the stored ones, in the order they were learned.
constexpr std::int64_t kLearnedOrder = std::numeric_limits<std::int64_t>::max() / 2;

}  // namespace

StoreGazetteer::StoreGazetteer(Database& db) : db_(db) {}

bool StoreGazetteer::present(Database& db) {
  return db.query_int("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'places'") > 0;
}

StoreGazetteer::Entry& StoreGazetteer::entry(const std::string& key, std::string_view name, std::string_view country,
                                             std::string_view admin1, double lon, double lat) {
  auto [it, added] = by_identity_.try_emplace(identity(key, country, admin1, lon, lat), entries_.size());
  if (added) {
    Entry e;
    e.name = name;
    e.country = country;
    e.admin1 = admin1;
    e.lon = lon;
    e.lat = lat;
    e.order = kLearnedOrder + next_order_++;
    entries_.push_back(std::move(e));
    by_name_[key].push_back(it->second);
  }
  return entries_[it->second];
}

void StoreGazetteer::load() {
  if (loaded_) return;
  loaded_ = true;
  if (!present(db_)) return;
  auto rows = db_.prepare("SELECT id, name, name_key, country, admin1, lon, lat, coalesce(dataset_id, 0), rows_seen "
                          "FROM places ORDER BY id");
  while (rows.step()) {
    const std::string key(rows.column_text(2));
    Entry& e = entry(key, rows.column_text(1), rows.column_text(3), rows.column_text(4), rows.column_double(5),
                     rows.column_double(6));
    // A place learned before the load (this import) is the stored one seen again.
    e.name = rows.column_text(1);
    e.order = rows.column_int(0);
    e.dataset_id = rows.column_int(7);
    e.rows_seen += rows.column_int(8);
  }
}

void StoreGazetteer::learn(std::string_view name, std::string_view country, std::string_view admin1, double lon,
                           double lat, std::int64_t dataset_id) {
  const auto key = fold_name(name);
  if (key.empty()) return;
  Entry& e = entry(key, name, country, admin1, lon, lat);
  if (e.rows_seen == 0) e.dataset_id = dataset_id;
  ++e.rows_seen;
  ++e.pending;
}

std::string StoreGazetteer::dataset_name(std::int64_t id) {
  if (id == 0) return {};
  auto [it, added] = dataset_names_.try_emplace(id);
  if (added) {
    auto s = db_.prepare("SELECT file_name FROM datasets WHERE id = ?");
    s.bind(1, id);
    if (s.step()) it->second = s.column_text(0);
  }
  return it->second;
}

Geocode StoreGazetteer::resolve(std::string_view name, std::string_view country, std::string_view admin1) {
  load();
  const auto key = fold_name(name);
  const auto hit = by_name_.find(key);
  if (key.empty() || hit == by_name_.end()) return {};
  std::vector<const Entry*> found;
  for (auto i : hit->second)
    if (country.empty() || entries_[i].country == country) found.push_back(&entries_[i]);
  // admin1 narrows only when some candidate carries it: a source without admin1
  // still answers.
  if (const auto wanted = fold_name(admin1); !wanted.empty()) {
    std::vector<const Entry*> same_admin1;
    for (const Entry* e : found)
      if (fold_name(e->admin1) == wanted) same_admin1.push_back(e);
    if (!same_admin1.empty()) found = std::move(same_admin1);
  }
  std::sort(found.begin(), found.end(), [](const Entry* a, const Entry* b) {
    return a->rows_seen != b->rows_seen ? a->rows_seen > b->rows_seen : a->order < b->order;
  });
  std::vector<Candidate> candidates;
  for (const Entry* e : found) {
    const auto file = dataset_name(e->dataset_id);
    candidates.push_back({e->name, e->country, e->admin1, e->lat, e->lon, 0, e->rows_seen, false,
                          file.empty() ? std::string("store") : "store: " + file});
  }
  return settle(std::move(candidates), !country.empty());
}

StoreGazetteer::Flushed StoreGazetteer::flush() {
  Flushed result;
  auto insert = db_.prepare(
      "INSERT INTO places (name, name_key, country, admin1, lon, lat, dataset_id, rows_seen) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (name_key, country, admin1, lon, lat) DO NOTHING");
  auto raise = db_.prepare(
      "UPDATE places SET rows_seen = rows_seen + ?6 "
      "WHERE name_key = ?1 AND country = ?2 AND admin1 = ?3 AND lon = ?4 AND lat = ?5");
  for (auto& e : entries_) {
    if (e.pending == 0) continue;
    const auto key = fold_name(e.name);
    insert.bind(1, std::string_view(e.name)).bind(2, std::string_view(key)).bind(3, std::string_view(e.country));
    insert.bind(4, std::string_view(e.admin1)).bind(5, e.lon).bind(6, e.lat).bind(8, e.pending);
    if (e.dataset_id) insert.bind(7, e.dataset_id); else insert.bind_null(7);
    insert.run();
    if (db_.changes() > 0) {
      ++result.added;
    } else {
      raise.bind(1, std::string_view(key)).bind(2, std::string_view(e.country)).bind(3, std::string_view(e.admin1));
      raise.bind(4, e.lon).bind(5, e.lat).bind(6, e.pending);
      raise.run();
      ++result.seen_again;
    }
    e.pending = 0;
  }
  return result;
}

Geocode Geocoder::resolve(std::string_view name, std::string_view country, std::string_view admin1) {
  if (store_) {
    auto answer = store_->resolve(name, country, admin1);
    if (answer.outcome != Geocode::Outcome::unknown) return answer;
  }
  return geonames_().resolve(name, country);
}

}  // namespace chronomap::store

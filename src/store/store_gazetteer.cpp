// The places table, read one name at a time (kept until a row teaches that name) and
// written a row at a time by an upsert that counts the rows naming each place.
#include "store/store_gazetteer.hpp"

#include <algorithm>

#include "store/text.hpp"

namespace chronomap::store {

StoreGazetteer::StoreGazetteer(Database& db) : db_(db) {}

bool StoreGazetteer::present(Database& db) {
  return db.query_int("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'places'") > 0;
}

const std::vector<StoreGazetteer::Place>& StoreGazetteer::named(const std::string& key) {
  auto [it, added] = by_name_.try_emplace(key);
  if (!added) return it->second;
  if (!present_) present_ = present(db_);
  if (!*present_) return it->second;
  if (!select_)
    select_.emplace(db_.prepare("SELECT name, country, admin1, lon, lat, coalesce(dataset_id, 0), rows_seen "
                                "FROM places WHERE name_key = ? ORDER BY id"));
  select_->bind(1, std::string_view(key));
  while (select_->step()) {
    it->second.push_back({std::string(select_->column_text(0)), std::string(select_->column_text(1)),
                          std::string(select_->column_text(2)), select_->column_double(3), select_->column_double(4),
                          select_->column_int(5), select_->column_int(6)});
  }
  select_->reset();
  return it->second;
}

void StoreGazetteer::learn(std::string_view name, std::string_view country, std::string_view admin1, double lon,
                           double lat, std::int64_t dataset_id) {
  const auto key = fold_name(name);
  if (key.empty()) return;
  if (!upsert_) {
    stored_below_ = db_.query_int("SELECT coalesce(max(id), 0) FROM places");
    // The first file that taught a place stays its data set.
    upsert_.emplace(db_.prepare(
        "INSERT INTO places (name, name_key, country, admin1, lon, lat, dataset_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
        "ON CONFLICT (name_key, country, admin1, lon, lat) DO UPDATE SET rows_seen = rows_seen + 1 "
        "RETURNING id, rows_seen"));
  }
  // Empty text is '' here, never NULL (a view of nothing has no data pointer).
  const auto text = [](std::string_view v) { return v.empty() ? std::string_view("") : v; };
  upsert_->bind(1, name).bind(2, std::string_view(key)).bind(3, text(country)).bind(4, text(admin1));
  upsert_->bind(5, lon).bind(6, lat);
  if (dataset_id) upsert_->bind(7, dataset_id); else upsert_->bind_null(7);
  upsert_->step();
  const auto id = upsert_->column_int(0);
  const auto rows_seen = upsert_->column_int(1);
  upsert_->reset();
  if (id > stored_below_) added_ += rows_seen == 1;
  else raised_.insert(id);
  by_name_.erase(key);
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
  const auto key = fold_name(name);
  if (key.empty()) return {};
  std::vector<const Place*> found;
  for (const auto& place : named(key))
    if (country.empty() || place.country == country) found.push_back(&place);
  // admin1 narrows only when some candidate carries it: a source without admin1
  // still answers.
  if (const auto wanted = fold_name(admin1); !wanted.empty()) {
    std::vector<const Place*> same_admin1;
    for (const Place* p : found)
      if (fold_name(p->admin1) == wanted) same_admin1.push_back(p);
    if (!same_admin1.empty()) found = std::move(same_admin1);
  }
  // Most rows first; among equals, the first learned.
  std::stable_sort(found.begin(), found.end(),
                   [](const Place* a, const Place* b) { return a->rows_seen > b->rows_seen; });
  std::vector<Candidate> candidates;
  for (const Place* p : found) {
    const auto file = dataset_name(p->dataset_id);
    candidates.push_back({p->name, p->country, p->admin1, p->lat, p->lon, 0, p->rows_seen, false,
                          file.empty() ? std::string("store") : "store: " + file});
  }
  return settle(std::move(candidates), !country.empty());
}

StoreGazetteer::Flushed StoreGazetteer::flush() {
  Flushed result{added_, static_cast<std::int64_t>(raised_.size())};
  added_ = 0;
  raised_.clear();
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

// The places table, read one name at a time (kept until a row teaches that name) and
// written in batches of learned places, each with its count of rows.
#include "store/store_gazetteer.hpp"

#include <algorithm>
#include <charconv>
#include <numeric>
#include <tuple>

#include "store/text.hpp"

namespace chronomap::store {
namespace {

// Places gathered in memory before they are written: some 200 bytes each.
constexpr std::size_t kLearnedBatch = 65536;

}  // namespace

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
                          select_->column_int(5), select_->column_int(6), key});
  }
  select_->reset();
  return it->second;
}

void StoreGazetteer::learn(std::string_view name, std::string_view country, std::string_view admin1, double lon,
                           double lat, std::int64_t dataset_id) {
  auto key = fold_name(name);
  if (key.empty()) return;
  if (stored_below_ < 0) stored_below_ = db_.query_int("SELECT coalesce(max(id), 0) FROM places");
  by_name_.erase(key);
  std::string identity = key;
  for (std::string_view part : {country, admin1}) {
    identity += '\x1f';
    identity.append(part);
  }
  for (double value : {lon, lat}) {
    char text[32];
    const auto [end, ec] = std::to_chars(text, text + sizeof text, value);
    identity += '\x1f';
    identity.append(text, ec == std::errc() ? end : text);
  }
  const auto [at, added] = learned_at_.try_emplace(std::move(identity), learned_.size());
  if (added) {
    learned_.push_back({std::string(name), std::string(country), std::string(admin1), lon, lat, dataset_id, 0, key});
  }
  ++learned_[at->second].rows_seen;
  if (learned_.size() >= kLearnedBatch) write_learned();
}

void StoreGazetteer::write_learned() {
  if (learned_.empty()) return;
  if (!insert_) {
    // The first file that taught a place stays its data set.
    insert_.emplace(db_.prepare(
        "INSERT INTO places (id, name, name_key, country, admin1, lon, lat, dataset_id, rows_seen) "
        "VALUES (?9, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (name_key, country, admin1, lon, lat) DO NOTHING"));
    raise_.emplace(db_.prepare("UPDATE places SET rows_seen = rows_seen + ?6 "
                               "WHERE name_key = ?1 AND country = ?2 AND admin1 = ?3 AND lon = ?4 AND lat = ?5 "
                               "RETURNING id"));
  }
  // Written in the order of the places' unique key, so that a batch goes into its
  // index as runs of neighbouring entries instead of one at a time at random places
  // (a third less time for a million places); the ids still follow the order the
  // places were first learned in, which settles ties between equal counts of rows.
  const auto first_id = db_.query_int("SELECT coalesce(max(id), 0) FROM places") + 1;
  std::vector<std::size_t> order(learned_.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const Place& p = learned_[a];
    const Place& q = learned_[b];
    return std::tie(p.key, p.country, p.admin1, p.lon, p.lat) < std::tie(q.key, q.country, q.admin1, q.lon, q.lat);
  });
  for (const auto at : order) {
    const Place& p = learned_[at];
    insert_->bind(1, std::string_view(p.name)).bind(2, std::string_view(p.key)).bind(3, std::string_view(p.country));
    insert_->bind(4, std::string_view(p.admin1)).bind(5, p.lon).bind(6, p.lat).bind(8, p.rows_seen);
    if (p.dataset_id) insert_->bind(7, p.dataset_id); else insert_->bind_null(7);
    insert_->bind(9, first_id + static_cast<std::int64_t>(at));
    insert_->run();
    if (db_.changes() > 0) {
      ++added_;
      continue;
    }
    raise_->bind(1, std::string_view(p.key)).bind(2, std::string_view(p.country)).bind(3, std::string_view(p.admin1));
    raise_->bind(4, p.lon).bind(5, p.lat).bind(6, p.rows_seen);
    // A place this import wrote in an earlier batch is not one the store knew.
    if (raise_->step() && raise_->column_int(0) <= stored_below_) raised_.insert(raise_->column_int(0));
    raise_->reset();
  }
  learned_.clear();
  learned_at_.clear();
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
  write_learned();
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
  write_learned();
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

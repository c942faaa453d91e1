// The store's own gazetteer: the `places` table, taught by every imported row that
// has a place name and its own coordinates, and by `chronomap gazetteer import`.
// Geocoding asks it before GeoNames (see Geocoder).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "store/gazetteer.hpp"
#include "store/sqlite.hpp"

namespace chronomap::store {

class StoreGazetteer {
 public:
  // Reads nothing yet. A lookup reads the places of its name (one indexed query, kept
  // until a row teaches that name). Learned rows are gathered in memory and written in
  // batches, so memory does not grow with the places a big file teaches.
  explicit StoreGazetteer(Database& db);

  // Whether `db` has a places table (a read-only store not yet upgraded has none).
  static bool present(Database& db);

  // The places called `name` (case and accents ignored) under the hints: `country`
  // (ISO3) keeps only that country's places; `admin1`, when some candidates carry it,
  // keeps only those. Best first by rows seen; ambiguity as in settle().
  Geocode resolve(std::string_view name, std::string_view country = {}, std::string_view admin1 = {});

  // One row named `name` at lon/lat (a new place, or its count of rows raised), written
  // inside the caller's transaction with the next batch, or before the next lookup,
  // which sees it.
  void learn(std::string_view name, std::string_view country, std::string_view admin1, double lon, double lat,
             std::int64_t dataset_id);

  struct Flushed {
    std::int64_t added = 0;       // places the store did not know
    std::int64_t seen_again = 0;  // places it knew, their count of rows raised
  };
  // Writes what learn() gathered; what it did since the last call.
  Flushed flush();

 private:
  struct Place {
    std::string name, country, admin1;
    double lon = 0, lat = 0;
    std::int64_t dataset_id = 0;
    std::int64_t rows_seen = 0;
    std::string key;  // fold_name(name), while learned and not yet written
  };
  // The places called `key` (a folded name), in the order they were first learned.
  const std::vector<Place>& named(const std::string& key);
  // Writes the gathered rows, in the order first learned.
  void write_learned();
  std::string dataset_name(std::int64_t id);

  Database& db_;
  std::optional<bool> present_;
  std::optional<Statement> insert_, raise_, select_;
  std::int64_t stored_below_ = -1;  // ids up to this were stored before the first learn()
  std::unordered_map<std::string, std::vector<Place>> by_name_;  // lookups' answers, per folded name
  // Rows learned and not yet written: one entry per place, its rows counted.
  std::vector<Place> learned_;
  std::unordered_map<std::string, std::size_t> learned_at_;  // name key|country|admin1|lon|lat
  std::unordered_set<std::int64_t> raised_;                       // stored places seen again
  std::int64_t added_ = 0;
  std::unordered_map<std::int64_t, std::string> dataset_names_;
};

// Store first, then GeoNames (loaded only when the store has no answer).
class Geocoder {
 public:
  Geocoder(StoreGazetteer* store, std::function<const Gazetteer&()> geonames)
      : store_(store), geonames_(std::move(geonames)) {}
  Geocode resolve(std::string_view name, std::string_view country = {}, std::string_view admin1 = {});

 private:
  StoreGazetteer* store_;
  std::function<const Gazetteer&()> geonames_;
};

}  // namespace chronomap::store

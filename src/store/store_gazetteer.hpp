// The store's own gazetteer: the `places` table, taught by every imported row that
// has a place name and its own coordinates, and by `chronomap gazetteer import`.
// Geocoding asks it before GeoNames (see Geocoder).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/gazetteer.hpp"
#include "store/sqlite.hpp"

namespace chronomap::store {

class StoreGazetteer {
 public:
  // Reads nothing yet: the places are loaded once, into memory, on the first lookup,
  // so an import whose rows all carry coordinates never reads them.
  explicit StoreGazetteer(Database& db);

  // Whether `db` has a places table (a read-only store not yet upgraded has none).
  static bool present(Database& db);

  // The places called `name` (case and accents ignored) under the hints: `country`
  // (ISO3) keeps only that country's places; `admin1`, when some candidates carry it,
  // keeps only those. Best first by rows seen; ambiguity as in settle().
  Geocode resolve(std::string_view name, std::string_view country = {}, std::string_view admin1 = {});

  // One row named `name` at lon/lat: seen by later lookups at once, written by flush().
  void learn(std::string_view name, std::string_view country, std::string_view admin1, double lon, double lat,
             std::int64_t dataset_id);

  struct Flushed {
    std::int64_t added = 0;       // places the store did not know
    std::int64_t seen_again = 0;  // places it knew, their count of rows raised
  };
  // Writes what learn() gathered, inside the caller's transaction.
  Flushed flush();

 private:
  struct Entry {
    std::string name, country, admin1;
    double lon = 0, lat = 0;
    std::int64_t dataset_id = 0;
    std::int64_t rows_seen = 0;  // stored + pending
    std::int64_t pending = 0;    // rows learned since the last flush
    std::int64_t order = 0;      // first seen: the store's id, then learning order
  };
  void load();
  Entry& entry(const std::string& key, std::string_view name, std::string_view country, std::string_view admin1,
               double lon, double lat);
  std::string dataset_name(std::int64_t id);

  Database& db_;
  bool loaded_ = false;
  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::size_t> by_identity_;            // key|country|admin1|lon|lat
  std::unordered_map<std::string, std::vector<std::size_t>> by_name_;  // folded name
  std::unordered_map<std::int64_t, std::string> dataset_names_;
  std::int64_t next_order_ = 0;
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

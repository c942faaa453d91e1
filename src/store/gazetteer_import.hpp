// `chronomap gazetteer import`: a user's gazetteer (any OGR source with a name field
// and a point or polygon per feature, or a CSV with lat/lon columns) added to the
// store's own places, in one transaction.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "store/event_store.hpp"

namespace chronomap::store {

class Countries;

struct GazetteerImportOptions {
  std::string name_field;  // empty: the first of name, shapeName, place, location, city, settlement, nom
  std::string country;     // ISO3 given to every place; empty: the file's country column, if any
  const Countries* countries = nullptr;  // loaded from geodata/ when null
};

struct GazetteerImportResult {
  std::string name_field;       // the field the names came from
  std::string country_field;    // the country column used, if any
  std::int64_t features = 0;    // features read
  std::int64_t added = 0;       // places the store did not know
  std::int64_t seen_again = 0;  // places it knew already
  std::int64_t unnamed = 0;     // features without a name or without a point: skipped
  bool already_imported = false;  // the same file (by content) was imported before: nothing done
};

// A feature's point is its own, or a polygon's representative point (a point inside
// it). Throws InputError naming the file (and the feature) when it can't be read, has
// no name field, holds a value that isn't valid (an unknown country, a point off the
// Earth, text that isn't UTF-8), or names no place at all; then nothing is written.
GazetteerImportResult import_gazetteer(EventStore& store, const std::filesystem::path& file,
                                       const GazetteerImportOptions& options = {});

}  // namespace chronomap::store

// How a source's columns become an event or a link: which column is the date, the
// latitude, the place... (names matched case-insensitively, ACLED's own layout
// recognised), and the checks each value must pass.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/records.hpp"
#include "store/row.hpp"

namespace chronomap::store {

class Gazetteer;
class Countries;

// A bad value: the field it was in and why. The importer adds file and line.
struct RowError {
  std::string field;
  std::string reason;
};

// The trimmed text of a column ("" when the column is absent, -1, or the value NULL),
// a view into the row's own storage.
std::string_view field_text(const Row& row, int column);

struct Geocode;

// Lazily loaded lookups (the gazetteer is only read if a row needs geocoding).
// `geocode` resolves a place name under the row's hints (country ISO3, admin1): the
// store's own places first, then GeoNames; when unset, GeoNames alone.
struct Lookups {
  std::function<const Gazetteer&()> gazetteer;
  std::function<const Countries&()> countries;
  std::function<Geocode(std::string_view name, std::string_view country, std::string_view admin1)> geocode;
};

class EventMapping {
 public:
  // `columns` are the source's field names. Throws InputError (with `file`) when the
  // columns can't make events: no date column, or neither coordinates nor places.
  EventMapping(const std::vector<std::string>& columns, bool acled, bool has_geometry, const std::string& file);
  // Fills `out` from a row; returns the first bad value, if any.
  std::optional<RowError> map(const Row& row, const Lookups& lookups, EventRecord& out) const;
  // The row's admin1 (ACLED's first-level region), a geocoding hint; "" when none.
  [[nodiscard]] std::string_view admin1(const Row& row) const { return field_text(row, admin1_); }

 private:
  bool acled_;
  int admin1_ = -1;
  int id_ = -1, date_ = -1, end_ = -1, precision_ = -1, category_ = -1, sub_category_ = -1, title_ = -1;
  int notes_ = -1, actors_ = -1, place_ = -1, country_ = -1, iso_ = -1, lat_ = -1, lon_ = -1;
  int geo_precision_ = -1, fatalities_ = -1, source_ = -1, url_ = -1;
  std::vector<int> acled_actors_;
};

class LinkMapping {
 public:
  // True when the columns look like links (from, to and kind).
  static bool recognises(const std::vector<std::string>& columns);
  LinkMapping(const std::vector<std::string>& columns, const std::string& file);
  std::optional<RowError> map(const Row& row, const Lookups& lookups, LinkRecord& out) const;

 private:
  int id_ = -1, from_type_ = -1, from_ = -1, from_lon_ = -1, from_lat_ = -1, to_type_ = -1, to_ = -1;
  int to_lon_ = -1, to_lat_ = -1, kind_ = -1, start_ = -1, end_ = -1, label_ = -1, source_ = -1, url_ = -1;
};

// The column holding any of `names` (compared case-insensitively), or -1.
int find_column(const std::vector<std::string>& columns, std::initializer_list<std::string_view> names);

// The identity that makes a re-import a no-op: "id:" + the source id when there is
// one, else a hash of the stored values.
std::string event_uid(const EventRecord& e);
std::string link_uid(const LinkRecord& l);

}  // namespace chronomap::store

// How a row becomes an event or a link: its layout (store/layout.hpp) says which
// column is which field; here each value is converted and checked.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/layout.hpp"
#include "store/records.hpp"
#include "store/row.hpp"

namespace chronomap::store {

class Gazetteer;
class Countries;

// A bad value: the field it was in and why. The importer adds file and line.
// `unplaced`: the row has no location at all, which a layout may count rather than
// refuse (GDELT records many events it could not place).
struct RowError {
  std::string field;
  std::string reason;
  bool unplaced = false;
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
  // FIPS 10-4 country code to ISO3 (GDELT); nullopt when unknown.
  std::function<std::optional<std::string>(std::string_view)> fips;
  std::function<Geocode(std::string_view name, std::string_view country, std::string_view admin1)> geocode;
};

class EventMapping {
 public:
  // Throws InputError (naming `file`, the columns found and the nearest candidates)
  // when the layout can't make events: no date column, or nothing to place them with.
  EventMapping(EventLayout layout, const std::vector<std::string>& columns, bool has_geometry, const std::string& file);
  // Fills `out` from a row; returns the first bad value, if any. `representative` is
  // set when the location is a representative point of a line or an area.
  std::optional<RowError> map(const Row& row, const Lookups& lookups, EventRecord& out, bool& representative) const;
  [[nodiscard]] const EventLayout& layout() const { return layout_; }
  [[nodiscard]] std::string uid(const EventRecord& e) const;
  // The row's admin1 (ACLED's first-level region), a geocoding hint; "" when none.
  [[nodiscard]] std::string_view admin1(const Row& row) const { return text(row, Field::admin1); }

 private:
  std::optional<RowError> map_place(const Row& row, const Lookups& lookups, EventRecord& e, bool& representative) const;
  std::optional<RowError> map_involved(const Row& row, const Lookups& lookups, EventRecord& e) const;
  [[nodiscard]] std::string_view text(const Row& row, Field field) const;
  [[nodiscard]] std::string column_name(Field field) const;

  EventLayout layout_;
  std::vector<std::string> columns_;
  mutable std::unordered_map<std::string, std::vector<std::string>> actor_countries_;  // by actor list
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

// Adds `iso3` to e.involved unless it is e.country or already there.
void add_involved(EventRecord& e, std::string_view iso3);

// An actor list ("A; B;A") with blanks trimmed, empty names dropped and each actor
// once, joined with ';'.
std::string normalise_actors(std::string_view list);

// The column holding any of `names` (compared case-insensitively), or -1.
int find_column(const std::vector<std::string>& columns, std::initializer_list<std::string_view> names);

// The identity that makes a re-import a no-op: `prefix` + the source id when there
// is one ("id:MLI1001", "ucdp:12345"), else a hash of the stored values.
std::string event_uid(const EventRecord& e, std::string_view prefix = "id:");
std::string link_uid(const LinkRecord& l);

}  // namespace chronomap::store

// What a source's columns mean. A layout says, for each event field, the column(s)
// it comes from and how the source's codes become chronomap's values; recognisers
// find the layout of ACLED (every export layout), UCDP GED, GDELT 1.0/2.0, USGS feeds
// and generic files from their columns, and `--map` overrides any field.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace chronomap::store {

enum class Field : std::size_t {
  id, date, end_date, date_precision, year, category, sub_category, title, notes, actors, place, admin1, country,
  lat, lon, geo_precision, fatalities, fatalities_low, fatalities_high, source, url, wkt, magnitude, involved, count
};
inline constexpr std::size_t kFieldCount = static_cast<std::size_t>(Field::count);
// The names `--map` and `--dry-run` use, in Field order.
inline constexpr std::array<std::string_view, kFieldCount> kFieldNames = {
    "id",      "date",    "end_date", "date_precision", "year",          "category",       "sub_category", "title",
    "notes",   "actors",  "place",    "admin1",         "country",       "lat",            "lon",
    "geo_precision", "fatalities", "fatalities_low", "fatalities_high", "source", "url", "wkt", "magnitude",
    "involved_countries"};

// How a source writes its country: names and ISO codes (alpha-3, alpha-2, numeric),
// ACLED's numeric codes (0 is Kosovo), or FIPS 10-4 (GDELT: Niger is NG, Nigeria NI).
enum class CountryCodes { iso, acled, fips };

struct EventLayout {
  std::string name = "csv";  // what the import says it read: acled, ucdp-ged, gdelt-2, usgs, csv, geojson...
  // Per field, the columns it comes from: actors joins them all, other fields take the
  // first that is not empty.
  std::array<std::vector<int>, kFieldCount> columns;
  std::string (*category)(std::string_view type, std::string_view sub_type) = nullptr;  // null: as written
  std::string (*sub_category)(std::string_view type, std::string_view sub_type) = nullptr;
  std::string (*date_precision)(std::string_view code) = nullptr;
  std::string (*geo_precision)(std::string_view code) = nullptr;
  CountryCodes countries = CountryCodes::iso;
  std::string uid_prefix = "id:";  // source ids of different sources never collide
  bool merge_same_id = false;      // ACLED's monadic files: one row per actor, one event
  bool skip_unplaced = false;      // GDELT: events with no location are counted, not errors
  bool involved_may_name_regions = false;  // GDELT: an unknown involved code is passed over
  bool header_is_data = false;     // GDELT's files have no header row...
  std::vector<std::string> column_names;  // ...so the layout names the columns
  std::string date_format;         // --date-format

  [[nodiscard]] int column(Field f) const {
    const auto& c = columns[static_cast<std::size_t>(f)];
    return c.empty() ? -1 : c.front();
  }
  [[nodiscard]] const std::vector<int>& all(Field f) const { return columns[static_cast<std::size_t>(f)]; }
  void set(Field f, int column) {
    auto& c = columns[static_cast<std::size_t>(f)];
    c.clear();
    if (column >= 0) c.push_back(column);
  }
};

// The layout of a file of events with these column names, from the known sources,
// else the generic names (date, lat, lon, title...; case and accents ignored).
EventLayout recognise_event_layout(const std::vector<std::string>& columns, bool has_geometry);

// `--map date=date_start,lat=y,actors=side_a+side_b`: each field from the named
// column(s). Throws UsageError naming an unknown field, or a column the file lacks
// with the file's columns and the nearest names.
void apply_column_map(EventLayout& layout, std::string_view spec, const std::vector<std::string>& columns);

// Why the columns can't make events, or "" when they can: no date, or nothing to
// place the event with. Names the columns found and the nearest candidates.
std::string layout_problem(const EventLayout& layout, const std::vector<std::string>& columns, bool has_geometry);

// The column named most like `wanted` (edit distance on folded names), or "".
std::string nearest_column(std::string_view wanted, const std::vector<std::string>& columns);

// True when a header row reads like data (dates, numbers): a file without a header.
bool header_looks_like_data(const std::vector<std::string>& header);

}  // namespace chronomap::store

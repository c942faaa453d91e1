// The plain values the store keeps and hands out: events, links, data sets, and the
// filters that select them. No SQLite types here, so the renderer and the GUI can use
// them without knowing how they are stored.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/date.hpp"
#include "geo/types.hpp"

namespace chronomap::store {

struct EventRecord {
  std::int64_t id = 0;            // the store's own id
  std::string source_id;          // the id the file gave it (ACLED's event_id_cnty), may be empty
  DayNumber start_day = 0;
  std::optional<DayNumber> end_day;  // none for a one-day event
  std::string date_precision = "day";  // day, week, month, year
  std::string category;
  std::string sub_category;
  std::string title;
  std::string notes;
  std::string actors;  // ';'-joined, as imported
  std::string place;
  double lon = 0;
  double lat = 0;
  std::string geo_precision;  // city, near, region, geocoded... as the source said
  std::string country;        // ISO 3166-1 alpha-3: where it happened
  // Other countries taking part, ';'-joined ISO3 (never `country` again): given in
  // the source (involved_countries; GDELT's actor country codes) or named in the
  // actors ("Military Forces of Mali"). The country filter matches either.
  std::string involved;
  std::optional<std::int64_t> fatalities;
  std::string source;
  std::string url;
  std::int64_t dataset_id = 0;

  [[nodiscard]] DayNumber last_day() const { return end_day.value_or(start_day); }
};

// What the renderer needs of an event, without its texts: cheap to stream by the
// million. `category` points into the store's row and is valid during the callback.
struct EventPoint {
  double lon = 0;
  double lat = 0;
  DayNumber start_day = 0;
  DayNumber last_day = 0;
  std::string_view category;
  std::int64_t fatalities = 0;  // 0 when unknown
  std::string_view date_precision;  // day, week, month, year; valid during the callback
  std::string_view geo_precision;   // as EventRecord's ("" when not given); valid during the callback
  std::int64_t id = 0;              // the store's id, to fetch the rest with events_by_id()
};

struct LinkRecord {
  std::int64_t id = 0;
  std::string source_id;
  std::string from_type = "point";  // country, city or point
  std::string from;                 // ISO3 for a country, a place name for a city
  double from_lon = 0, from_lat = 0;
  std::string to_type = "point";
  std::string to;
  double to_lon = 0, to_lat = 0;
  std::string kind;
  DayNumber start_day = 0;
  std::optional<DayNumber> end_day;  // none while it lasts
  std::string label;
  std::string source;
  std::string url;
  std::string from_country, to_country;  // ISO3 of each endpoint; "" when not known (a point)
  std::int64_t dataset_id = 0;
};

struct Dataset {
  std::int64_t id = 0;
  std::string file_name;
  std::string sha256;
  std::string format;
  std::string imported_at;  // UTC, ISO 8601
  std::int64_t row_count = 0;
};

// An event matches when every given criterion does. Dates select events whose span
// [start, last day] overlaps [from, to].
struct EventFilter {
  std::optional<DayNumber> from;
  std::optional<DayNumber> to;
  std::string country;   // ISO3: where it happened, or a country taking part (`involved`)
  std::string category;
  std::string text;      // a search (store/search.hpp): words, bamak*, "phrases"; all must occur
  std::string actor;     // an actor whose name contains this, case ignored
  std::optional<std::int64_t> min_fatalities;  // a known count of at least this
  std::optional<std::int64_t> max_fatalities;  // a known count of at most this
  std::string date_precision;  // day, week, month or year
  // The event's source (its text contains this, case ignored: "Reuters", "ACLED"), or
  // the data set it came from (its file name, as a map's caption names it: events.csv).
  std::string source;
  std::optional<geo::Extent> bbox;  // lon/lat
  std::size_t limit = 0;  // 0: no limit
};

// A link matches when its interval overlaps [from, to], its kind is `kind`, either
// endpoint is in `country` (a country endpoint, or a city of that country), its
// label contains `text`, and its source or data set is `source` (as EventFilter's).
struct LinkFilter {
  std::optional<DayNumber> from;
  std::optional<DayNumber> to;
  std::string country;
  std::string kind;
  std::string text;
  std::string source;
};

// The links an event filter keeps on a map (the window's, `render`'s): those with an
// end in its country and from its source. Its other criteria (category, actor,
// words, fatalities, precision) describe events and leave links alone.
inline LinkFilter links_of(const EventFilter& events) {
  LinkFilter links;
  links.country = events.country;
  links.source = events.source;
  return links;
}

}  // namespace chronomap::store

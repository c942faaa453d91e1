// Events from rows: column recognition (generic names and ACLED's layout), value
// checks, geocoding of rows with a place and no coordinates.
#include "store/row_mapping.hpp"

#include "core/error.hpp"
#include "store/countries.hpp"
#include "store/gazetteer.hpp"
#include "store/text.hpp"
#include "store/values.hpp"

namespace chronomap::store {

int find_column(const std::vector<std::string>& columns, std::initializer_list<std::string_view> names) {
  for (auto name : names)
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (fold_name(columns[i]) == fold_name(name)) return static_cast<int>(i);
  return -1;
}

std::string_view field_text(const Row& row, int column) {
  if (column < 0) return {};
  return trim_blanks(row.value(column).value_or(std::string_view{}));
}

namespace {

// ACLED's event types, folded onto the categories the map colours; the precise type
// stays in sub_category.
std::string acled_category(std::string_view event_type, std::string_view sub_event_type) {
  const auto type = fold_name(event_type);
  const auto sub = fold_name(sub_event_type);
  if (type == "battles" || type == "violence against civilians" || type == "explosions remote violence")
    return "attack";
  if (sub == "arrests") return "arrest";
  if (sub == "agreement") return "agreement";
  if (type == "protests" || type == "riots") return "protest";
  return "other";
}

std::string acled_precision(std::string_view code, const char* one, const char* two, const char* three) {
  if (code == "1") return one;
  if (code == "2") return two;
  if (code == "3") return three;
  return std::string(code);
}

void append_actors(std::string& out, std::string_view list) {
  while (!list.empty()) {
    const auto cut = list.find(';');
    const auto name = trim_blanks(list.substr(0, cut));
    list = cut == std::string_view::npos ? std::string_view{} : list.substr(cut + 1);
    if (name.empty()) continue;
    if (!out.empty()) out += ';';
    out.append(name);
  }
}

}  // namespace

EventMapping::EventMapping(const std::vector<std::string>& c, bool acled, bool has_geometry, const std::string& file)
    : acled_(acled) {
  id_ = find_column(c, {"id", "event_id_cnty", "event_id"});
  date_ = find_column(c, {"date", "event_date", "start", "start_date"});
  end_ = find_column(c, {"end_date", "end"});
  precision_ = find_column(c, {"date_precision", "time_precision"});
  category_ = find_column(c, {"category", "event_type", "type"});
  sub_category_ = find_column(c, {"sub_category", "sub_event_type", "subtype"});
  title_ = find_column(c, {"title"});
  notes_ = find_column(c, {"notes", "description"});
  actors_ = find_column(c, {"actors"});
  place_ = find_column(c, {"place", "location", "city"});
  country_ = find_column(c, {"country", "country_iso3"});
  admin1_ = find_column(c, {"admin1"});
  iso_ = acled ? find_column(c, {"iso"}) : -1;
  lat_ = find_column(c, {"lat", "latitude", "y"});
  lon_ = find_column(c, {"lon", "lng", "long", "longitude", "x"});
  geo_precision_ = find_column(c, {"geo_precision"});
  fatalities_ = find_column(c, {"fatalities", "deaths"});
  source_ = find_column(c, {"source"});
  url_ = find_column(c, {"url", "source_url"});
  if (acled)
    for (auto name : {"actor1", "assoc_actor_1", "actor2", "assoc_actor_2"})
      if (int i = find_column(c, {name}); i >= 0) acled_actors_.push_back(i);
  if (date_ < 0) throw InputError(file + ": no date column (one of date, event_date, start, start_date)");
  if ((lat_ < 0 || lon_ < 0) && place_ < 0 && !has_geometry)
    throw InputError(file + ": no coordinates (lat/lon columns or point geometry) and no place column to geocode");
}

std::optional<RowError> EventMapping::map(const Row& row, const Lookups& lookups, EventRecord& e) const {
  e = EventRecord{};
  e.source_id = field_text(row, id_);
  const auto date = field_text(row, date_);
  if (date.empty()) return RowError{"date", "missing"};
  auto start = parse_day_value(date);
  if (auto* why = std::get_if<std::string>(&start)) return RowError{"date", *why};
  e.start_day = std::get<DayNumber>(start);
  if (const auto end = field_text(row, end_); !end.empty()) {
    auto day = parse_day_value(end);
    if (auto* why = std::get_if<std::string>(&day)) return RowError{"end_date", *why};
    if (std::get<DayNumber>(day) < e.start_day) return RowError{"end_date", "is before the start date"};
    if (std::get<DayNumber>(day) != e.start_day) e.end_day = std::get<DayNumber>(day);
  }
  const auto precision = field_text(row, precision_);
  if (acled_) {
    e.date_precision = acled_precision(precision.empty() ? "1" : precision, "day", "week", "month");
  } else if (!precision.empty()) {
    e.date_precision = precision;
  }
  if (e.date_precision != "day" && e.date_precision != "week" && e.date_precision != "month" &&
      e.date_precision != "year")
    return RowError{precision_ >= 0 ? "date_precision" : "date", "'" + e.date_precision + "' is not day, week, month or year"};

  e.sub_category = field_text(row, sub_category_);
  const auto category = field_text(row, category_);
  e.category = acled_ ? acled_category(category, e.sub_category) : std::string(category.empty() ? "other" : category);
  if (acled_ && e.sub_category.empty()) e.sub_category = category;
  e.notes = field_text(row, notes_);
  e.place = field_text(row, place_);
  if (acled_) {
    for (int column : acled_actors_) append_actors(e.actors, field_text(row, column));
  } else {
    append_actors(e.actors, field_text(row, actors_));
  }
  e.title = field_text(row, title_);
  if (e.title.empty()) {
    e.title = e.sub_category.empty() ? e.category : e.sub_category;
    if (!e.place.empty()) e.title += " in " + e.place;
  }

  // Country: ACLED's numeric iso first, else the country column (a code or a name).
  for (int column : {iso_, country_}) {
    const auto given = field_text(row, column);
    if (given.empty()) continue;
    auto iso3 = lookups.countries().iso3(given);
    if (!iso3) return RowError{column == iso_ ? "iso" : "country", "'" + std::string(given) + "' is not a known country"};
    e.country = *iso3;
    break;
  }

  const auto lat = field_text(row, lat_), lon = field_text(row, lon_);
  if (!lat.empty() || !lon.empty()) {
    if (lat.empty()) return RowError{"lat", "missing while the longitude is given"};
    if (lon.empty()) return RowError{"lon", "missing while the latitude is given"};
    auto y = parse_coordinate(lat, 90);
    if (auto* why = std::get_if<std::string>(&y)) return RowError{"lat", *why};
    auto x = parse_coordinate(lon, 180);
    if (auto* why = std::get_if<std::string>(&x)) return RowError{"lon", *why};
    e.lat = std::get<double>(y);
    e.lon = std::get<double>(x);
    const auto given = field_text(row, geo_precision_);
    e.geo_precision = acled_ ? acled_precision(given, "city", "near", "region") : std::string(given);
  } else if (row.point) {
    e.lon = row.point->lon;
    e.lat = row.point->lat;
    e.geo_precision = field_text(row, geo_precision_);
  } else if (!e.place.empty()) {
    // The row's own country and admin1 are the hints.
    const auto found = lookups.geocode ? lookups.geocode(e.place, e.country, admin1(row))
                                       : lookups.gazetteer().resolve(e.place, e.country);
    if (found.ambiguous()) return RowError{"place", found.ambiguity(e.place)};
    if (!found.found()) {
      return RowError{"place", "'" + e.place + "' is not in the gazetteer" +
                                   (e.country.empty() ? "" : " for " + e.country) + "; give lat/lon"};
    }
    e.lon = found.place().lon;
    e.lat = found.place().lat;
    e.geo_precision = "geocoded";
    if (e.country.empty()) e.country = found.place().country;
  } else {
    return RowError{"lat", "no coordinates and no place"};
  }

  if (const auto f = field_text(row, fatalities_); !f.empty()) {
    auto n = parse_count(f);
    if (auto* why = std::get_if<std::string>(&n)) return RowError{"fatalities", *why};
    e.fatalities = std::get<std::int64_t>(n);
  }
  e.source = field_text(row, source_);
  e.url = field_text(row, url_);
  return std::nullopt;
}

std::string event_uid(const EventRecord& e) {
  if (!e.source_id.empty()) return "id:" + e.source_id;
  // The values as stored, so an export of this event hashes the same when it comes back.
  std::string key;
  for (const std::string& part :
       {std::to_string(e.start_day), e.end_day ? std::to_string(*e.end_day) : std::string(), e.date_precision,
        e.category, e.sub_category, e.title, e.notes, e.actors, e.place, std::to_string(e.lon),
        std::to_string(e.lat), e.country, e.fatalities ? std::to_string(*e.fatalities) : std::string(), e.source,
        e.url}) {
    key += part;
    key += '\x1f';
  }
  return "sha256:" + sha256_hex(key);
}

}  // namespace chronomap::store

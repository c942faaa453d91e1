// Events from rows: each field converted by the layout's rules and checked; a
// location from coordinates, WKT, the feature's geometry or the gazetteer.
#include "store/row_mapping.hpp"

#include <charconv>

#include "core/error.hpp"
#include "store/countries.hpp"
#include "store/gazetteer.hpp"
#include "store/ogr_rows.hpp"
#include "store/source_dates.hpp"
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

void append_actors(std::string& out, std::string_view list) {
  while (!list.empty()) {
    const auto cut = list.find(';');
    const auto name = trim_blanks(list.substr(0, cut));
    list = cut == std::string_view::npos ? std::string_view{} : list.substr(cut + 1);
    if (name.empty()) continue;
    // One actor once, whichever columns name it (a monadic ACLED file repeats them).
    std::string_view rest = out;
    bool seen = false;
    while (!rest.empty() && !seen) {
      const auto next = rest.find(';');
      seen = rest.substr(0, next) == name;
      rest = next == std::string_view::npos ? std::string_view{} : rest.substr(next + 1);
    }
    if (seen) continue;
    if (!out.empty()) out += ';';
    out.append(name);
  }
}

std::optional<int> whole_number(std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::string normalise_actors(std::string_view list) {
  std::string out;
  append_actors(out, list);
  return out;
}

EventMapping::EventMapping(EventLayout layout, const std::vector<std::string>& columns, bool has_geometry,
                           const std::string& file)
    : layout_(std::move(layout)), columns_(columns) {
  if (auto problem = layout_problem(layout_, columns_, has_geometry); !problem.empty())
    throw InputError(file + ": " + problem);
}

std::string_view EventMapping::text(const Row& row, Field field) const {
  for (int column : layout_.all(field))
    if (auto value = field_text(row, column); !value.empty()) return value;
  return {};
}

std::string EventMapping::column_name(Field field) const {
  const int column = layout_.column(field);
  if (column >= 0 && static_cast<std::size_t>(column) < columns_.size() && !columns_[static_cast<std::size_t>(column)].empty())
    return columns_[static_cast<std::size_t>(column)];
  return std::string(kFieldNames[static_cast<std::size_t>(field)]);
}

std::optional<RowError> EventMapping::map(const Row& row, const Lookups& lookups, EventRecord& e,
                                          bool& representative) const {
  e = EventRecord{};
  representative = false;
  e.source_id = text(row, Field::id);
  DateContext dates{whole_number(text(row, Field::year)), layout_.date_format};
  const auto date = text(row, Field::date);
  if (date.empty()) return RowError{column_name(Field::date), "missing"};
  auto start = parse_source_day(date, dates);
  if (auto* why = std::get_if<std::string>(&start)) return RowError{column_name(Field::date), *why};
  e.start_day = std::get<DayNumber>(start);
  if (const auto end = text(row, Field::end_date); !end.empty()) {
    auto day = parse_source_day(end, dates);
    if (auto* why = std::get_if<std::string>(&day)) return RowError{column_name(Field::end_date), *why};
    if (std::get<DayNumber>(day) < e.start_day) return RowError{column_name(Field::end_date), "is before the start date"};
    if (std::get<DayNumber>(day) != e.start_day) e.end_day = std::get<DayNumber>(day);
  }
  const auto precision = text(row, Field::date_precision);
  if (layout_.date_precision) e.date_precision = layout_.date_precision(precision);
  else if (!precision.empty()) e.date_precision = precision;
  if (e.date_precision != "day" && e.date_precision != "week" && e.date_precision != "month" &&
      e.date_precision != "year")
    return RowError{column_name(Field::date_precision), "'" + e.date_precision + "' is not day, week, month or year"};

  const auto type = text(row, Field::category), sub_type = text(row, Field::sub_category);
  e.category = layout_.category ? layout_.category(type, sub_type) : std::string(type.empty() ? "other" : type);
  e.sub_category = layout_.sub_category ? layout_.sub_category(type, sub_type) : std::string(sub_type);
  e.notes = text(row, Field::notes);
  e.place = text(row, Field::place);
  for (int column : layout_.all(Field::actors)) append_actors(e.actors, field_text(row, column));
  e.title = text(row, Field::title);

  for (int column : layout_.all(Field::country)) {
    const auto given = field_text(row, column);
    if (given.empty()) continue;
    std::optional<std::string> iso3;
    if (layout_.countries == CountryCodes::fips) iso3 = lookups.fips ? lookups.fips(given) : std::nullopt;
    else if (layout_.countries == CountryCodes::acled && given == "0") iso3 = "XKX";  // ACLED's code for Kosovo
    else iso3 = lookups.countries().iso3(given);
    const auto name = columns_[static_cast<std::size_t>(column)];
    if (!iso3)
      return RowError{name, "'" + std::string(given) + "' is not a known " +
                                (layout_.countries == CountryCodes::fips ? "FIPS 10-4 country code" : "country")};
    e.country = *iso3;
    break;
  }
  if (auto error = map_place(row, lookups, e, representative)) return error;
  if (auto error = map_involved(row, lookups, e)) return error;

  if (const auto f = text(row, Field::fatalities); !f.empty()) {
    auto n = parse_count(f);
    if (auto* why = std::get_if<std::string>(&n)) return RowError{column_name(Field::fatalities), *why};
    e.fatalities = std::get<std::int64_t>(n);
  }
  // A source's fatality range (UCDP's low and high around its best estimate) is kept
  // in the notes: the store has one count.
  const auto low = text(row, Field::fatalities_low), high = text(row, Field::fatalities_high);
  if (!low.empty() || !high.empty()) {
    std::string range = "Fatalities: low " + std::string(low.empty() ? "?" : low) + ", best " +
                        (e.fatalities ? std::to_string(*e.fatalities) : "?") + ", high " +
                        std::string(high.empty() ? "?" : high) + ".";
    e.notes = e.notes.empty() ? range : e.notes + " " + range;
  }
  e.source = text(row, Field::source);
  e.url = text(row, Field::url);
  if (e.title.empty()) {
    if (const auto magnitude = text(row, Field::magnitude); !magnitude.empty()) {
      e.title = "M " + std::string(magnitude) + (e.place.empty() ? "" : " - " + e.place);
    } else {
      e.title = e.sub_category.empty() ? e.category : e.sub_category;
      if (!e.place.empty()) e.title += " in " + e.place;
    }
  }
  return std::nullopt;
}

void add_involved(EventRecord& e, std::string_view iso3) {
  if (iso3 == e.country) return;
  for (std::size_t at = 0; at < e.involved.size(); at += 4)
    if (std::string_view(e.involved).substr(at, 3) == iso3) return;
  if (!e.involved.empty()) e.involved += ';';
  e.involved += iso3;
}

std::optional<RowError> EventMapping::map_involved(const Row& row, const Lookups& lookups, EventRecord& e) const {
  const auto add = [&e](std::string_view iso3) { add_involved(e, iso3); };
  for (int column : layout_.all(Field::involved)) {
    std::string_view list = field_text(row, column);
    while (!list.empty()) {
      const auto cut = list.find_first_of(";,");
      const std::string_view item = trim_blanks(list.substr(0, cut));
      list = cut == std::string_view::npos ? std::string_view() : list.substr(cut + 1);
      if (item.empty()) continue;
      if (const auto iso3 = lookups.countries().iso3(item)) add(*iso3);
      else if (!layout_.involved_may_name_regions) {
        std::string why = "'";
        why += item;
        why += "' is not a known country";
        return RowError{columns_[static_cast<std::size_t>(column)], std::move(why)};
      }
    }
  }
  if (!e.actors.empty()) {
    // Actors repeat from row to row (ACLED's "Military Forces of Mali (2021-)"): each
    // distinct list is read once.
    auto [hit, fresh] = actor_countries_.try_emplace(e.actors);
    if (fresh) hit->second = lookups.countries().named_in(e.actors);
    for (const auto& iso3 : hit->second) add(iso3);
  }
  return std::nullopt;
}

std::optional<RowError> EventMapping::map_place(const Row& row, const Lookups& lookups, EventRecord& e,
                                                bool& representative) const {
  const auto geo_precision = [&] {
    const auto given = text(row, Field::geo_precision);
    return layout_.geo_precision && !given.empty() ? layout_.geo_precision(given) : std::string(given);
  };
  const auto lat = text(row, Field::lat), lon = text(row, Field::lon);
  if (!lat.empty() || !lon.empty()) {
    if (lat.empty()) return RowError{column_name(Field::lat), "missing while the longitude is given"};
    if (lon.empty()) return RowError{column_name(Field::lon), "missing while the latitude is given"};
    auto y = parse_coordinate(lat, 90);
    if (auto* why = std::get_if<std::string>(&y)) return RowError{column_name(Field::lat), *why};
    auto x = parse_coordinate(lon, 180);
    if (auto* why = std::get_if<std::string>(&x)) return RowError{column_name(Field::lon), *why};
    e.lat = std::get<double>(y);
    e.lon = std::get<double>(x);
    e.geo_precision = geo_precision();
    return std::nullopt;
  }
  if (const auto wkt = text(row, Field::wkt); !wkt.empty()) {
    auto point = point_of_wkt(wkt, representative);
    if (auto* why = std::get_if<std::string>(&point)) return RowError{column_name(Field::wkt), *why};
    e.lon = std::get<geo::LonLat>(point).lon;
    e.lat = std::get<geo::LonLat>(point).lat;
    e.geo_precision = geo_precision();
    return std::nullopt;
  }
  if (row.point) {
    e.lon = row.point->lon;
    e.lat = row.point->lat;
    representative = row.representative;
    e.geo_precision = geo_precision();
    return std::nullopt;
  }
  if (!e.place.empty()) {
    // The row's own country and admin1 are the hints.
    const auto found = lookups.geocode ? lookups.geocode(e.place, e.country, admin1(row))
                                       : lookups.gazetteer().resolve(e.place, e.country);
    if (found.ambiguous()) return RowError{column_name(Field::place), found.ambiguity(e.place)};
    if (!found.found()) {
      return RowError{column_name(Field::place), "'" + e.place + "' is not in the gazetteer" +
                                                     (e.country.empty() ? "" : " for " + e.country) + "; give lat/lon"};
    }
    e.lon = found.place().lon;
    e.lat = found.place().lat;
    e.geo_precision = "geocoded";
    if (e.country.empty()) e.country = found.place().country;
    return std::nullopt;
  }
  return RowError{column_name(Field::lat), "no coordinates and no place", true};
}

std::string EventMapping::uid(const EventRecord& e) const { return event_uid(e, layout_.uid_prefix); }

std::string event_uid(const EventRecord& e, std::string_view prefix) {
  if (!e.source_id.empty()) return std::string(prefix) + e.source_id;
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

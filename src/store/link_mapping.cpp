// Links from rows: two endpoints (a country, a city or a point), a kind and dates.
// An endpoint without coordinates is placed at its country's capital or its city.
#include <tuple>

#include "core/error.hpp"
#include "store/countries.hpp"
#include "store/gazetteer.hpp"
#include "store/involvement.hpp"
#include "store/row_mapping.hpp"
#include "store/text.hpp"
#include "store/values.hpp"

namespace chronomap::store {
namespace {

struct EndpointColumns {
  const char* prefix;  // "from" or "to"
  int type, name, lon, lat;
};

std::optional<RowError> map_endpoint(const Row& row, const Lookups& lookups, const EndpointColumns& c,
                                     std::string& type, std::string& name, double& lon, double& lat) {
  const std::string prefix = c.prefix;
  type = field_text(row, c.type);
  if (type.empty()) type = "point";
  if (type != "country" && type != "city" && type != "point")
    return RowError{prefix + "_type", "'" + type + "' is not country, city or point"};
  name = field_text(row, c.name);
  const auto x = field_text(row, c.lon), y = field_text(row, c.lat);
  if (!x.empty() || !y.empty()) {
    auto parsed_y = parse_coordinate(y, 90);
    if (auto* why = std::get_if<std::string>(&parsed_y)) return RowError{prefix + "_lat", *why};
    auto parsed_x = parse_coordinate(x, 180);
    if (auto* why = std::get_if<std::string>(&parsed_x)) return RowError{prefix + "_lon", *why};
    lon = std::get<double>(parsed_x);
    lat = std::get<double>(parsed_y);
    if (type == "country" && !name.empty()) {
      auto iso3 = lookups.countries().iso3(name);
      if (!iso3) return RowError{prefix, "'" + name + "' is not a known country"};
      name = *iso3;
    }
    return std::nullopt;
  }
  if (name.empty()) return RowError{prefix, "missing (no name and no coordinates)"};
  std::optional<geo::LonLat> point;
  if (type == "country") {
    auto iso3 = lookups.countries().iso3(name);
    if (!iso3) return RowError{prefix, "'" + name + "' is not a known country"};
    name = *iso3;
    if (auto capital = lookups.gazetteer().capital(name)) point = geo::LonLat{capital->lon, capital->lat};
  } else if (type == "city") {
    // The store's own places first, then GeoNames, as for events.
    const auto found = lookups.geocode ? lookups.geocode(name, {}, {}) : lookups.gazetteer().resolve(name);
    if (found.ambiguous()) return RowError{prefix, found.ambiguity(name)};
    if (found.found()) point = geo::LonLat{found.place().lon, found.place().lat};
  }
  if (!point) return RowError{prefix, "'" + name + "' has no coordinates and is not in the gazetteer"};
  lon = point->lon;
  lat = point->lat;
  return std::nullopt;
}

}  // namespace

bool LinkMapping::recognises(const std::vector<std::string>& c) {
  return (find_column(c, {"from"}) >= 0 || find_column(c, {"from_lon"}) >= 0) &&
         (find_column(c, {"to"}) >= 0 || find_column(c, {"to_lon"}) >= 0) && find_column(c, {"kind"}) >= 0;
}

LinkMapping::LinkMapping(const std::vector<std::string>& c, const std::string& file) {
  id_ = find_column(c, {"id"});
  from_type_ = find_column(c, {"from_type"});
  from_ = find_column(c, {"from"});
  from_lon_ = find_column(c, {"from_lon"});
  from_lat_ = find_column(c, {"from_lat"});
  to_type_ = find_column(c, {"to_type"});
  to_ = find_column(c, {"to"});
  to_lon_ = find_column(c, {"to_lon"});
  to_lat_ = find_column(c, {"to_lat"});
  kind_ = find_column(c, {"kind"});
  start_ = find_column(c, {"start", "start_date", "date"});
  end_ = find_column(c, {"end", "end_date"});
  label_ = find_column(c, {"label", "title"});
  source_ = find_column(c, {"source"});
  url_ = find_column(c, {"url", "source_url"});
  if (start_ < 0) throw InputError(file + ": a links file with no start column");
}

std::optional<RowError> LinkMapping::map(const Row& row, const Lookups& lookups, LinkRecord& l) const {
  l = LinkRecord{};
  l.source_id = field_text(row, id_);
  if (auto error = map_endpoint(row, lookups, {"from", from_type_, from_, from_lon_, from_lat_}, l.from_type, l.from,
                                l.from_lon, l.from_lat))
    return error;
  if (auto error =
          map_endpoint(row, lookups, {"to", to_type_, to_, to_lon_, to_lat_}, l.to_type, l.to, l.to_lon, l.to_lat))
    return error;
  for (auto [type, name, lon, lat, country] : {std::tie(l.from_type, l.from, l.from_lon, l.from_lat, l.from_country),
                                               std::tie(l.to_type, l.to, l.to_lon, l.to_lat, l.to_country)}) {
    Geocode candidates;
    if (type == "city") candidates = lookups.geocode ? lookups.geocode(name, {}, {}) : lookups.gazetteer().resolve(name);
    country = endpoint_country(type, name, lon, lat, candidates);
  }
  l.kind = field_text(row, kind_);
  if (l.kind.empty()) return RowError{"kind", "missing"};
  const auto start = field_text(row, start_);
  if (start.empty()) return RowError{"start", "missing"};
  auto day = parse_day_value(start);
  if (auto* why = std::get_if<std::string>(&day)) return RowError{"start", *why};
  l.start_day = std::get<DayNumber>(day);
  if (const auto end = field_text(row, end_); !end.empty()) {
    auto last = parse_day_value(end);
    if (auto* why = std::get_if<std::string>(&last)) return RowError{"end", *why};
    if (std::get<DayNumber>(last) < l.start_day) return RowError{"end", "is before the start date"};
    l.end_day = std::get<DayNumber>(last);
  }
  l.label = field_text(row, label_);
  l.source = field_text(row, source_);
  l.url = field_text(row, url_);
  return std::nullopt;
}

std::string link_uid(const LinkRecord& l) {
  if (!l.source_id.empty()) return "id:" + l.source_id;
  std::string key;
  for (const std::string& part :
       {l.from_type, l.from, std::to_string(l.from_lon), std::to_string(l.from_lat), l.to_type, l.to,
        std::to_string(l.to_lon), std::to_string(l.to_lat), l.kind, std::to_string(l.start_day),
        l.end_day ? std::to_string(*l.end_day) : std::string(), l.label, l.source, l.url}) {
    key += part;
    key += '\x1f';
  }
  return "sha256:" + sha256_hex(key);
}

}  // namespace chronomap::store

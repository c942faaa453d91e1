// Generic column names, --map, and the messages for files whose columns can't make
// events. The known sources' layouts are in known_layouts.cpp.
#include "store/layout.hpp"

#include <algorithm>
#include <cctype>

#include "core/error.hpp"
#include "store/row_mapping.hpp"
#include "store/text.hpp"
#include "store/values.hpp"

namespace chronomap::store {

EventLayout recognise_known_layout(const std::vector<std::string>& columns, bool& known);  // known_layouts.cpp

namespace {

struct Names {
  Field field;
  std::vector<std::string_view> names;  // in order of preference
};

// Generic names, case and accents ignored: what people call these columns. (Vectors,
// not initializer_lists: a list's array would not outlive the temporary it came in.)
const std::vector<Names> kGenericNames = {
    Names{Field::id, {"id", "event_id", "uid"}},
    Names{Field::date, {"date", "event_date", "start", "start_date", "date_start", "time", "timestamp", "datetime",
                        "when", "day", "begin"}},
    Names{Field::end_date, {"end_date", "end", "date_end"}},
    Names{Field::date_precision, {"date_precision", "time_precision", "date_prec"}},
    Names{Field::category, {"category", "event_type", "type"}},
    Names{Field::sub_category, {"sub_category", "sub_event_type", "subtype"}},
    Names{Field::title, {"title", "name"}},
    Names{Field::notes, {"notes", "description", "desc", "cmt", "comment"}},
    Names{Field::actors, {"actors"}},
    Names{Field::place, {"place", "location", "city"}},
    Names{Field::admin1, {"admin1", "adm_1", "region", "province"}},
    Names{Field::country, {"country", "country_iso3", "iso3", "country_code"}},
    Names{Field::lat, {"lat", "latitude", "y"}},
    Names{Field::lon, {"lon", "lng", "long", "longitude", "x"}},
    Names{Field::geo_precision, {"geo_precision"}},
    Names{Field::fatalities, {"fatalities", "deaths", "killed"}},
    Names{Field::source, {"source", "src"}},
    Names{Field::url, {"url", "source_url", "link", "link1_href"}},
    Names{Field::wkt, {"wkt", "wkt_geom", "the_geom", "geometry", "geom"}},
    Names{Field::magnitude, {"mag", "magnitude"}},
    Names{Field::involved, {"involved_countries", "countries_involved", "involved"}},
};

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string column_list(const std::vector<std::string>& columns) {
  std::string out;
  for (std::size_t i = 0; i < columns.size() && i < 12; ++i) out += (i ? ", " : "") + columns[i];
  if (columns.size() > 12) out += ", ... (" + std::to_string(columns.size()) + " in all)";
  return out;
}

bool looks_like_data(std::string_view field) {
  if (field.empty()) return false;
  return std::all_of(field.begin(), field.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' || c == ':' || c == '/';
  });
}

}  // namespace

// Every column a field's names match, in order of preference: a row takes the first
// that is not empty (a KML placemark has a timestamp, or a time span's begin).
// Actors join all theirs.
void fill_generic(EventLayout& layout, const std::vector<std::string>& columns) {
  for (const auto& entry : kGenericNames) {
    auto& slot = layout.columns[static_cast<std::size_t>(entry.field)];
    if (!slot.empty()) continue;
    for (const auto name : entry.names)
      if (const int i = find_column(columns, {name}); i >= 0 && std::find(slot.begin(), slot.end(), i) == slot.end())
        slot.push_back(i);
  }
}

EventLayout recognise_event_layout(const std::vector<std::string>& columns, bool has_geometry) {
  bool known = false;
  EventLayout layout = recognise_known_layout(columns, known);
  if (!known) {
    layout = EventLayout{};
    layout.name = has_geometry ? "ogr" : "csv";
    fill_generic(layout, columns);
  }
  return layout;
}

std::string nearest_column(std::string_view wanted, const std::vector<std::string>& columns) {
  const std::string key = fold_name(wanted);
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, key.size() / 2) + 1;
  for (const auto& column : columns) {
    const auto folded = fold_name(column);
    const std::size_t distance =
        folded.find(key) != std::string::npos || key.find(folded) != std::string::npos ? 1 : edit_distance(key, folded);
    if (!folded.empty() && distance < best_distance) best = column, best_distance = distance;
  }
  return best;
}

bool header_looks_like_data(const std::vector<std::string>& header) {
  std::size_t data = 0, filled = 0;
  for (const auto& field : header) {
    const auto text = trim_blanks(field);
    filled += !text.empty();
    data += looks_like_data(text);
  }
  return filled > 0 && data * 2 > filled;
}

void apply_column_map(EventLayout& layout, std::string_view spec, const std::vector<std::string>& columns) {
  while (!spec.empty()) {
    const auto comma = spec.find(',');
    const auto pair = trim_blanks(spec.substr(0, comma));
    spec = comma == std::string_view::npos ? std::string_view{} : spec.substr(comma + 1);
    if (pair.empty()) continue;
    const auto equals = pair.find('=');
    if (equals == std::string_view::npos)
      throw UsageError("--map: '" + std::string(pair) + "' is not FIELD=COLUMN");
    const auto field_name = trim_blanks(pair.substr(0, equals));
    const auto found = std::find(kFieldNames.begin(), kFieldNames.end(), field_name);
    if (found == kFieldNames.end()) {
      std::string fields;
      for (auto name : kFieldNames) fields += (fields.empty() ? "" : ", ") + std::string(name);
      throw UsageError("--map: '" + std::string(field_name) + "' is not a field (fields: " + fields + ")");
    }
    auto& slot = layout.columns[static_cast<std::size_t>(found - kFieldNames.begin())];
    slot.clear();
    auto names = pair.substr(equals + 1);
    while (true) {  // actors=side_a+side_b
      const auto plus = names.find('+');
      const auto name = trim_blanks(names.substr(0, plus));
      const int column = find_column(columns, {std::string_view(name)});
      if (column < 0) {
        const auto near = nearest_column(name, columns);
        throw UsageError("--map: no column '" + std::string(name) + "' in the file (columns: " + column_list(columns) +
                         ")" + (near.empty() ? "" : "; did you mean '" + near + "'?"));
      }
      slot.push_back(column);
      if (plus == std::string_view::npos) break;
      names = names.substr(plus + 1);
    }
  }
}

std::string layout_problem(const EventLayout& layout, const std::vector<std::string>& columns, bool has_geometry) {
  const std::string found = " (columns: " + column_list(columns) + ")";
  if (layout.column(Field::date) < 0) {
    if (header_looks_like_data(columns))
      return "the first row looks like data, not a header, and no known headerless layout has " +
             std::to_string(columns.size()) + " columns; add a header row, or name the columns with --map";
    const auto near = nearest_column("date", columns);
    return "no date column (one of date, event_date, date_start, time, timestamp...)" + found + "; name it with --map date=" +
           (near.empty() ? "COLUMN" : near);
  }
  const bool coordinates = layout.column(Field::lat) >= 0 && layout.column(Field::lon) >= 0;
  if (!coordinates && layout.column(Field::place) < 0 && layout.column(Field::wkt) < 0 && !has_geometry)
    return "no coordinates (lat/lon columns, a WKT column or point geometry) and no place column to geocode" + found +
           "; name them with --map lat=...,lon=... or --map place=...";
  return {};
}

}  // namespace chronomap::store

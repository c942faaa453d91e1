// The layouts of the sources analysts combine: ACLED (current, older, Excel-saved,
// monadic and 2016 exports, reduced extracts), UCDP GED, GDELT 1.0 and 2.0 event
// files, and USGS earthquake feeds. Facts about each format are in the comments; the
// tests in tests/data/import/sources/ are files written in each format's columns.
#include <string>

#include "store/layout.hpp"
#include "store/row_mapping.hpp"
#include "store/text.hpp"

namespace chronomap::store {

void fill_generic(EventLayout& layout, const std::vector<std::string>& columns);  // layout.cpp

namespace {

void take(EventLayout& layout, Field field, const std::vector<std::string>& columns,
          std::initializer_list<std::string_view> names) {
  auto& slot = layout.columns[static_cast<std::size_t>(field)];
  slot.clear();
  if (const int i = find_column(columns, names); i >= 0) slot.push_back(i);
}

void take_all(EventLayout& layout, Field field, const std::vector<std::string>& columns,
              std::initializer_list<std::string_view> names) {
  auto& slot = layout.columns[static_cast<std::size_t>(field)];
  slot.clear();
  for (auto name : names)
    if (const int i = find_column(columns, {name}); i >= 0) slot.push_back(i);
}

bool has(const std::vector<std::string>& columns, std::string_view name) { return find_column(columns, {name}) >= 0; }

// ACLED's event types onto the map's categories, today's names and the 2016 ones
// ("Battle-No change of territory", "Remote violence", "Riots/Protests"...). The
// precise type stays in sub_category.
std::string acled_category(std::string_view event_type, std::string_view sub_event_type) {
  const auto type = fold_name(event_type);
  const auto sub = fold_name(sub_event_type);
  if (sub == "arrests") return "arrest";
  if (sub == "agreement") return "agreement";
  if (type == "battles" || type.rfind("battle ", 0) == 0 || type == "violence against civilians" ||
      type == "explosions remote violence" || type == "remote violence")
    return "attack";
  if (type == "protests" || type == "riots" || type == "riots protests") return "protest";
  return "other";
}

std::string acled_sub_category(std::string_view event_type, std::string_view sub_event_type) {
  return std::string(sub_event_type.empty() ? event_type : sub_event_type);
}

std::string code_word(std::string_view code, std::initializer_list<std::string_view> words) {
  std::size_t n = 0;
  for (auto c : code) {
    if (c < '0' || c > '9') return std::string(code);
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  if (code.empty() || n == 0 || n > words.size()) return std::string(code);
  return std::string(*(words.begin() + (n - 1)));
}

std::string acled_date_precision(std::string_view code) {
  return code.empty() ? "day" : code_word(code, {"day", "week", "month"});
}
std::string acled_geo_precision(std::string_view code) { return code_word(code, {"city", "near", "region"}); }

// UCDP GED: type_of_violence 1 state-based conflict, 2 non-state conflict, 3 one-sided
// violence (against civilians). All three are organised violence: 'attack' on the
// map, the UCDP type in sub_category.
std::string ucdp_category(std::string_view, std::string_view) { return "attack"; }
std::string ucdp_sub_category(std::string_view type, std::string_view) {
  return code_word(type, {"state-based conflict", "non-state conflict", "one-sided violence"});
}
// date_prec: 1 the exact day, 2 within 2-6 days, 3 within the week, 4 within the
// month, 5 within the year (or worse).
std::string ucdp_date_precision(std::string_view code) { return code_word(code, {"day", "week", "week", "month", "year"}); }
// where_prec: 1 exact place, 2 within 25 km, 3 second-order admin unit, 4 first-order
// admin unit, 5 a line (border, road) or larger area, 6 country, 7 international waters.
std::string ucdp_geo_precision(std::string_view code) {
  return code_word(code, {"city", "near", "admin2", "admin1", "region", "country", "water"});
}

// GDELT's CAMEO root codes (01..20) onto the map's categories; sub_category names
// the root: "Fight", "Protest"...
constexpr std::array<std::string_view, 20> kCameoRoots = {
    "Make public statement", "Appeal",         "Express intent to cooperate", "Consult",
    "Diplomatic cooperation", "Material cooperation", "Provide aid",          "Yield",
    "Investigate",           "Demand",         "Disapprove",                  "Reject",
    "Threaten",              "Protest",        "Exhibit force posture",       "Reduce relations",
    "Coerce",                "Assault",        "Fight",                       "Unconventional mass violence"};

int cameo_root(std::string_view root) {
  int n = 0;
  for (char c : root) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + (c - '0');
  }
  return n >= 1 && n <= 20 ? n : 0;
}

std::string gdelt_category(std::string_view root, std::string_view code) {
  if (code == "057") return "agreement";  // sign formal agreement
  if (code.rfind("173", 0) == 0) return "arrest";
  switch (cameo_root(root)) {
    case 18: case 19: case 20: return "attack";
    case 14: return "protest";
    case 15: return "deployment";
    case 4: return "meeting";
    case 3: case 5: return "diplomacy";
    default: return "other";
  }
}

std::string gdelt_sub_category(std::string_view root, std::string_view) {
  const int n = cameo_root(root);
  return n ? std::string(kCameoRoots[static_cast<std::size_t>(n - 1)]) : std::string(root);
}

// ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1).
std::string gdelt_geo_precision(std::string_view code) {
  return code_word(code, {"country", "admin1", "city", "city", "admin1"});
}

bool recognise_acled(const std::vector<std::string>& c, EventLayout& layout) {
  if (!has(c, "event_date") || !has(c, "event_type") ||
      !(has(c, "actor1") || has(c, "event_id_cnty") || has(c, "fatalities")))
    return false;
  layout.name = "acled";
  take(layout, Field::id, c, {"event_id_cnty"});
  take(layout, Field::date, c, {"event_date"});
  take(layout, Field::year, c, {"year"});
  take(layout, Field::date_precision, c, {"time_precision"});
  take(layout, Field::category, c, {"event_type"});
  take(layout, Field::sub_category, c, {"sub_event_type"});
  take(layout, Field::notes, c, {"notes"});
  take_all(layout, Field::actors, c, {"actor1", "assoc_actor_1", "ally_actor_1", "actor2", "assoc_actor_2", "ally_actor_2"});
  take(layout, Field::place, c, {"location"});
  take(layout, Field::admin1, c, {"admin1"});
  // Its numeric ISO code first (0 is Kosovo), then its name, then ISO3 (older files).
  take_all(layout, Field::country, c, {"iso", "country", "iso3"});
  take(layout, Field::lat, c, {"latitude"});
  take(layout, Field::lon, c, {"longitude"});
  take(layout, Field::geo_precision, c, {"geo_precision"});
  take(layout, Field::fatalities, c, {"fatalities"});
  take(layout, Field::source, c, {"source"});
  layout.category = acled_category;
  layout.sub_category = acled_sub_category;
  layout.date_precision = acled_date_precision;
  layout.geo_precision = acled_geo_precision;
  layout.countries = CountryCodes::acled;
  layout.merge_same_id = true;
  return true;
}

bool recognise_ucdp(const std::vector<std::string>& c, EventLayout& layout) {
  if (!has(c, "date_start") || !has(c, "type_of_violence") || !has(c, "side_a")) return false;
  layout.name = "ucdp-ged";
  take(layout, Field::id, c, {"id"});
  take(layout, Field::date, c, {"date_start"});
  take(layout, Field::end_date, c, {"date_end"});
  take(layout, Field::date_precision, c, {"date_prec"});
  take(layout, Field::category, c, {"type_of_violence"});
  take(layout, Field::title, c, {"dyad_name", "conflict_name"});
  take(layout, Field::notes, c, {"source_headline"});
  take_all(layout, Field::actors, c, {"side_a", "side_b"});
  take(layout, Field::place, c, {"where_coordinates"});
  take(layout, Field::admin1, c, {"adm_1"});
  take(layout, Field::country, c, {"country"});
  take(layout, Field::lat, c, {"latitude"});
  take(layout, Field::lon, c, {"longitude"});
  take(layout, Field::geo_precision, c, {"where_prec"});
  take(layout, Field::fatalities, c, {"best"});
  take(layout, Field::fatalities_low, c, {"low"});
  take(layout, Field::fatalities_high, c, {"high"});
  take(layout, Field::source, c, {"source_article"});
  layout.category = ucdp_category;
  layout.sub_category = ucdp_sub_category;
  layout.date_precision = ucdp_date_precision;
  layout.geo_precision = ucdp_geo_precision;
  layout.uid_prefix = "ucdp:";
  return true;
}

// GDELT 2.0's event columns; 1.0 lacks the three ADM2Code columns (and SOURCEURL
// before April 2013).
std::vector<std::string> gdelt_columns(std::size_t n) {
  std::vector<std::string> names = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"};
  for (const char* actor : {"Actor1", "Actor2"})
    for (const char* part : {"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                             "Religion2Code", "Type1Code", "Type2Code", "Type3Code"})
      names.push_back(std::string(actor) + part);
  for (const char* name : {"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
                           "NumMentions", "NumSources", "NumArticles", "AvgTone"})
    names.emplace_back(name);
  for (const char* geo : {"Actor1Geo_", "Actor2Geo_", "ActionGeo_"})
    for (const char* part : {"Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"})
      if (n == 61 || std::string_view(part) != "ADM2Code") names.push_back(std::string(geo) + part);
  names.emplace_back("DATEADDED");
  if (n != 57) names.emplace_back("SOURCEURL");
  return names;
}

// GDELT event files have no header: recognised by their column count (1.0: 57, or 58
// with SOURCEURL; 2.0: 61) and a first row of data.
bool recognise_gdelt(const std::vector<std::string>& c, EventLayout& layout) {
  const std::size_t n = c.size();
  if ((n != 57 && n != 58 && n != 61) || !header_looks_like_data(c)) return false;
  const bool v2 = n == 61;
  layout.name = v2 ? "gdelt-2" : "gdelt-1";
  layout.header_is_data = true;
  layout.column_names = gdelt_columns(n);
  const int geo = v2 ? 51 : 49;  // ActionGeo_Type; then FullName, CountryCode, ADM1Code, [ADM2Code], Lat, Long
  layout.set(Field::id, 0);
  layout.set(Field::date, 1);    // SQLDATE, YYYYMMDD
  layout.set(Field::category, 28);      // EventRootCode
  layout.set(Field::sub_category, 26);  // EventCode
  layout.columns[static_cast<std::size_t>(Field::actors)] = {6, 16};  // Actor1Name, Actor2Name
  // Actor1CountryCode, Actor2CountryCode: CAMEO's, ISO 3166 alpha-3 for countries,
  // plus regions ("AFR", "WST") that name no country and are passed over.
  layout.columns[static_cast<std::size_t>(Field::involved)] = {7, 17};
  layout.involved_may_name_regions = true;
  layout.set(Field::geo_precision, geo);
  layout.set(Field::place, geo + 1);
  layout.set(Field::country, geo + 2);
  layout.set(Field::admin1, geo + 3);
  layout.set(Field::lat, geo + (v2 ? 5 : 4));
  layout.set(Field::lon, geo + (v2 ? 6 : 5));
  if (n != 57) layout.set(Field::url, static_cast<int>(n) - 1);
  layout.category = gdelt_category;
  layout.sub_category = gdelt_sub_category;
  layout.geo_precision = gdelt_geo_precision;
  layout.countries = CountryCodes::fips;
  layout.uid_prefix = "gdelt:";
  layout.skip_unplaced = true;
  return true;
}

// USGS earthquake feeds (CSV and GeoJSON): time (ISO in CSV, epoch milliseconds in
// GeoJSON), mag, place, type, id.
bool recognise_usgs(const std::vector<std::string>& c, EventLayout& layout) {
  if (!has(c, "mag") || !has(c, "time") || !has(c, "place") || !(has(c, "magtype") || has(c, "mag_type"))) return false;
  layout.name = "usgs";
  fill_generic(layout, c);
  take(layout, Field::id, c, {"id", "code"});
  take(layout, Field::date, c, {"time"});
  take(layout, Field::category, c, {"type"});
  take(layout, Field::title, c, {"title"});
  take(layout, Field::place, c, {"place"});
  take(layout, Field::url, c, {"url"});
  take(layout, Field::source, c, {"net", "sources"});
  layout.set(Field::admin1, -1);
  layout.uid_prefix = "usgs:";
  return true;
}

}  // namespace

EventLayout recognise_known_layout(const std::vector<std::string>& columns, bool& known) {
  EventLayout layout;
  known = recognise_acled(columns, layout) || recognise_ucdp(columns, layout) || recognise_gdelt(columns, layout) ||
          recognise_usgs(columns, layout);
  return layout;
}

}  // namespace chronomap::store

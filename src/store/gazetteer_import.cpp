// Features of a user's gazetteer into the places table: a name, a country (given, or
// from a column), an admin1 when the file has one, and a point.
#include "store/gazetteer_import.hpp"

#include <optional>

#include "core/error.hpp"
#include "geo/gdal_init.hpp"
#include "store/countries.hpp"
#include "store/event_writer.hpp"
#include "store/ogr_rows.hpp"
#include "store/row_mapping.hpp"
#include "store/store_gazetteer.hpp"
#include "store/text.hpp"
#include "store/values.hpp"

namespace chronomap::store {
namespace {

namespace fs = std::filesystem;

std::string column_list(const std::vector<std::string>& columns) {
  std::string list;
  for (const auto& c : columns) list += (list.empty() ? "" : ", ") + c;
  return list.empty() ? "none" : list;
}

}  // namespace

GazetteerImportResult import_gazetteer(EventStore& store, const fs::path& file, const GazetteerImportOptions& options) {
  const std::string name = file.string();
  geo::check_local_path(name);
  std::error_code ec;
  if (!fs::exists(file, ec)) throw InputError(name + ": no such file");
  if (fs::is_regular_file(file, ec) && fs::file_size(file, ec) == 0) throw InputError(name + ": is empty");

  OgrRows source(file);
  const auto& columns = source.columns();
  for (const auto& column : columns)
    if (!is_valid_utf8(column)) throw InputError(name + ": the field names are not valid UTF-8");
  GazetteerImportResult result;
  const int name_column =
      options.name_field.empty()
          ? find_column(columns, {"name", "shapeName", "place", "location", "city", "settlement", "nom"})
          : find_column(columns, {options.name_field});
  if (name_column < 0) {
    throw InputError(name + ": " +
                     (options.name_field.empty() ? std::string("no name field")
                                                 : "no field '" + options.name_field + "'") +
                     " (fields: " + column_list(columns) + "); give --name-field");
  }
  result.name_field = columns[static_cast<std::size_t>(name_column)];
  const int country_column =
      options.country.empty()
          ? find_column(columns, {"country", "country_iso3", "iso3", "iso_a3", "shapeGroup", "country_code"})
          : -1;
  if (country_column >= 0) result.country_field = columns[static_cast<std::size_t>(country_column)];
  const int admin1_column = find_column(columns, {"admin1", "admin1_name", "adm1_name"});
  const int lat_column = find_column(columns, {"lat", "latitude", "y"});
  const int lon_column = find_column(columns, {"lon", "lng", "long", "longitude", "x"});

  std::optional<Countries> own_countries;
  auto countries = [&]() -> const Countries& {
    if (options.countries) return *options.countries;
    if (!own_countries) own_countries = Countries::load_shipped();
    return *own_countries;
  };

  auto& db = store.database();
  WriteTransaction transaction(db);
  const auto sha256 = sha256_file_hex(file);
  {
    auto earlier = db.prepare("SELECT count(*) FROM datasets WHERE sha256 = ? AND format = 'gazetteer'");
    earlier.bind(1, std::string_view(sha256));
    earlier.step();
    if (earlier.column_int(0) > 0) {
      result.already_imported = true;
      return result;
    }
  }
  EventWriter writer(db);
  const auto dataset_id = writer.add_dataset({0, file.filename().string(), "", "gazetteer", "", 0});
  StoreGazetteer places(db);

  Row row;
  while (source.next(row)) {
    ++result.features;
    auto fail = [&](const std::string& field, const std::string& why) {
      throw InputError(name + ": feature " + std::to_string(source.feature()) + ": field '" + field + "': " + why);
    };
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (auto text = row.value(static_cast<int>(i)); text && !is_valid_utf8(*text)) fail(columns[i], "not valid UTF-8");
    if (!source.geometry_error().empty()) fail("geometry", source.geometry_error());
    const auto place = field_text(row, name_column);
    std::optional<geo::LonLat> point = row.point;
    if (!point && lat_column >= 0 && lon_column >= 0) {
      const auto lat = field_text(row, lat_column), lon = field_text(row, lon_column);
      if (!lat.empty() || !lon.empty()) {
        auto y = parse_coordinate(lat, 90);
        if (auto* why = std::get_if<std::string>(&y)) fail(columns[static_cast<std::size_t>(lat_column)], *why);
        auto x = parse_coordinate(lon, 180);
        if (auto* why = std::get_if<std::string>(&x)) fail(columns[static_cast<std::size_t>(lon_column)], *why);
        point = geo::LonLat{std::get<double>(x), std::get<double>(y)};
      }
    }
    if (place.empty() || !point) {
      ++result.unnamed;
      continue;
    }
    std::string country = options.country;
    if (const auto given = field_text(row, country_column); !given.empty()) {
      auto iso3 = countries().iso3(given);
      if (!iso3) fail(result.country_field, "'" + std::string(given) + "' is not a known country");
      country = *iso3;
    }
    places.learn(place, country, field_text(row, admin1_column), point->lon, point->lat, dataset_id);
  }
  source.check_read_errors();
  const auto learned = places.flush();
  result.added = learned.added;
  result.seen_again = learned.seen_again;
  if (result.added + result.seen_again == 0)
    throw InputError(name + ": no named place with a point among " + std::to_string(result.features) + " feature(s)");
  writer.finish_dataset(dataset_id, sha256, result.features - result.unnamed);
  transaction.commit();
  return result;
}

}  // namespace chronomap::store

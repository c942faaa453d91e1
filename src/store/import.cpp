// The import: open the file through OGR (raw text for CSV), recognise its layout,
// check every row, and write them all in one transaction, or nothing.
#include "store/import.hpp"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <memory>

#include "core/error.hpp"
#include "geo/gdal_init.hpp"
#include "store/countries.hpp"
#include "store/csv_scan.hpp"
#include "store/event_writer.hpp"
#include "store/gazetteer.hpp"
#include "store/row_mapping.hpp"
#include "store/text.hpp"

namespace chronomap::store {
namespace {

namespace fs = std::filesystem;

struct CloseDataset {
  void operator()(void* ds) const { GDALClose(ds); }
};
struct DestroyFeature {
  void operator()(void* f) const { OGR_F_Destroy(f); }
};
struct DestroyTransform {
  void operator()(void* t) const { OCTDestroyCoordinateTransformation(t); }
};

std::string lower_extension(const fs::path& file) {
  std::string ext = file.extension().string();
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return ext;
}

ImportFormat guess_format(const fs::path& file) {
  const auto ext = lower_extension(file);
  if (ext == ".csv" || ext == ".tsv" || ext == ".txt") return ImportFormat::csv;
  if (ext == ".geojson" || ext == ".json") return ImportFormat::geojson;
  return ImportFormat::ogr;
}

const char* format_name(ImportFormat f) {
  switch (f) {
    case ImportFormat::acled: return "acled";
    case ImportFormat::csv: return "csv";
    case ImportFormat::geojson: return "geojson";
    case ImportFormat::ogr: return "ogr";
    case ImportFormat::automatic: break;
  }
  return "auto";
}

// Opens the file with only the drivers its format allows. CSV is read as raw text:
// no type guessing (a "1e5" place stays text, a "2025-02-30" stays visible to our
// checks) and empty strings as empty, not NULL.
std::unique_ptr<void, CloseDataset> open_source(const fs::path& file, ImportFormat format) {
  const char* csv_drivers[] = {"CSV", nullptr};
  const char* json_drivers[] = {"GeoJSON", "GeoJSONSeq", nullptr};
  const char* csv_options[] = {"AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=NO", "KEEP_GEOM_COLUMNS=YES",
                               "HEADERS=YES", nullptr};
  std::string path = file.string();
  const char* const* drivers = nullptr;
  const char* const* options = nullptr;
  if (format == ImportFormat::csv || format == ImportFormat::acled) {
    drivers = csv_drivers;
    options = csv_options;
    if (lower_extension(file) != ".csv") path = "CSV:" + path;  // GDAL's CSV driver wants .csv otherwise
  } else if (format == ImportFormat::geojson) {
    drivers = json_drivers;
  }
  std::unique_ptr<void, CloseDataset> ds(
      GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, options, nullptr));
  if (!ds) {
    std::string why = CPLGetLastErrorMsg();
    if (why.empty()) why = std::string("not readable as ") + format_name(format);
    throw InputError(file.string() + ": " + why);
  }
  return ds;
}

std::optional<geo::LonLat> point_of(OGRGeometryH geometry, OGRCoordinateTransformationH to_wgs84) {
  if (!geometry || OGR_G_IsEmpty(geometry)) return std::nullopt;
  OGRGeometryH point = OGR_G_CreateGeometry(wkbPoint);
  const bool ok = OGR_G_Centroid(geometry, point) == OGRERR_NONE;  // a point's centroid is itself
  std::optional<geo::LonLat> out;
  if (ok && (!to_wgs84 || OGR_G_Transform(point, to_wgs84) == OGRERR_NONE))
    out = geo::LonLat{OGR_G_GetX(point, 0), OGR_G_GetY(point, 0)};
  OGR_G_DestroyGeometry(point);
  return out;
}

std::string_view iso_date_of(OGRFeatureH f, int i, std::string& out) {
  int y = 0, m = 0, d = 0, hour = 0, minute = 0, tz = 0;
  float second = 0;
  if (!OGR_F_GetFieldAsDateTimeEx(f, i, &y, &m, &d, &hour, &minute, &second, &tz)) return {};
  out = format_iso(CivilDate{y, m, d});
  return out;
}

}  // namespace

ImportFormat parse_import_format(std::string_view name) {
  if (name == "auto") return ImportFormat::automatic;
  if (name == "acled") return ImportFormat::acled;
  if (name == "csv") return ImportFormat::csv;
  if (name == "geojson") return ImportFormat::geojson;
  if (name == "ogr") return ImportFormat::ogr;
  throw UsageError("--format: '" + std::string(name) + "' is not auto, acled, csv, geojson or ogr");
}

ImportResult import_file(EventStore& store, const fs::path& file, const ImportOptions& options) {
  const std::string name = file.string();
  std::error_code ec;
  if (!fs::exists(file, ec)) throw InputError(name + ": no such file");
  if (fs::is_directory(file, ec)) throw InputError(name + ": is a directory");
  if (fs::file_size(file, ec) == 0) throw InputError(name + ": is empty");

  ImportFormat format = options.format == ImportFormat::automatic ? guess_format(file) : options.format;
  const bool is_csv = format == ImportFormat::csv || format == ImportFormat::acled;
  CsvScan scan;
  if (is_csv) scan = scan_csv(file);

  geo::ensure_gdal_registered();
  geo::QuietGdalErrors quiet;
  auto ds = open_source(file, format);
  if (GDALDatasetGetLayerCount(ds.get()) < 1) throw InputError(name + ": no layer of features");
  OGRLayerH layer = GDALDatasetGetLayer(ds.get(), 0);
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  std::vector<std::string> columns;
  for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
    columns.emplace_back(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
    if (!is_valid_utf8(columns.back()))
      throw InputError(name + ":" + std::to_string(std::max<std::int64_t>(scan.header_line, 1)) +
                       ": the header is not valid UTF-8");
  }
  if (columns.empty()) throw InputError(name + ": no columns");
  const bool acled = format == ImportFormat::acled || (is_csv && find_column(columns, {"event_id_cnty"}) >= 0 &&
                                                      find_column(columns, {"event_date"}) >= 0);
  if (acled) format = ImportFormat::acled;
  const bool links = LinkMapping::recognises(columns);

  std::unique_ptr<void, DestroyTransform> to_wgs84;
  const bool has_geometry = !is_csv && OGR_FD_GetGeomType(defn) != wkbNone;
  if (OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer); has_geometry && srs) {
    OGRSpatialReferenceH wgs84 = OSRNewSpatialReference(nullptr);
    OSRSetWellKnownGeogCS(wgs84, "WGS84");
    OSRSetAxisMappingStrategy(wgs84, OAMS_TRADITIONAL_GIS_ORDER);
    if (!OSRIsSame(srs, wgs84)) to_wgs84.reset(OCTNewCoordinateTransformation(srs, wgs84));
    OSRDestroySpatialReference(wgs84);
  }

  std::optional<Gazetteer> own_gazetteer;
  std::optional<Countries> own_countries;
  Lookups lookups{[&]() -> const Gazetteer& {
                    if (options.gazetteer) return *options.gazetteer;
                    if (!own_gazetteer) own_gazetteer = Gazetteer::load_shipped();
                    return *own_gazetteer;
                  },
                  [&]() -> const Countries& {
                    if (options.countries) return *options.countries;
                    if (!own_countries) own_countries = Countries::load_shipped();
                    return *own_countries;
                  }};

  std::optional<EventMapping> event_mapping;
  std::optional<LinkMapping> link_mapping;
  if (links) link_mapping.emplace(columns, name);
  else event_mapping.emplace(columns, acled, has_geometry, name);

  ImportResult result;
  result.kind = links ? "links" : "events";
  result.format = format_name(format);
  auto& db = store.database();
  WriteTransaction transaction(db);
  EventWriter writer(db);
  const auto dataset_id = writer.add_dataset({0, file.filename().string(), sha256_file_hex(file), result.format, "", 0});

  // Drivers that type their fields (GeoJSON, GeoPackage) hand dates over as dates:
  // they are written back as ISO text for the same checks as everything else.
  std::vector<bool> date_column(columns.size());
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const auto type = OGR_Fld_GetType(OGR_FD_GetFieldDefn(defn, static_cast<int>(i)));
    date_column[i] = type == OFTDate || type == OFTDateTime;
  }
  std::vector<std::string> dates(columns.size());
  OGR_L_ResetReading(layer);
  std::unique_ptr<void, DestroyFeature> feature;
  EventRecord event;
  LinkRecord link;
  std::int64_t index = 0;
  while (feature.reset(OGR_L_GetNextFeature(layer)), feature) {
    ++index;
    ++result.rows;
    OGRFeatureH f = feature.get();
    std::string where = is_csv ? std::to_string(static_cast<std::size_t>(index) <= scan.record_lines.size()
                                                    ? scan.record_lines[static_cast<std::size_t>(index - 1)]
                                                    : scan.header_line + index)
                               : "feature " + std::to_string(index);
    std::optional<RowError> error;
    for (int i = 0; i < static_cast<int>(columns.size()) && !error; ++i) {
      if (OGR_F_IsFieldSetAndNotNull(f, i) && !is_valid_utf8(OGR_F_GetFieldAsString(f, i)))
        error = RowError{columns[static_cast<std::size_t>(i)], "not valid UTF-8"};
    }
    RowView row{[f, &dates, &date_column](int i) -> std::optional<std::string_view> {
                  if (!OGR_F_IsFieldSetAndNotNull(f, i)) return std::nullopt;
                  return date_column[static_cast<std::size_t>(i)] ? iso_date_of(f, i, dates[static_cast<std::size_t>(i)])
                                                                  : std::string_view(OGR_F_GetFieldAsString(f, i));
                },
                has_geometry ? point_of(OGR_F_GetGeometryRef(f), to_wgs84.get()) : std::nullopt};
    if (!error) error = links ? link_mapping->map(row, lookups, link) : event_mapping->map(row, lookups, event);
    if (error) {
      std::string reason = "field '" + error->field + "': " + error->reason;
      if (!options.skip_invalid) throw InputError(name + (is_csv ? ":" : ": ") + where + ": " + reason);
      result.rejected.push_back({where, std::move(reason)});
      continue;
    }
    bool added = false;
    if (links) {
      link.dataset_id = dataset_id;
      added = writer.insert(link, link_uid(link));
    } else {
      event.dataset_id = dataset_id;
      added = writer.insert(event, event_uid(event));
    }
    ++(added ? result.inserted : result.already_stored);
  }
  if (const std::string gdal_error = CPLGetLastErrorMsg(); !gdal_error.empty() && CPLGetLastErrorType() >= CE_Failure)
    throw InputError(name + ": " + gdal_error);
  if (result.rows == 0) throw InputError(name + ": no rows (a header only?)");
  writer.set_row_count(dataset_id, result.inserted);
  transaction.commit();
  return result;
}

}  // namespace chronomap::store

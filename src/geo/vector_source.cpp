// OGR reading: opens the source, walks the geometries of one layer into plain rings,
// and turns GDAL's error reports into one clear InputError per failure.
#include "geo/vector_source.hpp"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <memory>
#include <mutex>

#include "core/error.hpp"
#include "geo/gdal_init.hpp"

namespace chronomap::geo {
namespace {

struct DatasetCloser {
  void operator()(GDALDataset* dataset) const { GDALClose(dataset); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

std::string last_gdal_error(const char* fallback) {
  const char* message = CPLGetLastErrorMsg();
  return (message != nullptr && *message != '\0') ? message : fallback;
}

DatasetPtr open_vector(const std::string& path) {
  ensure_gdal_registered();
  check_local_path(path);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec) && path.find(':') == std::string::npos) {
    throw InputError(path + ": no such file");
  }
  if (std::filesystem::is_directory(path, ec) && std::filesystem::is_empty(path, ec)) {
    throw InputError(path + ": is an empty directory, not vector data");
  }
  QuietGdalErrors quiet;
  auto* raw = GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, safe_vector_drivers(), nullptr,
                                        nullptr);
  if (raw == nullptr) {
    const std::string reason = CPLGetLastErrorType() >= CE_Failure
                                   ? last_gdal_error("not readable")
                                   : "not vector data that GDAL can read";
    throw InputError(path + ": cannot open as vector data: " + reason);
  }
  DatasetPtr dataset(raw);
  if (dataset->GetLayerCount() == 0) throw InputError(path + ": contains no vector layer");
  return dataset;
}

Ring to_ring(const OGRLinearRing& ring) {
  Ring out;
  out.reserve(static_cast<std::size_t>(ring.getNumPoints()));
  for (int i = 0; i < ring.getNumPoints(); ++i) out.push_back({ring.getX(i), ring.getY(i)});
  return out;
}

std::vector<LonLat> to_line(const OGRLineString& line) {
  std::vector<LonLat> out;
  out.reserve(static_cast<std::size_t>(line.getNumPoints()));
  for (int i = 0; i < line.getNumPoints(); ++i) out.push_back({line.getX(i), line.getY(i)});
  return out;
}

void collect(const OGRGeometry& geometry, Feature& feature) {
  switch (wkbFlatten(geometry.getGeometryType())) {
    case wkbPoint: {
      const auto& point = *geometry.toPoint();
      if (!point.IsEmpty()) feature.points.push_back({point.getX(), point.getY()});
      break;
    }
    case wkbLineString:
      feature.lines.push_back(to_line(*geometry.toLineString()));
      break;
    case wkbPolygon: {
      const auto& polygon = *geometry.toPolygon();
      if (polygon.IsEmpty()) break;
      Polygon out;
      out.rings.push_back(to_ring(*polygon.getExteriorRing()));
      for (int i = 0; i < polygon.getNumInteriorRings(); ++i)
        out.rings.push_back(to_ring(*polygon.getInteriorRing(i)));
      feature.polygons.push_back(std::move(out));
      break;
    }
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection: {
      const auto& collection = *geometry.toGeometryCollection();
      for (int i = 0; i < collection.getNumGeometries(); ++i) collect(*collection.getGeometryRef(i), feature);
      break;
    }
    default:
      if (geometry.hasCurveGeometry()) {
        std::unique_ptr<OGRGeometry> linear(geometry.getLinearGeometry());
        if (linear) collect(*linear, feature);
      }
      break;
  }
}

std::string field_text(const OGRFeature& feature, const char* const* names) {
  for (const char* const* name = names; *name != nullptr; ++name) {
    const int index = feature.GetFieldIndex(*name);
    if (index >= 0 && feature.IsFieldSetAndNotNull(index)) return feature.GetFieldAsString(index);
  }
  return {};
}

void extend(Extent& extent, const Feature& feature) {
  for (const auto& polygon : feature.polygons)
    for (const auto& ring : polygon.rings)
      for (const auto& p : ring) extent.add(p.lon, p.lat);
  for (const auto& line : feature.lines)
    for (const auto& p : line) extent.add(p.lon, p.lat);
  for (const auto& p : feature.points) extent.add(p.lon, p.lat);
}

}  // namespace

std::vector<std::string> list_vector_layers(const std::string& path) {
  auto dataset = open_vector(path);
  std::vector<std::string> names;
  for (auto* layer : dataset->GetLayers()) names.emplace_back(layer->GetName());
  return names;
}

VectorLayer read_vector_layer(const std::string& path, const std::string& layer_name) {
  auto dataset = open_vector(path);
  OGRLayer* layer = layer_name.empty() ? dataset->GetLayer(0) : dataset->GetLayerByName(layer_name.c_str());
  if (layer == nullptr) {
    std::string names;
    for (auto* each : dataset->GetLayers()) names += (names.empty() ? "" : ", ") + std::string(each->GetName());
    throw InputError(path + ": no layer '" + layer_name + "' (layers: " + names + ")");
  }

  std::unique_ptr<OGRCoordinateTransformation> to_wgs84;
  if (const OGRSpatialReference* srs = layer->GetSpatialRef(); srs != nullptr) {
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (!srs->IsSame(&wgs84)) {
      OGRSpatialReference source(*srs);
      source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
      to_wgs84.reset(OGRCreateCoordinateTransformation(&source, &wgs84));
      if (!to_wgs84) throw InputError(path + ": layer '" + layer->GetName() + "' has a CRS that cannot be converted to WGS 84");
    }
  }

  static const char* const kNameFields[] = {"name", "NAME", "name_en", "NAME_EN", "ADMIN", "admin", nullptr};
  static const char* const kIsoFields[] = {"iso_a3", "ISO_A3", "adm0_a3", "ADM0_A3", "iso3", "ISO3", nullptr};

  VectorLayer out;
  out.source = path;
  out.name = layer->GetName();
  QuietGdalErrors quiet;
  layer->ResetReading();
  for (auto& feature : *layer) {
    Feature f;
    f.name = field_text(*feature, kNameFields);
    f.iso_a3 = field_text(*feature, kIsoFields);
    const int focus = feature->GetFieldIndex("focus");
    f.focus = focus >= 0 && feature->IsFieldSetAndNotNull(focus) && feature->GetFieldAsInteger(focus) != 0;
    for (int i = 0; i < feature->GetFieldCount(); ++i) {
      if (feature->IsFieldSetAndNotNull(i))
        f.fields.emplace(feature->GetFieldDefnRef(i)->GetNameRef(), feature->GetFieldAsString(i));
    }
    if (OGRGeometry* geometry = feature->GetGeometryRef(); geometry != nullptr) {
      if (to_wgs84 && geometry->transform(to_wgs84.get()) != OGRERR_NONE) {
        throw InputError(path + ": feature " + std::to_string(feature->GetFID()) +
                         ": geometry cannot be converted to WGS 84");
      }
      collect(*geometry, f);
    }
    extend(out.extent, f);
    out.features.push_back(std::move(f));
  }
  if (CPLGetLastErrorType() >= CE_Failure) {
    throw InputError(path + ": layer '" + out.name + "' is damaged or truncated: " + last_gdal_error("read error"));
  }
  if (out.features.empty()) throw InputError(path + ": layer '" + out.name + "' has no features");
  return out;
}

}  // namespace chronomap::geo

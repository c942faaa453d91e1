// OGR features as owned rows. Every value is copied out of the feature as soon as it
// is read: GetFieldAsString returns a buffer that the next call may free.
#include "store/ogr_rows.hpp"

#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/date.hpp"
#include "core/error.hpp"
#include "geo/gdal_init.hpp"

namespace chronomap::store {

// The owners of OGR's handles. Named, not in the anonymous namespace: OgrRows::Impl
// holds them, and a class of a header's with members of a file's own types is one
// the compiler warns about when files are built together (a unity build).
namespace ogr_handles {

struct CloseDataset {
  void operator()(void* ds) const { GDALClose(ds); }
};
struct DestroyFeature {
  void operator()(void* f) const { OGR_F_Destroy(f); }
};
struct DestroyTransform {
  void operator()(void* t) const { OCTDestroyCoordinateTransformation(t); }
};
struct DestroyGeometry {
  void operator()(void* g) const { OGR_G_DestroyGeometry(g); }
};

}  // namespace ogr_handles

using namespace ogr_handles;

namespace {

std::string pair_text(double x, double y) {
  char text[64];
  std::snprintf(text, sizeof text, "(%.10g, %.10g)", x, y);
  return text;
}

void append_number(std::string& out, double value) {
  char text[32];
  const auto [end, ec] = std::to_chars(text, text + sizeof text, value);
  out.append(text, ec == std::errc() ? end : text);
}

void append_number(std::string& out, std::int64_t value) {
  char text[24];
  const auto [end, ec] = std::to_chars(text, text + sizeof text, value);
  out.append(text, ec == std::errc() ? end : text);
}

// The `n` numbers of a list field, each as text, joined with ';'.
template <typename T, typename Convert>
void append_list(std::string& out, const T* items, int n, Convert convert) {
  for (int k = 0; k < n; ++k) {
    if (k) out += ';';
    append_number(out, convert(items[k]));
  }
}

// A round trip back into the source CRS that does not land where it started means
// the point lies outside what that CRS can represent (PROJ clamps Web Mercator's
// (1e9, 1e9) to latitude 90, for one).
bool round_trips(double x, double y, double back_x, double back_y) {
  auto close = [](double a, double b) { return std::fabs(a - b) <= 1e-6 * std::max(1.0, std::fabs(a)); };
  return close(x, back_x) && close(y, back_y);
}

// Its own point, a point on an area's surface, or a line's centroid.
OGRErr representative_point(OGRGeometryH geometry, OGRGeometryH point, bool& representative) {
  const auto type = wkbFlatten(OGR_G_GetGeometryType(geometry));
  representative = type != wkbPoint;
  if (type == wkbPolygon || type == wkbMultiPolygon || type == wkbCurvePolygon || type == wkbMultiSurface) {
    std::unique_ptr<void, DestroyGeometry> surface(OGR_G_PointOnSurface(geometry));
    if (surface && !OGR_G_IsEmpty(surface.get())) {
      OGR_G_SetPoint_2D(point, 0, OGR_G_GetX(surface.get(), 0), OGR_G_GetY(surface.get(), 0));
      return OGRERR_NONE;
    }
  }
  return OGR_G_Centroid(geometry, point);
}

}  // namespace

std::variant<geo::LonLat, std::string> point_of_wkt(std::string_view wkt, bool& representative) {
  std::string text(wkt);
  char* cursor = text.data();
  OGRGeometryH parsed = nullptr;
  if (OGR_G_CreateFromWkt(&cursor, nullptr, &parsed) != OGRERR_NONE || !parsed) {
    std::string why(1, '\'');  // built with += : GCC 12 warns falsely (-Wrestrict) on "x" + std::string
    why += text.substr(0, 40);
    why += text.size() > 40 ? "...' is not WKT" : "' is not WKT";
    return why;
  }
  std::unique_ptr<void, DestroyGeometry> geometry(parsed);
  if (OGR_G_IsEmpty(parsed)) return std::string("an empty geometry");
  std::unique_ptr<void, DestroyGeometry> point(OGR_G_CreateGeometry(wkbPoint));
  if (representative_point(parsed, point.get(), representative) != OGRERR_NONE) return std::string("has no centre point");
  const double x = OGR_G_GetX(point.get(), 0), y = OGR_G_GetY(point.get(), 0);
  if (!std::isfinite(x) || !std::isfinite(y) || std::fabs(x) > 180 || std::fabs(y) > 90)
    return pair_text(x, y) + " is outside -180..180, -90..90";
  return geo::LonLat{x, y};
}

struct OgrRows::Impl {
  geo::QuietGdalErrors quiet;
  std::unique_ptr<void, CloseDataset> dataset;
  OGRLayerH layer = nullptr;
  OGRFeatureDefnH defn = nullptr;
  std::unique_ptr<void, DestroyTransform> to_wgs84, from_wgs84;
  std::vector<OGRFieldType> types;
  std::vector<bool> booleans;
};

OgrRows::OgrRows(const std::filesystem::path& path, const char* const* drivers)
    : impl_(std::make_unique<Impl>()), name_(path.string()) {
  geo::ensure_gdal_registered();
  geo::check_local_path(name_);
  impl_->dataset.reset(GDALOpenEx(name_.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                  drivers ? drivers : geo::safe_vector_drivers(), nullptr, nullptr));
  if (!impl_->dataset) {
    std::string why = CPLGetLastErrorMsg();
    if (why.empty())
      why = "not in a format chronomap reads (CSV, GeoJSON, GeoPackage, Shapefile, FlatGeobuf, KML, GPX, XLSX, ODS...; "
            "OGR VRT files and network sources are refused)";
    throw InputError(name_ + ": " + why);
  }
  if (GDALDatasetGetLayerCount(impl_->dataset.get()) < 1) throw InputError(name_ + ": no layer of features");
  impl_->layer = GDALDatasetGetLayer(impl_->dataset.get(), 0);
  impl_->defn = OGR_L_GetLayerDefn(impl_->layer);
  for (int i = 0; i < OGR_FD_GetFieldCount(impl_->defn); ++i) {
    OGRFieldDefnH field = OGR_FD_GetFieldDefn(impl_->defn, i);
    columns_.emplace_back(OGR_Fld_GetNameRef(field));
    impl_->types.push_back(OGR_Fld_GetType(field));
    impl_->booleans.push_back(OGR_Fld_GetSubType(field) == OFSTBoolean);
  }
  has_geometry_ = OGR_FD_GetGeomType(impl_->defn) != wkbNone;
  if (OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(impl_->layer); has_geometry_ && srs) {
    OGRSpatialReferenceH source = OSRClone(srs);
    OSRSetAxisMappingStrategy(source, OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReferenceH wgs84 = OSRNewSpatialReference(nullptr);
    OSRSetWellKnownGeogCS(wgs84, "WGS84");
    OSRSetAxisMappingStrategy(wgs84, OAMS_TRADITIONAL_GIS_ORDER);
    const bool same = OSRIsSame(source, wgs84);
    if (!same) {
      impl_->to_wgs84.reset(OCTNewCoordinateTransformation(source, wgs84));
      impl_->from_wgs84.reset(OCTNewCoordinateTransformation(wgs84, source));
    }
    OSRDestroySpatialReference(wgs84);
    OSRDestroySpatialReference(source);
    if (!same && (!impl_->to_wgs84 || !impl_->from_wgs84))
      throw InputError(name_ + ": the layer's CRS cannot be converted to WGS 84");
  }
  OGR_L_ResetReading(impl_->layer);
}

OgrRows::~OgrRows() = default;

bool OgrRows::next(Row& row) {
  std::unique_ptr<void, DestroyFeature> feature(OGR_L_GetNextFeature(impl_->layer));
  if (!feature) return false;
  ++index_;
  OGRFeatureH f = feature.get();
  row.reset(columns_.size());
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    const int field = static_cast<int>(i);
    if (!OGR_F_IsFieldSetAndNotNull(f, field)) continue;
    std::string& out = row.slot(i);
    switch (impl_->types[i]) {
      case OFTInteger:
        if (impl_->booleans[i]) out = OGR_F_GetFieldAsInteger(f, field) ? "true" : "false";
        else append_number(out, std::int64_t{OGR_F_GetFieldAsInteger(f, field)});
        break;
      case OFTInteger64: append_number(out, static_cast<std::int64_t>(OGR_F_GetFieldAsInteger64(f, field))); break;
      case OFTReal: append_number(out, OGR_F_GetFieldAsDouble(f, field)); break;
      case OFTDate:
      case OFTDateTime: {
        int y = 0, m = 0, d = 0, hour = 0, minute = 0, tz = 0;
        float second = 0;
        if (OGR_F_GetFieldAsDateTimeEx(f, field, &y, &m, &d, &hour, &minute, &second, &tz))
          out = format_iso(CivilDate{y, m, d});
        break;
      }
      // A column with an array in any feature is a list column for all of them:
      // each value's elements, joined with ';' (GDAL's own text for a list is
      // "(2:a,b)", which would be stored as if it were the data).
      case OFTStringList: {
        char** items = OGR_F_GetFieldAsStringList(f, field);
        for (int k = 0; items && items[k]; ++k) {
          if (k) out += ';';
          out += items[k];
        }
        break;
      }
      case OFTIntegerList: {
        int n = 0;
        const int* items = OGR_F_GetFieldAsIntegerList(f, field, &n);
        append_list(out, items, n, [](int v) { return std::int64_t{v}; });
        break;
      }
      case OFTInteger64List: {
        int n = 0;
        const GIntBig* items = OGR_F_GetFieldAsInteger64List(f, field, &n);
        append_list(out, items, n, [](GIntBig v) { return static_cast<std::int64_t>(v); });
        break;
      }
      case OFTRealList: {
        int n = 0;
        const double* items = OGR_F_GetFieldAsDoubleList(f, field, &n);
        append_list(out, items, n, [](double v) { return v; });
        break;
      }
      default: out.assign(OGR_F_GetFieldAsString(f, field)); break;
    }
  }

  geometry_error_.clear();
  OGRGeometryH geometry = OGR_F_GetGeometryRef(f);
  if (!geometry || OGR_G_IsEmpty(geometry)) return true;
  std::unique_ptr<void, DestroyGeometry> point(OGR_G_CreateGeometry(wkbPoint));
  bool representative = false;
  if (representative_point(geometry, point.get(), representative) != OGRERR_NONE) {
    geometry_error_ = "has no centre point";
    return true;
  }
  double x = OGR_G_GetX(point.get(), 0), y = OGR_G_GetY(point.get(), 0);
  if (!std::isfinite(x) || !std::isfinite(y)) {
    geometry_error_ = pair_text(x, y) + " is not a finite coordinate";
    return true;
  }
  const double source_x = x, source_y = y;
  // Nothing on Earth lies a billion units from a projected CRS's origin (Web Mercator
  // reaches 2e7 m); transforming such a value can keep GDAL wrapping longitudes for
  // minutes (found by fuzz_import_typed).
  if (impl_->to_wgs84 && (std::abs(x) > 1e9 || std::abs(y) > 1e9)) {
    geometry_error_ = pair_text(x, y) + " is too far from the layer's CRS origin to be on the Earth";
    return true;
  }
  if (impl_->to_wgs84) {
    double z = 0;
    int ok = 0;
    if (!OCTTransformEx(impl_->to_wgs84.get(), 1, &x, &y, &z, &ok) || !ok) {
      geometry_error_ = pair_text(source_x, source_y) + " cannot be converted to WGS 84 (outside the layer's CRS?)";
      return true;
    }
    double back_x = x, back_y = y;
    z = 0;
    if (!OCTTransformEx(impl_->from_wgs84.get(), 1, &back_x, &back_y, &z, &ok) || !ok ||
        !round_trips(source_x, source_y, back_x, back_y)) {
      geometry_error_ = pair_text(source_x, source_y) + " lies outside the area the layer's CRS can represent";
      return true;
    }
  }
  if (!std::isfinite(x) || !std::isfinite(y) || std::fabs(x) > 180 || std::fabs(y) > 90) {
    geometry_error_ = pair_text(x, y) + " is outside -180..180, -90..90";
    return true;
  }
  row.point = geo::LonLat{x, y};
  row.representative = representative;
  return true;
}

void OgrRows::check_read_errors() const {
  if (const std::string error = CPLGetLastErrorMsg(); !error.empty() && CPLGetLastErrorType() >= CE_Failure)
    throw InputError(name_ + ": " + error);
}

}  // namespace chronomap::store

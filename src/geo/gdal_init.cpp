// Registers GDAL's drivers once per process.
#include "geo/gdal_init.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>

#include <mutex>

#include "core/error.hpp"

namespace chronomap::geo {

void ensure_gdal_registered() {
  static std::once_flag once;
  std::call_once(once, [] {
    // LIBKML reads KML time stamps and spans; it never follows a NetworkLink, and
    // with these it never fetches a style either.
    CPLSetConfigOption("LIBKML_RESOLVE_STYLE", "NO");
    CPLSetConfigOption("LIBKML_EXTERNAL_STYLE", "NO");
    GDALAllRegister();
  });
}

const char* const* safe_vector_drivers() {
  static const char* const kDrivers[] = {"GeoJSON", "GeoJSONSeq", "ESRIJSON",    "TopoJSON", "ESRI Shapefile",
                                         "GPKG",    "FlatGeobuf", "LIBKML", "KML",         "GPX",      "XLSX",
                                         "ODS",     "MapInfo File", "OpenFileGDB", "CSV",     "Parquet",
                                         "Arrow",   nullptr};
  return kDrivers;
}

void check_local_path(const std::string& path) {
  if (path.rfind("/vsi", 0) == 0)
    throw InputError(path + ": GDAL virtual paths (/vsi...) are not opened; give a local file");
}

QuietGdalErrors::QuietGdalErrors() {
  CPLPushErrorHandler(CPLQuietErrorHandler);
  CPLErrorReset();
}

QuietGdalErrors::~QuietGdalErrors() { CPLPopErrorHandler(); }

}  // namespace chronomap::geo

// Registers GDAL's drivers once per process.
#include "geo/gdal_init.hpp"

#include <cpl_error.h>
#include <gdal.h>

#include <mutex>

namespace chronomap::geo {

void ensure_gdal_registered() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

QuietGdalErrors::QuietGdalErrors() {
  CPLPushErrorHandler(CPLQuietErrorHandler);
  CPLErrorReset();
}

QuietGdalErrors::~QuietGdalErrors() { CPLPopErrorHandler(); }

}  // namespace chronomap::geo

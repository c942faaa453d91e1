// GDAL set-up shared by every reader: drivers registered once, errors kept quiet
// on the console and read back as messages instead.
#pragma once

namespace chronomap::geo {

void ensure_gdal_registered();

// While alive, GDAL errors are not printed but stay readable through
// CPLGetLastErrorMsg(); the last error is reset on entry.
class QuietGdalErrors {
 public:
  QuietGdalErrors();
  ~QuietGdalErrors();
  QuietGdalErrors(const QuietGdalErrors&) = delete;
  QuietGdalErrors& operator=(const QuietGdalErrors&) = delete;
};

}  // namespace chronomap::geo

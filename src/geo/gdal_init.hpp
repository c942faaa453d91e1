// GDAL set-up shared by every reader: drivers registered once, errors kept quiet
// on the console and read back as messages instead.
#pragma once

#include <string>

namespace chronomap::geo {

void ensure_gdal_registered();

// The OGR drivers that outside files (imports, --boundaries) are opened with: formats
// whose data lies in the file(s) named, never a reference to another file or a URL.
// Left out on purpose: OGR_VRT (reads any local file, fetches URLs), GML (xlinks),
// WFS/OAPIF/ES/PG and the other network or database drivers, SQLite (VirtualShape
// tables read other files). LIBKML is in: it does not follow NetworkLinks (checked
// with strace: no connect, no open of the linked file) and style fetching is off.
const char* const* safe_vector_drivers();

// Throws InputError naming `path` when it is a GDAL virtual path: /vsicurl/, /vsis3/
// and every other /vsi handler, /vsizip/ and /vsigzip/ included (chronomap promises
// no network at run time, and archive paths are not needed to read a local file).
void check_local_path(const std::string& path);

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

// GDAL's CPL file handles and token lists as owning pointers, for the small CSV tables
// shipped in geodata/ (the gazetteer, the FIPS country codes) read with CSVReadParseLine2L.
#pragma once

#include <cpl_string.h>
#include <cpl_vsi.h>

#include <memory>

namespace chronomap::store {

struct CloseCplFile {
  void operator()(VSILFILE* f) const { VSIFCloseL(f); }
};
struct FreeCplTokens {
  void operator()(char** t) const { CSLDestroy(t); }
};
using CplFile = std::unique_ptr<VSILFILE, CloseCplFile>;
using CplTokens = std::unique_ptr<char*, FreeCplTokens>;

}  // namespace chronomap::store

// Country code resolution, read once per import from boundaries.gpkg through OGR.
#include "store/countries.hpp"

#include <gdal.h>
#include <ogr_api.h>

#include <charconv>

#include "core/error.hpp"
#include "core/paths.hpp"
#include "geo/gdal_init.hpp"
#include "store/text.hpp"

namespace chronomap::store {

void Countries::add(std::string_view key, const std::string& iso3) {
  auto folded = fold_name(key);
  if (!folded.empty()) by_key_.emplace(std::move(folded), iso3);
}

Countries Countries::load(const std::filesystem::path& gpkg) {
  geo::ensure_gdal_registered();
  geo::QuietGdalErrors quiet;
  GDALDatasetH ds = GDALOpenEx(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
  if (!ds) throw InputError(gpkg.string() + ": cannot open the boundaries: " + CPLGetLastErrorMsg());
  Countries c;
  OGRLayerH layer = GDALDatasetGetLayerByName(ds, "countries");
  if (layer) {
    const char* ignored[] = {"OGR_GEOMETRY", nullptr};
    OGR_L_SetIgnoredFields(layer, ignored);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    const int f_a3 = OGR_FD_GetFieldIndex(defn, "iso_a3"), f_a2 = OGR_FD_GetFieldIndex(defn, "iso_a2");
    const int f_n3 = OGR_FD_GetFieldIndex(defn, "iso_n3"), f_name = OGR_FD_GetFieldIndex(defn, "name");
    const int f_name_iso = OGR_FD_GetFieldIndex(defn, "name_iso");
    while (OGRFeatureH feature = OGR_L_GetNextFeature(layer)) {
      const std::string a3 = f_a3 >= 0 ? OGR_F_GetFieldAsString(feature, f_a3) : "";
      if (a3.size() == 3) {
        c.add(a3, a3);
        for (int f : {f_a2, f_name, f_name_iso})
          if (f >= 0) c.add(OGR_F_GetFieldAsString(feature, f), a3);
        if (f_n3 >= 0) {
          // "036" and "36" both name Australia: ACLED writes ISO numeric codes unpadded.
          const std::string_view n3 = OGR_F_GetFieldAsString(feature, f_n3);
          int number = 0;
          auto [end, ec] = std::from_chars(n3.data(), n3.data() + n3.size(), number);
          if (ec == std::errc() && end == n3.data() + n3.size()) c.add(std::to_string(number), a3);
        }
      }
      OGR_F_Destroy(feature);
    }
  }
  GDALClose(ds);
  if (c.by_key_.empty()) throw InputError(gpkg.string() + ": no countries layer with iso_a3 codes");
  return c;
}

Countries Countries::load_shipped() { return load(geodata_file("boundaries.gpkg")); }

std::optional<std::string> Countries::iso3(std::string_view code_or_name) const {
  auto key = fold_name(code_or_name);
  // Numeric codes may come zero-padded.
  while (key.size() > 1 && key[0] == '0') key.erase(0, 1);
  const auto found = by_key_.find(key);
  if (found == by_key_.end()) return std::nullopt;
  return found->second;
}

}  // namespace chronomap::store

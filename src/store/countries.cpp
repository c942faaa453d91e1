// Country code resolution, read once per import from boundaries.gpkg through OGR and
// from countries_fips.csv through GDAL's CSV tokenizer.
#include "store/countries.hpp"

#include <cpl_csv.h>
#include <cpl_vsi.h>
#include <gdal.h>
#include <ogr_api.h>

#include <algorithm>
#include <charconv>
#include <memory>
#include <utility>

#include "core/error.hpp"
#include "core/paths.hpp"
#include "store/cpl_handles.hpp"
#include "geo/gdal_init.hpp"
#include "store/text.hpp"

namespace chronomap::store {
namespace {

// "036" -> "36": ACLED writes ISO numeric codes unpadded, and iso3() strips zeros.
std::optional<std::string> unpadded_number(std::string_view n3) {
  int number = 0;
  auto [end, ec] = std::from_chars(n3.data(), n3.data() + n3.size(), number);
  if (n3.empty() || ec != std::errc() || end != n3.data() + n3.size()) return std::nullopt;
  return std::to_string(number);
}

std::string upper_trimmed(std::string_view text) {
  const auto blank = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  std::string out(text);
  for (char& ch : out)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  return out;
}


}  // namespace

void Countries::add(std::string_view key, const std::string& iso3) {
  auto folded = fold_name(key);
  if (!folded.empty()) by_key_.emplace(std::move(folded), iso3);
}

void Countries::add_name(std::string_view name, const std::string& iso3) {
  add(name, iso3);
  auto folded = fold_name(name);
  // Names of three letters or fewer would be codes or words, not names.
  if (folded.size() < 4) return;
  const auto spaces = static_cast<std::size_t>(std::count(folded.begin(), folded.end(), ' '));
  longest_name_words_ = std::max(longest_name_words_, spaces + 1);
  by_name_.emplace(std::move(folded), iso3);
}

std::vector<std::string> Countries::named_in(std::string_view text) const {
  std::vector<std::string> found;
  const std::string folded = fold_name(text);
  std::vector<std::string_view> words;
  for (std::size_t at = 0; at < folded.size();) {
    const std::size_t space = std::min(folded.find(' ', at), folded.size());
    words.emplace_back(folded.data() + at, space - at);
    at = space + 1;
  }
  std::string key;
  for (std::size_t i = 0; i < words.size();) {
    std::size_t taken = 0;
    for (std::size_t n = std::min(longest_name_words_, words.size() - i); n > 0 && taken == 0; --n) {
      // The words are consecutive in `folded`, one space apart: one view covers them.
      key.assign(words[i].data(), static_cast<std::size_t>(words[i + n - 1].data() + words[i + n - 1].size() -
                                                          words[i].data()));
      if (const auto hit = by_name_.find(key); hit != by_name_.end()) {
        if (std::find(found.begin(), found.end(), hit->second) == found.end()) found.push_back(hit->second);
        taken = n;
      }
    }
    i += std::max<std::size_t>(taken, 1);
  }
  return found;
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
        if (f_a2 >= 0) c.add(OGR_F_GetFieldAsString(feature, f_a2), a3);
        for (int f : {f_name, f_name_iso})
          if (f >= 0) c.add_name(OGR_F_GetFieldAsString(feature, f), a3);
        if (f_n3 >= 0) {
          // "036" and "36" both name Australia: ACLED writes ISO numeric codes unpadded.
          if (auto number = unpadded_number(OGR_F_GetFieldAsString(feature, f_n3))) c.add(*number, a3);
        }
      }
      OGR_F_Destroy(feature);
    }
  }
  GDALClose(ds);
  if (c.by_key_.empty()) throw InputError(gpkg.string() + ": no countries layer with iso_a3 codes");
  return c;
}

void Countries::add_fips_table(const std::filesystem::path& csv) {
  CplFile file(VSIFOpenL(csv.c_str(), "rb"));
  if (!file) throw InputError(csv.string() + ": cannot read the FIPS country codes");
  CplTokens header(CSVReadParseLine2L(file.get(), ','));
  if (!header || CSLCount(header.get()) != 5 || std::string_view(header.get()[0]) != "fips")
    throw InputError(csv.string() + ":1: not a FIPS country table (expected fips,iso_a2,iso_a3,iso_n3,name)");
  int line = 1;
  while (CplTokens row{CSVReadParseLine2L(file.get(), ',')}) {
    ++line;
    char** t = row.get();
    const std::string fips = upper_trimmed(CSLCount(t) == 5 ? t[0] : "");
    const std::string a3 = upper_trimmed(CSLCount(t) == 5 ? t[2] : "");
    if (fips.size() != 2 || a3.size() != 3)
      throw InputError(csv.string() + ":" + std::to_string(line) + ": malformed FIPS country row");
    by_fips_.emplace(fips, a3);
    add(a3, a3);
    add(t[1], a3);
    add_name(t[4], a3);
    if (auto number = unpadded_number(t[3])) add(*number, a3);
  }
}

Countries Countries::load_shipped() {
  auto c = load(geodata_file("boundaries.gpkg"));
  c.add_fips_table(geodata_file("countries_fips.csv"));
  // Name forms ACLED writes that neither the boundaries (Natural Earth, iso-codes)
  // nor the FIPS table's ISO names know.
  static constexpr std::pair<std::string_view, const char*> acled_names[] = {
      {"Democratic Republic of Congo", "COD"}, {"Democratic Republic of the Congo", "COD"},
      {"Republic of Congo", "COG"},            {"Republic of the Congo", "COG"},
      {"Ivory Coast", "CIV"},
  };
  for (const auto& [name, a3] : acled_names) c.add_name(name, a3);
  return c;
}

std::optional<std::string> Countries::iso3_from_fips(std::string_view fips) const {
  const auto found = by_fips_.find(upper_trimmed(fips));
  if (found == by_fips_.end()) return std::nullopt;
  return found->second;
}

std::optional<std::string> Countries::iso3(std::string_view code_or_name) const {
  auto key = fold_name(code_or_name);
  // Numeric codes may come zero-padded.
  while (key.size() > 1 && key[0] == '0') key.erase(0, 1);
  const auto found = by_key_.find(key);
  if (found == by_key_.end()) return std::nullopt;
  return found->second;
}

}  // namespace chronomap::store

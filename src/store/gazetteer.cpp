// Loading the gazetteer with GDAL's CSV tokenizer and indexing folded names.
#include "store/gazetteer.hpp"

#include <cpl_csv.h>
#include <cpl_vsi.h>

#include <charconv>
#include <memory>

#include "core/error.hpp"
#include "core/paths.hpp"
#include "store/text.hpp"

namespace chronomap::store {
namespace {

struct CloseFile {
  void operator()(VSILFILE* f) const { VSIFCloseL(f); }
};
struct FreeTokens {
  void operator()(char** t) const { CSLDestroy(t); }
};
using Tokens = std::unique_ptr<char*, FreeTokens>;

template <typename T>
bool parse_number(const char* text, T& value) {
  const std::string_view s(text);
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return ec == std::errc() && end == s.data() + s.size();
}

}  // namespace

Gazetteer Gazetteer::load(const std::filesystem::path& csv) {
  std::unique_ptr<VSILFILE, CloseFile> file(VSIFOpenL(csv.c_str(), "rb"));
  if (!file) throw InputError(csv.string() + ": cannot read the gazetteer");
  Gazetteer g;
  Tokens header(CSVReadParseLine2L(file.get(), ','));
  if (!header || CSLCount(header.get()) != 10 || std::string_view(header.get()[0]) != "geonameid")
    throw InputError(csv.string() + ":1: not a chronomap gazetteer (expected geonameid,name,...)");
  int line = 1;
  while (Tokens row{CSVReadParseLine2L(file.get(), ',')}) {
    ++line;
    char** t = row.get();
    Place p;
    if (CSLCount(t) != 10 || !parse_number(t[0], p.geonameid) || !parse_number(t[6], p.lat) ||
        !parse_number(t[7], p.lon) || !parse_number(t[8], p.population))
      throw InputError(csv.string() + ":" + std::to_string(line) + ": malformed gazetteer row");
    p.name = t[1];
    p.country_a2 = t[4];
    p.country_a3 = t[5];
    p.feature_code = t[9];
    const auto index = static_cast<std::uint32_t>(g.places_.size());
    auto add = [&](Index& to, std::string_view name) {
      auto key = fold_name(name);
      if (key.empty()) return;
      auto& list = to[key];
      if (list.empty() || list.back() != index) list.push_back(index);
    };
    add(g.own_names_, t[1]);
    add(g.own_names_, t[2]);
    std::string_view alternates = t[3];
    while (!alternates.empty()) {
      const auto cut = alternates.find('|');
      add(g.alternate_names_, alternates.substr(0, cut));
      alternates = cut == std::string_view::npos ? std::string_view{} : alternates.substr(cut + 1);
    }
    g.places_.push_back(std::move(p));
  }
  return g;
}

Gazetteer Gazetteer::load_shipped() { return load(geodata_file("gazetteer.csv")); }

std::optional<Place> Gazetteer::best(const Index& index, const std::string& key, std::string_view country) const {
  const auto found = index.find(key);
  if (found == index.end()) return std::nullopt;
  const Place* best = nullptr;
  for (auto i : found->second) {
    const Place& p = places_[i];
    if (!country.empty() && p.country_a3 != country && p.country_a2 != country) continue;
    if (!best || p.population > best->population) best = &p;
  }
  if (!best) return std::nullopt;
  return *best;
}

std::optional<Place> Gazetteer::lookup(std::string_view name, std::string_view country) const {
  const auto key = fold_name(name);
  if (key.empty()) return std::nullopt;
  if (auto own = best(own_names_, key, country)) return own;
  return best(alternate_names_, key, country);
}

std::optional<Place> Gazetteer::capital(std::string_view iso3) const {
  for (const auto& p : places_)
    if (p.feature_code == "PPLC" && p.country_a3 == iso3) return p;
  return std::nullopt;
}

}  // namespace chronomap::store

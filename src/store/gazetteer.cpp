// Loading the gazetteer with GDAL's CSV tokenizer and indexing folded names.
#include "store/gazetteer.hpp"

#include <cpl_csv.h>
#include <cpl_vsi.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <memory>

#include "core/error.hpp"
#include "core/paths.hpp"
#include "store/cpl_handles.hpp"
#include "store/text.hpp"

namespace chronomap::store {
namespace {


template <typename T>
bool parse_number(const char* text, T& value) {
  const std::string_view s(text);
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return ec == std::errc() && end == s.data() + s.size();
}

}  // namespace

double distance_km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180, kEarthKm = 6371.0088;
  const double a = std::pow(std::sin((lat2 - lat1) * kRad / 2), 2) +
                   std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::pow(std::sin((lon2 - lon1) * kRad / 2), 2);
  return 2 * kEarthKm * std::asin(std::sqrt(std::min(1.0, a)));
}

Geocode settle(std::vector<Candidate> candidates, bool hinted) {
  Geocode g;
  g.candidates = std::move(candidates);
  if (g.candidates.empty()) return g;
  g.outcome = Geocode::Outcome::found;
  if (hinted || g.candidates.front().capital) return g;
  const auto& c = g.candidates;
  for (std::size_t i = 0; i < c.size(); ++i)
    for (std::size_t j = i + 1; j < c.size(); ++j)
      if ((c[i].country != c[j].country || c[i].country.empty()) &&
          distance_km(c[i].lat, c[i].lon, c[j].lat, c[j].lon) > kAmbiguousKm) {
        g.outcome = Geocode::Outcome::ambiguous;
        return g;
      }
  return g;
}

std::string Geocode::ambiguity(std::string_view name) const {
  constexpr std::size_t kShown = 6;
  std::string text = "'";
  text.append(name).append("' is ambiguous: ");
  for (std::size_t i = 0; i < candidates.size() && i < kShown; ++i) {
    const auto& c = candidates[i];
    char where[64];
    std::snprintf(where, sizeof where, ", %.2f,%.2f)", c.lat, c.lon);
    if (i) text += ", ";
    text.append(c.name).append(" (").append(c.country.empty() ? "country unknown" : c.country).append(where);
  }
  if (candidates.size() > kShown) text.append(" and ").append(std::to_string(candidates.size() - kShown)).append(" more");
  return text.append("; give the country or lat/lon");
}

Gazetteer Gazetteer::load(const std::filesystem::path& csv) {
  CplFile file(VSIFOpenL(csv.c_str(), "rb"));
  if (!file) throw InputError(csv.string() + ": cannot read the gazetteer");
  Gazetteer g;
  CplTokens header(CSVReadParseLine2L(file.get(), ','));
  if (!header || CSLCount(header.get()) != 10 || std::string_view(header.get()[0]) != "geonameid")
    throw InputError(csv.string() + ":1: not a chronomap gazetteer (expected geonameid,name,...)");
  int line = 1;
  while (CplTokens row{CSVReadParseLine2L(file.get(), ',')}) {
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
    p.alternate_names = t[3];
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

std::vector<const Place*> Gazetteer::matches(const Index& index, const std::string& key,
                                             std::string_view country) const {
  std::vector<const Place*> found;
  const auto hit = index.find(key);
  if (hit == index.end()) return found;
  for (auto i : hit->second) {
    const Place& p = places_[i];
    if (!country.empty() && p.country_a3 != country && p.country_a2 != country) continue;
    found.push_back(&p);
  }
  // Most populous first; equals keep the file's order (by geonameid).
  std::stable_sort(found.begin(), found.end(),
                   [](const Place* a, const Place* b) { return a->population > b->population; });
  return found;
}

namespace {

std::vector<Candidate> candidates_of(const std::vector<const Place*>& places) {
  std::vector<Candidate> out;
  out.reserve(places.size());
  for (const Place* p : places)
    out.push_back({p->name, p->country_a3, {}, p->lat, p->lon, p->population, 0, p->feature_code == "PPLC",
                   "GeoNames"});
  return out;
}

}  // namespace

Geocode Gazetteer::resolve(std::string_view name, std::string_view country) const {
  const auto key = fold_name(name);
  if (key.empty()) return {};
  // A match on a place's own name beats one on an alternate name (an exonym such as
  // Toula for Tula): the alternate names count only when no own name matches.
  auto tier = matches(own_names_, key, country);
  if (tier.empty()) tier = matches(alternate_names_, key, country);
  return settle(candidates_of(tier), !country.empty());
}

std::optional<Place> Gazetteer::lookup(std::string_view name, std::string_view country) const {
  const auto key = fold_name(name);
  if (key.empty()) return std::nullopt;
  auto tier = matches(own_names_, key, country);
  if (tier.empty()) tier = matches(alternate_names_, key, country);
  if (!settle(candidates_of(tier), !country.empty()).found()) return std::nullopt;
  return *tier.front();  // settle keeps the order: the answer is the first
}

std::optional<Place> Gazetteer::capital(std::string_view iso3) const {
  for (const auto& p : places_)
    if (p.feature_code == "PPLC" && p.country_a3 == iso3) return p;
  return std::nullopt;
}

}  // namespace chronomap::store

// The offline geocoder: GeoNames places from geodata/gazetteer.csv, looked up by any
// of their names with case and accents ignored. An unknown name is nullopt, never a
// guess and never 0,0; an ambiguous one (see resolve) is reported with its candidates.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace chronomap::store {

struct Place {
  std::int64_t geonameid = 0;
  std::string name;
  std::string country_a2;
  std::string country_a3;
  double lat = 0;
  double lon = 0;
  std::int64_t population = 0;
  std::string feature_code;  // GeoNames': PPLC is a capital
  std::string alternate_names;  // its other names, '|'-separated (Moscou|Moskva|Москва...)
};

// One place a name may mean, from GeoNames or from the store's own places.
struct Candidate {
  std::string name;
  std::string country;  // ISO3; empty when unknown
  std::string admin1;   // empty when unknown (GeoNames' rows here have none)
  double lat = 0;
  double lon = 0;
  std::int64_t population = 0;  // GeoNames; 0 when unknown
  std::int64_t rows_seen = 0;   // store: how many rows named it
  bool capital = false;         // a national capital (GeoNames' PPLC)
  std::string source;           // "GeoNames", or "store" and the file that taught it
};

// What a name resolves to. Ambiguity, the same rule for both gazetteers: with no
// country hint, the name's candidates are ambiguous when two of them lie in different
// countries more than kAmbiguousKm apart, unless the best of them is a national
// capital. With a country hint only that country's places count and the best one is
// taken (GeoNames: most populous; store: most rows seen).
struct Geocode {
  enum class Outcome { unknown, found, ambiguous };
  Outcome outcome = Outcome::unknown;
  std::vector<Candidate> candidates;  // found: the answer first; ambiguous: all, best first

  [[nodiscard]] bool found() const { return outcome == Outcome::found; }
  [[nodiscard]] bool ambiguous() const { return outcome == Outcome::ambiguous; }
  [[nodiscard]] const Candidate& place() const { return candidates.front(); }
  // "'Toula' is ambiguous: Toula (MLI, 14.10,-3.20), Toula (NER, ...); give the country or lat/lon"
  [[nodiscard]] std::string ambiguity(std::string_view name) const;
};

inline constexpr double kAmbiguousKm = 100;

// Settles `candidates` (best first) under the rule above; `hinted` when a country
// hint already narrowed them.
Geocode settle(std::vector<Candidate> candidates, bool hinted);

double distance_km(double lat1, double lon1, double lat2, double lon2);

class Gazetteer {
 public:
  // Reads the gazetteer CSV; throws InputError naming the file and line when a row is
  // malformed.
  static Gazetteer load(const std::filesystem::path& csv);
  // geodata/gazetteer.csv.
  static Gazetteer load_shipped();

  // A place called `name` (its name, ASCII name or any alternate name). With a
  // country (ISO3 or ISO2), only places of that country. A match on a place's own
  // name beats one on an alternate name; among equals the most populous wins.
  // Ambiguous or unknown: nullopt.
  [[nodiscard]] std::optional<Place> lookup(std::string_view name, std::string_view country = {}) const;
  // The same search with every candidate of the winning tier (own names, else
  // alternate names) and the ambiguity rule applied.
  [[nodiscard]] Geocode resolve(std::string_view name, std::string_view country = {}) const;
  // The capital of a country given as ISO3.
  [[nodiscard]] std::optional<Place> capital(std::string_view iso3) const;
  [[nodiscard]] std::size_t size() const { return places_.size(); }

 private:
  using Index = std::unordered_map<std::string, std::vector<std::uint32_t>>;
  [[nodiscard]] std::vector<const Place*> matches(const Index& index, const std::string& key,
                                                  std::string_view country) const;

  std::vector<Place> places_;
  Index own_names_;
  Index alternate_names_;
};

}  // namespace chronomap::store

// The offline geocoder: GeoNames places from geodata/gazetteer.csv, looked up by any
// of their names with case and accents ignored. An unknown name is nullopt, never a
// guess and never 0,0.
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
};

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
  [[nodiscard]] std::optional<Place> lookup(std::string_view name, std::string_view country = {}) const;
  // The capital of a country given as ISO3.
  [[nodiscard]] std::optional<Place> capital(std::string_view iso3) const;
  [[nodiscard]] std::size_t size() const { return places_.size(); }

 private:
  using Index = std::unordered_map<std::string, std::vector<std::uint32_t>>;
  [[nodiscard]] std::optional<Place> best(const Index& index, const std::string& key, std::string_view country) const;

  std::vector<Place> places_;
  Index own_names_;
  Index alternate_names_;
};

}  // namespace chronomap::store

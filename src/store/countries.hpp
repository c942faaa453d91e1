// Country names and codes (ISO3, ISO2, numeric, English names) from the shipped
// boundaries, so an import can take "Mali", "ML", "466" or "MLI" and store MLI.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace chronomap::store {

class Countries {
 public:
  // Reads the `countries` layer of boundaries.gpkg (attributes only).
  static Countries load(const std::filesystem::path& gpkg);
  static Countries load_shipped();

  // The ISO3 code for a code or an English name (case and accents ignored).
  [[nodiscard]] std::optional<std::string> iso3(std::string_view code_or_name) const;

  void add(std::string_view key, const std::string& iso3);

 private:
  std::unordered_map<std::string, std::string> by_key_;  // folded key -> ISO3
};

}  // namespace chronomap::store

// Country names and codes (ISO3, ISO2, numeric, English names) from the shipped
// boundaries, so an import can take "Mali", "ML", "466" or "MLI" and store MLI; and
// FIPS 10-4 codes (GDELT's, where "NG" is Niger) from geodata/countries_fips.csv.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace chronomap::store {

class Countries {
 public:
  // Reads the `countries` layer of boundaries.gpkg (attributes only).
  static Countries load(const std::filesystem::path& gpkg);
  // The shipped boundaries, plus geodata/countries_fips.csv (add_fips_table) and the
  // name forms ACLED writes that neither knows ("Democratic Republic of Congo",
  // "Republic of Congo", "Ivory Coast").
  static Countries load_shipped();

  // The ISO3 code for a code or an English name (case and accents ignored).
  [[nodiscard]] std::optional<std::string> iso3(std::string_view code_or_name) const;

  // The ISO3 code for a FIPS 10-4 country code: "NG" -> NER, "ni" -> NGA, " UV " ->
  // BFA. Case-insensitive, blanks around ignored; nullopt for an unknown code or
  // when no FIPS table was added. FIPS codes are never taken by iso3(): most are
  // also ISO alpha-2 codes, of other countries.
  [[nodiscard]] std::optional<std::string> iso3_from_fips(std::string_view fips) const;

  // The countries whose English names occur in `text` as whole words, longest name
  // first ("Military Forces of Burkina Faso" -> BFA; "Guinea-Bissau" is GNB, not
  // GIN), each once, in order of appearance. Names only, never codes: "TO" or "IN" in
  // an actor's name are words, not Tonga or India. How an actor's name says which
  // country takes part ("Police Forces of Niger", "Protesters (Mali)").
  [[nodiscard]] std::vector<std::string> named_in(std::string_view text) const;

  void add(std::string_view key, const std::string& iso3);
  // A name (not a code): for iso3() and for named_in().
  void add_name(std::string_view name, const std::string& iso3);

  // Reads a FIPS table (fips,iso_a2,iso_a3,iso_n3,name, as geodata/countries_fips.csv):
  // its FIPS codes for iso3_from_fips, and its ISO codes and names for iso3(), so
  // that countries the boundaries lack (Guadeloupe, Réunion, Mayotte…) resolve.
  // Codes and names already known keep the country they have.
  void add_fips_table(const std::filesystem::path& csv);

 private:
  std::unordered_map<std::string, std::string> by_key_;  // folded key -> ISO3
  std::unordered_map<std::string, std::string> by_fips_;  // upper-case FIPS -> ISO3
  std::unordered_map<std::string, std::string> by_name_;  // folded English name -> ISO3
  std::size_t longest_name_words_ = 1;
};

}  // namespace chronomap::store

// Country resolution: FIPS 10-4 codes (GDELT's) to ISO3, with the codes that are
// also ISO alpha-2 codes of other countries; ACLED's country names; territories
// that the shipped boundaries lack, resolved from geodata/countries_fips.csv.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "store/countries.hpp"

namespace chronomap::store {
namespace {

const Countries& shipped() {
  static const Countries countries = Countries::load_shipped();
  return countries;
}

TEST(Countries, FipsOfTheSahelAndItsNeighbours) {
  const auto& c = shipped();
  EXPECT_EQ(c.iso3_from_fips("ML"), "MLI");
  EXPECT_EQ(c.iso3_from_fips("UV"), "BFA");  // Upper Volta
  EXPECT_EQ(c.iso3_from_fips("NG"), "NER");  // not Nigeria
  EXPECT_EQ(c.iso3_from_fips("NI"), "NGA");  // not Nicaragua
  EXPECT_EQ(c.iso3_from_fips("CD"), "TCD");  // Chad, not Congo
  EXPECT_EQ(c.iso3_from_fips("AG"), "DZA");  // Algeria, not Antigua
  EXPECT_EQ(c.iso3_from_fips("MR"), "MRT");
  EXPECT_EQ(c.iso3_from_fips("SG"), "SEN");  // Senegal, not Singapore
  EXPECT_EQ(c.iso3_from_fips("IV"), "CIV");
  EXPECT_EQ(c.iso3_from_fips("BN"), "BEN");  // Benin, not Brunei
  EXPECT_EQ(c.iso3_from_fips("TO"), "TGO");  // Togo, not Tonga
  EXPECT_EQ(c.iso3_from_fips("GV"), "GIN");
  EXPECT_EQ(c.iso3_from_fips("LY"), "LBY");
}

TEST(Countries, FipsCodesThatAreOtherCountriesIsoCodes) {
  const auto& c = shipped();
  EXPECT_EQ(c.iso3_from_fips("RS"), "RUS");  // ISO RS is Serbia
  EXPECT_EQ(c.iso3_from_fips("RI"), "SRB");
  EXPECT_EQ(c.iso3_from_fips("GM"), "DEU");  // ISO GM is the Gambia
  EXPECT_EQ(c.iso3_from_fips("GA"), "GMB");
  EXPECT_EQ(c.iso3_from_fips("UK"), "GBR");
  EXPECT_EQ(c.iso3_from_fips("FR"), "FRA");
  EXPECT_EQ(c.iso3_from_fips("SU"), "SDN");
  EXPECT_EQ(c.iso3_from_fips("OD"), "SSD");
  EXPECT_EQ(c.iso3_from_fips("UP"), "UKR");
  EXPECT_EQ(c.iso3_from_fips("KV"), "XKX");
  // The same codes read as ISO give the other countries: the two lookups stay apart.
  EXPECT_EQ(c.iso3("NG"), "NGA");
  EXPECT_EQ(c.iso3("RS"), "SRB");
  EXPECT_EQ(c.iso3("UV"), std::nullopt);
}

TEST(Countries, FipsIgnoresCaseAndBlanks) {
  const auto& c = shipped();
  EXPECT_EQ(c.iso3_from_fips("ng"), "NER");
  EXPECT_EQ(c.iso3_from_fips(" uV\t"), "BFA");
  EXPECT_EQ(c.iso3_from_fips("Ni "), "NGA");
}

TEST(Countries, UnknownFipsIsNothing) {
  const auto& c = shipped();
  EXPECT_EQ(c.iso3_from_fips(""), std::nullopt);
  EXPECT_EQ(c.iso3_from_fips("   "), std::nullopt);
  EXPECT_EQ(c.iso3_from_fips("ZZ"), std::nullopt);
  EXPECT_EQ(c.iso3_from_fips("NER"), std::nullopt);  // ISO3 is not FIPS
  EXPECT_EQ(c.iso3_from_fips("Niger"), std::nullopt);
  EXPECT_EQ(c.iso3_from_fips("N"), std::nullopt);
}

TEST(Countries, WithoutAFipsTableEveryFipsCodeIsUnknown) {
  const auto c = Countries::load(std::filesystem::path(CHRONOMAP_SOURCE_DIR) / "geodata/boundaries.gpkg");
  EXPECT_EQ(c.iso3_from_fips("NG"), std::nullopt);
  EXPECT_EQ(c.iso3("Mali"), "MLI");
}

TEST(Countries, AcledCountryNames) {
  const auto& c = shipped();
  EXPECT_EQ(c.iso3("Democratic Republic of Congo"), "COD");
  EXPECT_EQ(c.iso3("Republic of Congo"), "COG");
  EXPECT_EQ(c.iso3("Ivory Coast"), "CIV");
  EXPECT_EQ(c.iso3("Cote d'Ivoire"), "CIV");
  EXPECT_EQ(c.iso3("eSwatini"), "SWZ");
  EXPECT_EQ(c.iso3("Swaziland"), "SWZ");
  EXPECT_EQ(c.iso3("Kosovo"), "XKX");
  EXPECT_EQ(c.iso3("XKX"), "XKX");
  EXPECT_EQ(c.iso3("XK"), "XKX");
  EXPECT_EQ(c.iso3("0"), std::nullopt);  // ACLED's iso 0 for Kosovo is not a global code
}

TEST(Countries, TerritoriesTheBoundariesLack) {
  const auto& c = shipped();
  struct Case {
    const char *name, *a2, *a3, *n3;
  };
  for (const Case& t : {Case{"Guadeloupe", "GP", "GLP", "312"}, Case{"Martinique", "MQ", "MTQ", "474"},
                        Case{"French Guiana", "GF", "GUF", "254"}, Case{"Réunion", "RE", "REU", "638"},
                        Case{"Reunion", "RE", "REU", "638"}, Case{"Mayotte", "YT", "MYT", "175"}}) {
    EXPECT_EQ(c.iso3(t.name), t.a3) << t.name;
    EXPECT_EQ(c.iso3(t.a2), t.a3) << t.name;
    EXPECT_EQ(c.iso3(t.a3), t.a3) << t.name;
    EXPECT_EQ(c.iso3(t.n3), t.a3) << t.name;
  }
  EXPECT_EQ(c.iso3("Tuvalu"), "TUV");
  EXPECT_EQ(c.iso3("020"), "AND");
  EXPECT_EQ(c.iso3("20"), "AND");
}

TEST(Countries, EveryRowOfTheShippedFipsTableResolves) {
  const auto& c = shipped();
  std::ifstream in(std::string(CHRONOMAP_SOURCE_DIR) + "/geodata/countries_fips.csv");
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  EXPECT_EQ(line, "fips,iso_a2,iso_a3,iso_n3,name");
  int rows = 0;
  while (std::getline(in, line)) {
    ++rows;
    const std::string fips = line.substr(0, 2), a2 = line.substr(3, 2), a3 = line.substr(6, 3);
    EXPECT_EQ(c.iso3_from_fips(fips), a3) << line;
    EXPECT_EQ(c.iso3(a2), a3) << line;
    EXPECT_EQ(c.iso3(a3), a3) << line;
  }
  EXPECT_GT(rows, 240);
}

// Who takes part, from an actor's name: ACLED's and GDELT's actors name their country.
TEST(Countries, ActorNamesSayWhichCountriesTakePart) {
  const auto& c = shipped();
  using List = std::vector<std::string>;
  EXPECT_EQ(c.named_in("Military Forces of Mali (2021-)"), List{"MLI"});
  EXPECT_EQ(c.named_in("Military Forces of Russia (2000-) Africa Corps; Protesters (Burkina Faso)"),
            (List{"RUS", "BFA"}));
  // The longest name wins: Guinea-Bissau is not Guinea, Nigeria is not Niger.
  EXPECT_EQ(c.named_in("Military Forces of Guinea-Bissau"), List{"GNB"});
  EXPECT_EQ(c.named_in("Police Forces of Nigeria; Government of Niger"), (List{"NGA", "NER"}));
  // Case and accents ignored; each country once.
  EXPECT_EQ(c.named_in("MALI; Mali transitional government; Côte d'Ivoire"), (List{"MLI", "CIV"}));
  // Whole words only, and names only: codes and demonyms are not names.
  EXPECT_EQ(c.named_in("Malian armed forces; Somalia"), List{"SOM"});
  EXPECT_EQ(c.named_in("Wagner Group; JNIM; TO; IN; MLI"), List{});
}

TEST(Countries, AMalformedFipsTableIsAnInputError) {
  const auto dir = std::filesystem::temp_directory_path() / "chronomap_countries_test";
  std::filesystem::create_directories(dir);
  const auto bad_header = dir / "bad_header.csv", bad_row = dir / "bad_row.csv";
  std::ofstream(bad_header) << "iso,fips\nNE,NG\n";
  std::ofstream(bad_row) << "fips,iso_a2,iso_a3,iso_n3,name\nNG,NE,NIGER,562,Niger\n";
  Countries c;
  EXPECT_THROW(c.add_fips_table(bad_header), InputError);
  EXPECT_THROW(c.add_fips_table(bad_row), InputError);
  EXPECT_THROW(c.add_fips_table(dir / "missing.csv"), InputError);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace chronomap::store

// Geocoder cases from tests/data/store/geocoder_cases.txt (within 25 km), name
// folding, UTF-8 checks and SHA-256 against the standard's vectors.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "store/gazetteer.hpp"
#include "store/text.hpp"
#include "store/values.hpp"

namespace chronomap::store {
namespace {

double distance_km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180, kEarth = 6371.0;
  const double a = std::pow(std::sin((lat2 - lat1) * kRad / 2), 2) +
                   std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::pow(std::sin((lon2 - lon1) * kRad / 2), 2);
  return 2 * kEarth * std::asin(std::sqrt(a));
}

TEST(Gazetteer, CasesWithin25Km) {
  const auto gazetteer = Gazetteer::load_shipped();
  EXPECT_GT(gazetteer.size(), 5000u);
  std::ifstream in(std::string(CHRONOMAP_TEST_DATA) + "/store/geocoder_cases.txt");
  std::string line;
  int cases = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> parts;
    std::istringstream fields(line);
    for (std::string part; std::getline(fields, part, '|');) parts.emplace_back(trim_blanks(part));
    ASSERT_EQ(parts.size(), 4u) << line;
    ++cases;
    SCOPED_TRACE(line);
    const auto place = gazetteer.lookup(parts[0], parts[1] == "-" ? "" : parts[1]);
    if (parts[2] == "none") {
      EXPECT_FALSE(place.has_value());
      continue;
    }
    ASSERT_TRUE(place.has_value());
    EXPECT_LT(distance_km(place->lat, place->lon, std::stod(parts[2]), std::stod(parts[3])), 25.0);
  }
  EXPECT_GE(cases, 10);
}

TEST(Gazetteer, MostPopulousAmongEquals) {
  const auto gazetteer = Gazetteer::load_shipped();
  const auto paris = gazetteer.lookup("Paris");
  ASSERT_TRUE(paris.has_value());
  EXPECT_EQ(paris->country_a3, "FRA");
}

TEST(Text, FoldIgnoresCaseAccentsAndApostrophes) {
  EXPECT_EQ(fold_name("Tillabéri"), "tillaberi");
  EXPECT_EQ(fold_name("  TILLABERI "), "tillaberi");
  EXPECT_EQ(fold_name("N’Djamena"), fold_name("Ndjamena"));
  EXPECT_EQ(fold_name("Bobo-Dioulasso"), "bobo dioulasso");
  EXPECT_EQ(fold_name("Москва"), fold_name("москва"));
  EXPECT_EQ(fold_name("Œuvre Ærø Straße"), "oeuvre aero strasse");
  EXPECT_EQ(fold_name("Łódź"), "lodz");
}

TEST(Text, Utf8Validity) {
  EXPECT_TRUE(is_valid_utf8("Tombouctou, Москва, 摩加迪沙"));
  std::size_t at = 0;
  EXPECT_FALSE(is_valid_utf8("ab\xff", &at));
  EXPECT_EQ(at, 2u);
  EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));      // a surrogate
  EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xe2\x82"));          // cut short
  // Past runs of ASCII read eight bytes at a time: where the bad byte is, at every offset.
  for (std::size_t n = 0; n < 20; ++n) {
    const std::string ascii(n, 'a');
    EXPECT_TRUE(is_valid_utf8(ascii + "Ségou" + ascii)) << n;
    EXPECT_FALSE(is_valid_utf8(ascii + "\xff" + ascii, &at)) << n;
    EXPECT_EQ(at, n);
    EXPECT_FALSE(is_valid_utf8(ascii + "\xe2\x82" + ascii, &at)) << n;  // cut short before ASCII
    EXPECT_EQ(at, n);
  }
}

TEST(Text, Sha256Vectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

}  // namespace
}  // namespace chronomap::store

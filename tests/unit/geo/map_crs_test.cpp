// What --projection accepts: codes, PROJ strings, WKT, PROJJSON and exact names; and
// what it refuses, with the reason (no guessing, no CRS that is not a map).
#include <gtest/gtest.h>

#include <string>

#include "core/error.hpp"
#include "geo/projection.hpp"

namespace chronomap::geo {
namespace {

std::string refusal(const std::string& spec) {
  try {
    Projection p(spec);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

void expect_same_map(const Projection& a, const Projection& b) {
  for (const LonLat p : {LonLat{-8.0029, 12.6392}, LonLat{2.1098, 13.5137}}) {
    XY xa, xb;
    ASSERT_TRUE(a.forward(p, xa));
    ASSERT_TRUE(b.forward(p, xb));
    EXPECT_NEAR(xa.x, xb.x, 1e-6);
    EXPECT_NEAR(xa.y, xb.y, 1e-6);
  }
}

TEST(MapCrs, AnExactNameInAnyCaseIsTheCrsOfThatName) {
  expect_same_map(Projection("wgs 84 / UTM zone 29N"), Projection("EPSG:32629"));
  EXPECT_TRUE(Projection("WGS 84").is_geographic()) << "the 2D one, not the geocentric CRS of the same name";
}

TEST(MapCrs, WktAndProjJsonAreRead) {
  const Projection utm("EPSG:32629");
  expect_same_map(Projection(utm.wkt()), utm);
  const std::string json =
      R"({"type":"ProjectedCRS","name":"robin","base_crs":{"name":"WGS 84","datum":{"type":"GeodeticReferenceFrame",)"
      R"("name":"World Geodetic System 1984","ellipsoid":{"name":"WGS 84","semi_major_axis":6378137,)"
      R"("inverse_flattening":298.257223563}},"coordinate_system":{"subtype":"ellipsoidal","axis":[)"
      R"({"name":"Longitude","abbreviation":"lon","direction":"east","unit":"degree"},)"
      R"({"name":"Latitude","abbreviation":"lat","direction":"north","unit":"degree"}]}},)"
      R"("conversion":{"name":"Robinson","method":{"name":"Robinson"},"parameters":[]},)"
      R"("coordinate_system":{"subtype":"Cartesian","axis":[)"
      R"({"name":"Easting","abbreviation":"E","direction":"east","unit":"metre"},)"
      R"({"name":"Northing","abbreviation":"N","direction":"north","unit":"metre"}]}})";
  expect_same_map(Projection(json), Projection("+proj=robin +datum=WGS84"));
}

TEST(MapCrs, AWordThatIsNoNameIsRefusedWithTheClosestNames) {
  const std::string message = refusal("foo");
  EXPECT_NE(message.find("unknown CRS 'foo': no CRS has exactly this name"), std::string::npos) << message;
  EXPECT_NE(message.find("closest names: Amersfoort (EPSG:4289)"), std::string::npos) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << "one line";
}

TEST(MapCrs, CrssThatAreNoMapAreRefusedSayingWhatTheyAre) {
  EXPECT_EQ(refusal("EPSG:4978"), "EPSG:4978 is a geocentric CRS, not a map projection");
  EXPECT_EQ(refusal("EPSG:5703"), "EPSG:5703 is a vertical CRS, not a map projection");
  EXPECT_NE(refusal("EPSG:4979").find("is a 3D geographic CRS"), std::string::npos);
  EXPECT_NE(refusal("EPSG:9705").find("is a compound CRS"), std::string::npos);
}

TEST(MapCrs, TheNamedShortcutsStillWork) {
  for (const auto& named : named_projections()) EXPECT_EQ(refusal(named.id), "") << named.id;
}

TEST(MapCrs, TheSeamIsOppositeTheCentralMeridian) {
  EXPECT_FALSE(Projection("robinson").seam_longitude()) << "at ±180, where sources come split already";
  EXPECT_NEAR(std::abs(*Projection("+proj=robin +lon_0=180").seam_longitude()), 0.0, 1e-9);
  EXPECT_NEAR(*Projection("+proj=eqearth +lon_0=150").seam_longitude(), -30.0, 1e-9);
  EXPECT_FALSE(Projection("laea-sahel").seam_longitude()) << "azimuthal: the antipode is the rim, no seam";
}

}  // namespace
}  // namespace chronomap::geo

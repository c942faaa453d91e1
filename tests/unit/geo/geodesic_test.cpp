// Geodesic distances and paths, checked against PROJ's `geod` command-line tool.
#include <gtest/gtest.h>

#include <cmath>

#include "geo/geodesic.hpp"

namespace chronomap::geo {
namespace {

constexpr LonLat kBamako{-8.0029, 12.6392};
constexpr LonLat kNiamey{2.1098, 13.5137};
constexpr LonLat kMoscow{37.6173, 55.7558};
constexpr LonLat kAnchorage{-149.9003, 61.2181};

// Expected distances: `geod +ellps=WGS84 -I -f %.4f` with "lat1 lon1 lat2 lon2" input.
TEST(Geodesic, DistancesMatchGeod) {
  EXPECT_NEAR(geodesic_distance_m(kBamako, kMoscow), 6179736.886, 0.01);
  EXPECT_NEAR(geodesic_distance_m(kBamako, kNiamey), 1100910.860, 0.01);
  EXPECT_NEAR(geodesic_distance_m(kMoscow, kAnchorage), 7016046.164, 0.01);
  EXPECT_NEAR(geodesic_distance_m(kMoscow, kBamako), geodesic_distance_m(kBamako, kMoscow), 1e-6);
  EXPECT_EQ(geodesic_distance_m(kNiamey, kNiamey), 0.0);
}

TEST(Geodesic, PathEndsAtBothPlacesAndPassesGeodsMidpoint) {
  const auto path = geodesic_path(kBamako, kMoscow, 50'000.0);
  ASSERT_GE(path.size(), 2u);
  EXPECT_NEAR(path.front().lon, kBamako.lon, 1e-9);
  EXPECT_NEAR(path.front().lat, kBamako.lat, 1e-9);
  EXPECT_NEAR(path.back().lon, kMoscow.lon, 1e-9);
  EXPECT_NEAR(path.back().lat, kMoscow.lat, 1e-9);
  // The halfway point, from `geod +ellps=WGS84 -I +lat_1=12.6392 +lon_1=-8.0029
  // +lat_2=55.7558 +lon_2=37.6173 +n_S=4`: 36.271204 N, 8.386565 E. A straight line in
  // lon/lat would pass through 34.2 N, 14.8 E instead.
  const std::size_t segments = path.size() - 1;
  ASSERT_EQ(segments % 2, 0u) << "no point at exactly half way for this many segments";
  const LonLat mid = path[segments / 2];
  EXPECT_NEAR(mid.lat, 36.271204, 1e-5);
  EXPECT_NEAR(mid.lon, 8.386565, 1e-5);
}

TEST(Geodesic, PathStepsNeverExceedTheMaximum) {
  for (const double step : {10'000.0, 50'000.0, 333'333.0}) {
    const auto path = geodesic_path(kBamako, kMoscow, step);
    // As few points as the step allows, give or take one.
    const auto needed = static_cast<std::size_t>(std::ceil(6179736.886 / step));
    EXPECT_GE(path.size() - 1, needed);
    EXPECT_LE(path.size() - 1, needed + 1);
    for (std::size_t i = 1; i < path.size(); ++i)
      ASSERT_LE(geodesic_distance_m(path[i - 1], path[i]), step * (1 + 1e-9)) << "step " << i;
  }
}

TEST(Geodesic, PathOverThePoleKeepsLongitudesContinuous) {
  // Moscow to Anchorage goes over the Arctic and crosses the antimeridian: a drawn arc
  // must not jump across the whole map, so consecutive longitudes stay close.
  const auto path = geodesic_path(kMoscow, kAnchorage, 100'000.0);
  ASSERT_GE(path.size(), 70u);
  for (std::size_t i = 1; i < path.size(); ++i)
    ASSERT_LT(std::abs(path[i].lon - path[i - 1].lon), 90.0) << "jump at point " << i;
  EXPECT_NEAR(std::remainder(path.back().lon - kAnchorage.lon, 360.0), 0.0, 1e-9);
  EXPECT_NEAR(path.back().lat, kAnchorage.lat, 1e-9);
}

TEST(Geodesic, ZeroLengthPathIsTwoPoints) {
  const auto path = geodesic_path(kNiamey, kNiamey);
  ASSERT_EQ(path.size(), 2u);
  EXPECT_NEAR(path[1].lon, kNiamey.lon, 1e-12);
}

TEST(Geodesic, DestinationInvertsDistance) {
  // geod +ellps=WGS84 -I gives the azimuth from Bamako to Moscow: 29.28114073 degrees.
  const LonLat there = geodesic_destination(kBamako, 29.28114073, 6179736.886);
  EXPECT_LT(geodesic_distance_m(there, kMoscow), 0.1);
}

}  // namespace
}  // namespace chronomap::geo

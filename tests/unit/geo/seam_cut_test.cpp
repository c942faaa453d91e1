// Cutting at a projection's seam: pieces lie on one side each, and cover what the
// ring covered.
#include "geo/seam_cut.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace chronomap::geo {
namespace {

// Relative to central meridian 180 (seam at 0): which side of the seam a point is.
int side(const LonLat& p) { return p.lon < 0 ? 1 : -1; }

// Shoelace area in degrees², longitudes taken 0..360 so that a piece on a map
// centred on 180 never jumps across ±180.
double area(const Ring& ring) {
  auto x = [](const LonLat& p) { return p.lon < 0 ? p.lon + 360 : p.lon; };
  double a = 0;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const auto& p = ring[i];
    const auto& q = ring[(i + 1) % ring.size()];
    a += x(p) * q.lat - x(q) * p.lat;
  }
  return std::abs(a) / 2;
}

TEST(SeamCut, ARingAcrossTheSeamBecomesTwoPiecesOfTheSameArea) {
  const Ring square{{-10, 0}, {10, 0}, {10, 20}, {-10, 20}, {-10, 0}};
  const auto pieces = cut_ring_at_seam(square, 0.0);
  ASSERT_EQ(pieces.size(), 2u);
  double total = 0;
  for (const auto& piece : pieces) {
    for (const auto& p : piece) EXPECT_EQ(side(p), side(piece.front())) << p.lon << " " << p.lat;
    total += area(piece);
  }
  EXPECT_NEAR(total, 400.0, 1e-4);
  EXPECT_NE(side(pieces[0].front()), side(pieces[1].front()));
}

TEST(SeamCut, ARingAwayFromTheSeamIsUnchanged) {
  const Ring square{{10, 0}, {20, 0}, {20, 20}, {10, 20}, {10, 0}};
  const auto pieces = cut_ring_at_seam(square, 180.0);
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_NEAR(area(pieces[0]), 200.0, 1e-9);
}

TEST(SeamCut, ARingAroundAPoleIsClosedAlongThePole) {
  Ring cap;  // the 60°S parallel, all the way round
  for (int lon = -180; lon < 180; lon += 10) cap.push_back({lon + 5.0, -60});
  const auto pieces = cut_ring_at_seam(cap, 0.0);
  ASSERT_EQ(pieces.size(), 1u);
  bool reaches_pole = false;
  for (const auto& p : pieces[0]) reaches_pole |= p.lat == -90;
  EXPECT_TRUE(reaches_pole);
  EXPECT_NEAR(area(pieces[0]), 360.0 * 30.0, 1.0) << "the band from 60°S to the pole";
}

TEST(SeamCut, ALineIsSplitWhereItCrossesAtTheLatitudeOfTheCrossing) {
  const auto parts = cut_line_at_seam({{-10, 0}, {10, 20}}, 0.0);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_NEAR(parts[0].back().lat, 10.0, 1e-9);
  EXPECT_NEAR(parts[1].front().lat, 10.0, 1e-9);
  EXPECT_EQ(side(parts[0].back()), side(parts[0].front()));
  EXPECT_EQ(side(parts[1].front()), side(parts[1].back()));
}

}  // namespace
}  // namespace chronomap::geo

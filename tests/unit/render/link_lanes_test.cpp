// Parallel links drawn side by side: the lanes and the sideways offset that the arc
// shader, the window's hover test and vector output share.
#include "render/link_lanes.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "unit/render/capitals.hpp"

namespace chronomap::render {
namespace {

Link link(geo::LonLat from, geo::LonLat to) {
  Link l;
  l.from = from;
  l.to = to;
  return l;
}

using test::kBamako;
using test::kMoscow;
using test::kOuagadougou;

TEST(LinkLanes, LinksBetweenTheSamePlacesGetLanesEitherSideALinkAloneNone) {
  const std::vector<Link> links = {link(kBamako, kOuagadougou), link(kBamako, kMoscow), link(kBamako, kOuagadougou)};
  const auto lanes = link_lanes(links);
  ASSERT_EQ(lanes.size(), 3u);
  EXPECT_FLOAT_EQ(lanes[0], -kLinkLaneSpacing / 2);
  EXPECT_FLOAT_EQ(lanes[1], 0.0f);
  EXPECT_FLOAT_EQ(lanes[2], kLinkLaneSpacing / 2);
}

TEST(LinkLanes, ALinkStoredTheOtherWayRoundLiesOnItsOwnSide) {
  // The second link's left normal points the other way: its lane's sign is flipped, so
  // the two curves still lie on different sides of the path.
  const std::vector<Link> links = {link(kBamako, kOuagadougou), link(kOuagadougou, kBamako)};
  const auto lanes = link_lanes(links);
  EXPECT_FLOAT_EQ(lanes[0], -kLinkLaneSpacing / 2);
  EXPECT_FLOAT_EQ(lanes[1], -kLinkLaneSpacing / 2);
  const Vec2 a{0, 0}, b{100, 0};
  const auto first = offset_segment(a, b, 0.4f, 0.6f, lanes[0], 1.0f);
  const auto second = offset_segment(b, a, 0.4f, 0.6f, lanes[1], 1.0f);
  EXPECT_LT(first.first.y * second.first.y, 0.0f) << "on opposite sides of the path";
}

TEST(LinkLanes, TheOffsetIsNothingAtTheEndsAndTheLaneHalfwayAlong) {
  EXPECT_FLOAT_EQ(lane_offset_at(3.0f, 0.0f), 0.0f);
  EXPECT_NEAR(lane_offset_at(3.0f, 1.0f), 0.0f, 1e-3f);
  EXPECT_FLOAT_EQ(lane_offset_at(3.0f, 0.5f), 3.0f);
  EXPECT_GT(lane_offset_at(3.0f, 0.1f), 1.5f) << "the curves part soon after leaving a place";
  // In output pixels, along the segment's left normal (-dy, dx), times the scale.
  const auto [a, b] = offset_segment({0, 0}, {10, 0}, 0.5f, 0.5f, 3.0f, 2.0f);
  EXPECT_FLOAT_EQ(a.x, 0.0f);
  EXPECT_FLOAT_EQ(a.y, 6.0f);
  EXPECT_FLOAT_EQ(b.y, 6.0f);
}

TEST(LinkLanes, FractionsAlongAnArcSkipTheSeamGap) {
  const float nan = std::nanf("");
  const std::vector<Vec2> points = {{0, 0}, {3, 4}, {nan, nan}, {10, 0}, {10, 5}};
  const auto along = arc_fractions(points);
  ASSERT_EQ(along.size(), 5u);
  EXPECT_FLOAT_EQ(along[1], 0.5f);  // 5 of 10
  EXPECT_FLOAT_EQ(along[3], 0.5f);  // nothing across the gap
  EXPECT_FLOAT_EQ(along[4], 1.0f);
}

}  // namespace
}  // namespace chronomap::render

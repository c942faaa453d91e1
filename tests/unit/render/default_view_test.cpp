// The default view and the seam: what a map opens on, and no smear across it.
#include "render/default_view.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "render/scene.hpp"

namespace chronomap::render {
namespace {

BaseMap custom(const std::string& file) {
  return load_base_map(std::string(CHRONOMAP_TEST_DATA) + "/boundaries/" + file);
}

TEST(DefaultView, WithoutTheFocusCountriesItIsTheBoundariesExtent) {
  const geo::Projection projection("platecarree");
  const Scene scene = build_scene(custom("south_america.geojson"), projection);
  const geo::Extent view = default_view_extent(scene, {});
  EXPECT_FALSE(scene.has_focus);
  EXPECT_LE(view.min_x, -75);
  EXPECT_GE(view.max_x, -40);
  EXPECT_LE(view.min_y, -30);
  EXPECT_GE(view.max_y, -5);
  EXPECT_LT(view.max_x, 0) << "not stretched to Moscow";
}

TEST(DefaultView, WithoutTheFocusCountriesTheDataShownIsIncluded) {
  const geo::Projection projection("platecarree");
  const Scene scene = build_scene(custom("south_america.geojson"), projection);
  EventSet events;
  events.add({10, 50}, 0, 0, 0);
  const geo::Extent view = default_view_extent(scene, data_extent(events, {}, projection));
  EXPECT_LE(view.min_x, -75);
  EXPECT_GE(view.max_x, 10);
  EXPECT_GE(view.max_y, 50);
}

TEST(DefaultView, WithTheFocusCountriesItIsWhatItAlwaysWas) {
  const geo::Projection projection("laea-sahel");
  const Scene scene = build_scene(load_base_map(), projection);
  EventSet far_away;
  far_away.add({-70, -20}, 0, 0, 0);
  const geo::Extent view = default_view_extent(scene, data_extent(far_away, {}, projection));
  EXPECT_TRUE(scene.has_focus);
  EXPECT_EQ(view.min_x, scene.default_extent.min_x);
  EXPECT_EQ(view.max_y, scene.default_extent.max_y);
}

// The widest jump between consecutive vertices of any fill ring or line segment.
double widest_step(const Scene& scene) {
  double widest = 0;
  for (const auto& batch : scene.fills)
    for (const auto& ring : batch.rings)
      for (int i = 0; i < ring.count; ++i) {
        const auto& p = scene.fill_vertices[static_cast<std::size_t>(ring.first + i)];
        const auto& q = scene.fill_vertices[static_cast<std::size_t>(ring.first + (i + 1) % ring.count)];
        widest = std::max(widest, std::abs(static_cast<double>(q.x - p.x)));
      }
  for (const auto& s : scene.segments) widest = std::max(widest, std::abs(static_cast<double>(s.to.x - s.from.x)));
  return widest;
}

TEST(Seam, NothingIsSmearedAcrossAMapCentredOn180) {
  for (const char* spec : {"+proj=robin +lon_0=180", "+proj=eqearth +lon_0=150", "+proj=merc +lon_0=-170"}) {
    const Scene scene = build_scene(load_base_map(), geo::Projection(spec));
    EXPECT_LT(widest_step(scene), 0.5 * scene.world_extent.width()) << spec;
  }
}

}  // namespace
}  // namespace chronomap::render

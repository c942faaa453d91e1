// The projected base map, without GL: what will be drawn, where, and in which colour.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "geo/hit_test.hpp"
#include "geo/projection.hpp"
#include "render/scene.hpp"
#include "unit/render/capitals.hpp"

namespace chronomap::render {
namespace {

using test::kBamako;
using test::kMoscow;

const BaseMap& shipped() {
  static const BaseMap map = load_base_map();
  return map;
}

geo::XY projected(const geo::Projection& projection, geo::LonLat p) {
  geo::XY xy;
  EXPECT_TRUE(projection.forward(p, xy));
  return xy;
}

const Label* find_label(const Scene& scene, const std::string& text) {
  for (const auto& label : scene.labels)
    if (label.text.find(text) != std::string::npos) return &label;
  return nullptr;
}

float distance(Color a, Color b) { return std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b); }

TEST(Scene, ThreeFocusFillsEachItsOwnColour) {
  const Theme theme;
  const Scene scene = build_scene(shipped(), geo::Projection("laea-sahel"), theme);
  std::vector<Color> focus;
  for (const auto& batch : scene.fills)
    if (batch.style == FillStyle::focus) focus.push_back(batch.color);
  ASSERT_EQ(focus.size(), 3u);
  for (std::size_t i = 0; i < focus.size(); ++i) {
    EXPECT_GT(distance(focus[i], theme.land), 0.15f) << "focus fill " << i << " looks like context land";
    EXPECT_GT(distance(focus[i], theme.sea), 0.15f) << "focus fill " << i << " looks like the sea";
    for (std::size_t j = 0; j < i; ++j) EXPECT_GT(distance(focus[i], focus[j]), 0.15f) << i << " vs " << j;
  }
  EXPECT_EQ(std::count_if(scene.fills.begin(), scene.fills.end(),
                          [](const FillBatch& b) { return b.style == FillStyle::moscow; }),
            1);
}

TEST(Scene, CountryLabelsSitInsideTheirCountry) {
  const geo::Projection projection("laea-sahel");
  const Scene scene = build_scene(shipped(), projection);
  for (const auto& [name, iso] : {std::pair{"Mali", "MLI"}, {"Burkina Faso", "BFA"}, {"Niger", "NER"}}) {
    const Label* label = find_label(scene, name);
    ASSERT_NE(label, nullptr) << "no label " << name;
    EXPECT_EQ(label->style, LabelStyle::country);
    geo::LonLat at;
    ASSERT_TRUE(projection.inverse({label->anchor.x, label->anchor.y}, at));
    const geo::Feature* under = geo::feature_at(shipped().countries, at);
    ASSERT_NE(under, nullptr) << name << "'s label is at sea";
    EXPECT_EQ(under->iso_a3, iso) << name << "'s label is over " << under->name;
  }
  // "Niger" must not be found inside "Nigeria"'s label: Nigeria gets none.
  for (const auto& label : scene.labels) EXPECT_EQ(label.text.find("Nigeria"), std::string::npos);
}

TEST(Scene, MoscowIsMarkedAndLabelledInCyrillic) {
  const Theme theme;
  const geo::Projection projection("laea-sahel");
  const Scene scene = build_scene(shipped(), projection, theme);
  const geo::XY moscow = projected(projection, kMoscow);
  const auto marker = std::find_if(scene.markers.begin(), scene.markers.end(), [&](const Marker& m) {
    return std::hypot(double{m.position.x} - moscow.x, double{m.position.y} - moscow.y) < 1.0;  // metres
  });
  ASSERT_NE(marker, scene.markers.end()) << "no marker at Moscow";
  EXPECT_EQ(marker->radius, theme.moscow_marker_radius);
  EXPECT_LT(distance(marker->fill, theme.moscow), 1e-6f);
  const Label* label = find_label(scene, "Москва");
  ASSERT_NE(label, nullptr);
  EXPECT_NE(label->text.find("Moscow"), std::string::npos);
  EXPECT_EQ(scene.markers.size(), 4u) << "three capitals and Moscow";
  EXPECT_NE(find_label(scene, "Bamako"), nullptr);
  EXPECT_NE(find_label(scene, "Ouagadougou"), nullptr);
  EXPECT_NE(find_label(scene, "Niamey"), nullptr);
}

TEST(Scene, DefaultExtentHoldsTheSahelAndMoscowInEveryProjection) {
  for (const auto& named : geo::named_projections()) {
    SCOPED_TRACE(named.id);
    const geo::Projection projection(named.id);
    const Scene scene = build_scene(shipped(), projection);
    // Vertices are floats: allow their rounding (a millionth of the extent).
    geo::Extent extent = scene.default_extent;
    const double slack = 1e-6 * extent.width();
    extent.add(extent.min_x - slack, extent.min_y - slack);
    extent.add(extent.max_x + slack, extent.max_y + slack);
    for (const auto place : {kBamako, kMoscow, geo::LonLat{2.1098, 13.5137}}) {
      const geo::XY xy = projected(projection, place);
      EXPECT_TRUE(extent.contains(xy.x, xy.y)) << place.lon << " " << place.lat;
    }
    // It frames the region, not the world: at most a sixth of the world's width.
    EXPECT_LT(scene.default_extent.width(), scene.world_extent.width() / 3);
    // London (51.5 N, 0.1 W) lies between Bamako and Moscow, Cape Town far outside.
    const geo::XY cape_town = projected(projection, {18.4241, -33.9249});
    EXPECT_FALSE(scene.default_extent.contains(cape_town.x, cape_town.y));
  }
}

TEST(Scene, NoLineCrossesTheWholeMap) {
  // A border joined across the antimeridian (Russia, Fiji) would draw a horizontal
  // band through the map.
  for (const auto* id : {"platecarree", "equalearth", "robinson", "webmercator"}) {
    SCOPED_TRACE(id);
    const Scene scene = build_scene(shipped(), geo::Projection(id));
    const double half = scene.world_extent.width() / 2;
    for (const auto& s : scene.segments) ASSERT_LT(std::abs(double{s.to.x} - double{s.from.x}), half);
  }
}

TEST(Scene, WebMercatorWorldStaysSquare) {
  // Antarctica reaches the pole: the Mercator world must stop at its usual square.
  const Scene scene = build_scene(shipped(), geo::Projection("webmercator"));
  EXPECT_LT(scene.world_extent.max_y, 20037509.0);
  EXPECT_GT(scene.world_extent.min_y, -20037509.0);
  EXPECT_NEAR(scene.world_extent.width(), 2 * 20037508.34, 1000.0);
}

TEST(Scene, RussiaIsSplitAtTheAntimeridianInTheData) {
  // The fill of each polygon is drawn on its own, so no polygon may wrap around the
  // world; Chukotka's part east of 180 degrees must exist, or it would be missing.
  const auto& countries = shipped().countries.features;
  const auto russia = std::find_if(countries.begin(), countries.end(), [](const auto& f) { return f.iso_a3 == "RUS"; });
  ASSERT_NE(russia, countries.end());
  bool east_of_180 = false;
  for (const auto& polygon : russia->polygons) {
    geo::Extent e;
    for (const auto& p : polygon.rings[0]) e.add(p.lon, p.lat);
    EXPECT_LT(e.width(), 180.0) << "a polygon of Russia wraps around the world";
    east_of_180 = east_of_180 || e.max_x < -160.0;
  }
  EXPECT_TRUE(east_of_180);
}

}  // namespace
}  // namespace chronomap::render

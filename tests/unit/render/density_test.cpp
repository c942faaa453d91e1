// The density layer's rules: mode names, the automatic switch and its per-day counts,
// the legend's units, and the hexagon lattice (the CPU reference the shaders follow).
#include "render/density.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>
#include <set>
#include <utility>

namespace chronomap::render {
namespace {

TEST(Density, ModesByNameAndNothingElse) {
  for (const auto mode : {DensityMode::automatic, DensityMode::points, DensityMode::heatmap, DensityMode::hexagons})
    EXPECT_EQ(parse_density_mode(density_mode_name(mode)), mode);
  EXPECT_EQ(parse_density_mode("auto"), DensityMode::automatic);
  for (const char* bad : {"", "Heatmap", "hex", "automatic", "points "}) EXPECT_FALSE(parse_density_mode(bad)) << bad;
}

TEST(Density, DayCountsAgreeWithTheEventTestForEveryWindow) {
  std::mt19937 random(7);
  EventSet events;
  for (int i = 0; i < 2000; ++i) {
    const DayNumber start = static_cast<DayNumber>(random() % 400);
    const DayNumber length = random() % 4 == 0 ? static_cast<DayNumber>(random() % 90) : 0;  // some long events
    events.add({0, 0}, start, start + length, 0);
  }
  const DayCounts counts(events);
  for (const TimeMode mode : {TimeMode::window, TimeMode::cumulative, TimeMode::everything}) {
    for (DayNumber cursor = -10; cursor < 520; cursor += 7) {
      TimeState state;
      state.mode = mode;
      state.cursor = cursor;
      state.window_days = 1 + cursor % 45;
      const TimeFilter filter(state, 0);
      std::size_t expected = 0;
      for (std::size_t i = 0; i < events.size(); ++i)
        expected += event_visible(filter, static_cast<float>(events.start_days[i]), static_cast<float>(events.end_days[i]));
      EXPECT_EQ(counts.visible(filter), expected) << "cursor " << cursor;
    }
  }
}

TEST(Density, AutoSwitchesToTheHeatmapAboveTheDocumentedDensity) {
  // 1600x1000 at scale 1 is 1.6 design megapixels: 1,600 events is the threshold.
  EXPECT_EQ(effective_density(DensityMode::automatic, 1600, 1600, 1000, 1.0f), DensityMode::points);
  EXPECT_EQ(effective_density(DensityMode::automatic, 1601, 1600, 1000, 1.0f), DensityMode::heatmap);
  // The same map printed at scale 2 on twice the pixels is the same design area.
  EXPECT_EQ(effective_density(DensityMode::automatic, 1601, 3200, 2000, 2.0f), DensityMode::heatmap);
  EXPECT_EQ(effective_density(DensityMode::points, 1'000'000, 1600, 1000, 1.0f), DensityMode::points);
  EXPECT_EQ(effective_density(DensityMode::hexagons, 0, 1600, 1000, 1.0f), DensityMode::hexagons);
}

TEST(Density, GroundScaleAtTheCentreOfAPlateCarreeMap) {
  const geo::Projection projection("EPSG:4326");
  Camera camera;
  camera.center = {2.0, 0.0};
  camera.units_per_pixel_x = camera.units_per_pixel_y = 0.1;  // degrees
  const GroundScale g = ground_scale_at_center(projection, camera);
  EXPECT_NEAR(g.km_per_px_x, 11.132, 0.01);  // a tenth of a degree of longitude at the equator
  EXPECT_NEAR(g.km_per_px_y, 11.057, 0.01);  // and of latitude
  camera.center = {2.0, 60.0};               // longitude shrinks by cos(60°)
  EXPECT_NEAR(ground_scale_at_center(projection, camera).km_per_px_x, 11.132 / 2, 0.05);
}

TEST(Density, LegendUnitsAndValues) {
  const GroundScale ground{10.0, 10.0};  // 100 km² a pixel
  const DensityLegend heat = density_legend(DensityMode::heatmap, ground, 1.0f);
  EXPECT_EQ(heat.unit(), "events per 100 km²");
  const double peak = single_event_peak(ground, 1.0f);
  const double radius = kHeatRadiusPx;
  EXPECT_NEAR(peak, 3.0 / (std::numbers::pi * radius * radius), 1e-12);
  EXPECT_LE(heat.low, peak / 3.0) << "one lone event must reach the ramp";
  EXPECT_GT(heat.low, peak / 3.0 / 2.5) << "the largest 1-2-5 number below a third of it";
  const auto ticks = heat.tick_labels();
  ASSERT_EQ(ticks.size(), 4u);
  EXPECT_EQ(ticks[3].rfind("≥ ", 0), 0u) << ticks[3];

  const DensityLegend hex = density_legend(DensityMode::hexagons, ground, 2.0f);
  EXPECT_EQ(hex.unit(), "events per hexagon");
  EXPECT_EQ(hex.low, 1.0);
  const double s = static_cast<double>(kHexSizePx) * 2.0;
  EXPECT_NEAR(hex.hex_area_km2, 1.5 * std::sqrt(3.0) * s * s * 100.0, 1e-6);
  EXPECT_NEAR(hex.hex_across_km, std::sqrt(3.0) * s * 10.0, 1e-9);
  EXPECT_EQ(hex.note(), "hexagons of 266,043 km² (554 km across) at the map's centre");
  EXPECT_EQ(hex.tick_labels(), (std::vector<std::string>{"1", "10", "100", "≥ 1,000"}));
}

TEST(Density, RampDarkensMonotonicallyFromPaleToDeep) {
  auto luma = [](Color c) { return 0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b; };
  float previous = 2.0f;
  for (int i = 0; i <= 20; ++i) {
    const float l = luma(density_ramp_color(static_cast<float>(i) / 20.0f));
    EXPECT_LT(l, previous) << "at " << i;
    previous = l;
  }
  EXPECT_GT(luma(density_ramp_color(0)), 0.85f) << "the low end is pale";
  EXPECT_LT(luma(density_ramp_color(1)), 0.12f) << "the high end is deep";
}

HexGrid grid_at(float anchor_x, float anchor_y, float size) {
  HexGrid g;
  g.anchor_x = anchor_x;
  g.anchor_y = anchor_y;
  g.size = size;
  return g;
}

TEST(Density, HexCellsOfKnownPoints) {
  const HexGrid g = grid_at(100.5f, 50.25f, 16.0f);
  EXPECT_EQ(hex_cell(g, 100.5f, 50.25f), (HexCell{0, 0}));
  const float w = 16.0f * std::sqrt(3.0f);  // centre to centre along a row
  EXPECT_EQ(hex_cell(g, 100.5f + w, 50.25f), (HexCell{1, 0}));
  EXPECT_EQ(hex_cell(g, 100.5f - w, 50.25f), (HexCell{-1, 0}));
  EXPECT_EQ(hex_cell(g, 100.5f + w / 2, 50.25f + 24.0f), (HexCell{0, 1}));   // the next row, shifted half a cell
  EXPECT_EQ(hex_cell(g, 100.5f - w / 2, 50.25f - 24.0f), (HexCell{0, -1}));
  // Either side of the flat side between (0,0) and (1,0), at x = w/2.
  EXPECT_EQ(hex_cell(g, 100.5f + w / 2 - 0.3f, 50.25f + 5.0f), (HexCell{0, 0}));
  EXPECT_EQ(hex_cell(g, 100.5f + w / 2 + 0.3f, 50.25f + 5.0f), (HexCell{1, 0}));
  // Beside the top corner, 16 px up: just inside, then in the row above (right of centre).
  EXPECT_EQ(hex_cell(g, 101.0f, 50.25f - 15.0f), (HexCell{0, 0}));
  EXPECT_EQ(hex_cell(g, 101.0f, 50.25f - 17.0f), (HexCell{1, -1}));
}

TEST(Density, EveryPointInsideAHexagonBelongsToIt) {
  const HexGrid g = grid_at(-3.0f, 7.0f, 13.0f);
  std::mt19937 random(3);
  std::uniform_real_distribution<float> unit(-1.0f, 1.0f);
  for (int q = -6; q <= 6; ++q) {
    for (int r = -6; r <= 6; ++r) {
      const geo::XY c = hex_center(g, {q, r});
      EXPECT_EQ(hex_cell(g, static_cast<float>(c.x), static_cast<float>(c.y)), (HexCell{q, r}));
      for (int k = 0; k < 20; ++k) {  // within 0.95 of the inner radius: inside whatever the direction
        const float dx = unit(random), dy = unit(random), len = std::hypot(dx, dy);
        if (len == 0) continue;
        const float reach = 0.95f * 13.0f * std::sqrt(3.0f) / 2 * std::abs(unit(random));
        EXPECT_EQ(hex_cell(g, static_cast<float>(c.x) + dx / len * reach, static_cast<float>(c.y) + dy / len * reach),
                  (HexCell{q, r}));
      }
    }
  }
}

TEST(Density, TheLatticeIsFixedToTheMapAndSharedByTiles) {
  Camera camera;
  camera.center = {1234567.0, -765432.0};
  camera.units_per_pixel_x = camera.units_per_pixel_y = 2500.0;
  const HexGrid whole = hex_grid(camera, 1000, 600, {0, 0, 1000, 600}, 1.0f);
  const HexGrid tile = hex_grid(camera, 1000, 600, {512, 256, 256, 256}, 1.0f);
  EXPECT_EQ(whole.anchor_x, tile.anchor_x);
  EXPECT_EQ(whole.anchor_y, tile.anchor_y);
  EXPECT_LT(std::abs(whole.anchor_x - 500.0f), 30.0f) << "the anchor is near the image's centre";
  // The tile's range covers the cells of all its pixels, the image's those of the image.
  for (int y = 256; y < 512; y += 5) {
    for (int x = 512; x < 768; x += 5) {
      const HexCell c = hex_cell(tile, static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f);
      EXPECT_TRUE(c.q >= tile.q0 && c.q < tile.q0 + tile.nq && c.r >= tile.r0 && c.r < tile.r0 + tile.nr);
    }
  }
  // Panning by any amount keeps map points that shared a cell together.
  Camera panned = camera;
  panned.pan_pixels(37.3, -11.9);
  const HexGrid moved = hex_grid(panned, 1000, 600, {0, 0, 1000, 600}, 1.0f);
  auto cell_of = [](const Camera& cam, const HexGrid& g, geo::XY p) {
    const double px = (p.x - cam.center.x) / cam.units_per_pixel_x + 500.0;
    const double py = (cam.center.y - p.y) / cam.units_per_pixel_y + 300.0;
    return hex_cell(g, static_cast<float>(px), static_cast<float>(py));
  };
  std::set<std::pair<int, int>> offsets;
  for (int i = 0; i < 40; ++i) {
    // Points at cell centres under the first camera, so rounding never decides.
    const geo::XY c = hex_center(whole, {i % 7 - 3, i / 7 - 3});
    const geo::XY p{camera.center.x + (c.x - 500.0) * 2500.0, camera.center.y - (c.y - 300.0) * 2500.0};
    const HexCell a = cell_of(camera, whole, p), b = cell_of(panned, moved, p);
    offsets.insert({b.q - a.q, b.r - a.r});
  }
  EXPECT_EQ(offsets.size(), 1u) << "the cells moved with the map as one";
}

}  // namespace
}  // namespace chronomap::render

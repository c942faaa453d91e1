// The density layer on the GPU: hexagon counts read back from the float target equal
// the CPU reference's binning of the events that pass the time window, and drawing a
// density frame leaves the bound framebuffer and viewport as they were; the automatic
// switch counts only the events that pass the filters.
#include "render/density_layer.hpp"

#include <gtest/gtest.h>

#include <random>

#include "export/headless_context.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen.hpp"

namespace chronomap {
namespace {

TEST(DensityLayer, HexagonCountsFromTheGpuEqualTheCpuBinning) {
  exporting::HeadlessContext context;
  render::DensityLayer layer;
  const geo::Projection projection("EPSG:4326");  // x, y are lon, lat
  constexpr int kW = 640, kH = 400;
  render::Camera camera;
  camera.center = {2.0, 14.0};
  camera.units_per_pixel_x = camera.units_per_pixel_y = 0.05;
  const render::FrameTransform frame(camera, kW, kH, {0, 0, kW, kH}, 1.0f);
  const render::HexGrid grid = render::hex_grid(camera, kW, kH, {0, 0, kW, kH}, 1.0f);

  // Events near cell centres (within 0.8 of the inner radius, so that no rounding
  // decides), a third of them outside the time window; some in the same cells.
  std::mt19937 random(5);
  std::uniform_int_distribution<int> cell_q(grid.q0 + 3, grid.q0 + grid.nq - 4), cell_r(grid.r0 + 1, grid.r0 + grid.nr - 2);
  std::uniform_real_distribution<double> offset(-0.55, 0.55);
  render::EventSet events;
  std::vector<float> expected(static_cast<std::size_t>(grid.nq * grid.nr), 0.0f);
  for (int i = 0; i < 3000; ++i) {
    const render::HexCell cell{cell_q(random) / 3 * 3, cell_r(random)};  // every third column: shared cells
    const geo::XY c = render::hex_center(grid, cell);
    const double s = grid.size;
    const double px = c.x + offset(random) * s, py = c.y + offset(random) * s;
    const geo::LonLat ll{camera.center.x + (px - kW / 2.0) * 0.05, camera.center.y - (py - kH / 2.0) * 0.05};
    const bool shown = i % 3 != 0;
    events.add(ll, shown ? 100 : 10, shown ? 100 : 20, 0);
    // The CPU reference, from the pixel the GPU computes (float, as in common.glsl).
    const float gx = static_cast<float>(ll.lon) * frame.to_pixel[0] + frame.to_pixel[2];
    const float gy = static_cast<float>(ll.lat) * frame.to_pixel[1] + frame.to_pixel[3];
    const render::HexCell got = render::hex_cell(grid, gx, gy);
    ASSERT_EQ(got, cell) << "the reference itself must bin the event where it was put";
    if (shown) ++expected[static_cast<std::size_t>((got.r - grid.r0) * grid.nq + (got.q - grid.q0))];
  }
  layer.upload(events, projection);
  render::TimeState time;
  time.cursor = 100;
  time.window_days = 30;
  const render::TimeFilter filter(time, 0);
  const std::vector<float> counts = layer.count_cells(frame, filter, grid);
  ASSERT_EQ(counts.size(), expected.size());
  int busy = 0;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    EXPECT_EQ(counts[i], expected[i]) << "cell " << i % static_cast<std::size_t>(grid.nq) + static_cast<std::size_t>(grid.q0)
                                      << "," << i / static_cast<std::size_t>(grid.nq) + static_cast<std::size_t>(grid.r0);
    busy += expected[i] > 1 ? 1 : 0;
  }
  EXPECT_GT(busy, 10) << "the case must have cells holding several events";
}

TEST(DensityLayer, DrawingADensityFrameRestoresTheBoundFramebufferAndViewport) {
  exporting::HeadlessContext context;
  render::MapRenderer renderer;
  const geo::Projection projection("EPSG:4326");
  render::EventSet events;
  for (int i = 0; i < 50; ++i) events.add({2.0 + i * 0.01, 14.0}, 100, 100, 0);
  renderer.set_events(events, projection);
  const render::OffscreenTarget target(300, 200);
  for (const auto mode : {render::DensityMode::heatmap, render::DensityMode::hexagons}) {
    target.bind_resolved();
    GLint before = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &before);
    render::View view;
    view.density = mode;
    view.time.cursor = 100;
    view.camera.center = {2.0, 14.0};
    view.camera.units_per_pixel_x = view.camera.units_per_pixel_y = 0.01;
    renderer.draw(view, target);
    GLint after = 0, viewport[4] = {};
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &after);
    glGetIntegerv(GL_VIEWPORT, viewport);
    EXPECT_EQ(after, before);
    EXPECT_EQ(viewport[2], 300);
    EXPECT_EQ(viewport[3], 200);
    // And the density shows: the pixel under the events is not the sea's colour.
    const Image image = target.read_pixels();
    const Rgba centre = image.pixel(150, 100), sea = image.pixel(5, 5);
    EXPECT_FALSE(centre == sea) << render::density_mode_name(mode);
  }
}

// 3000 events, 100 a day from day 100, on a 50x60 grid around 2°E 14°N, and a view of
// them a week at a time.
render::EventSet busy_days() {
  render::EventSet events;
  for (int i = 0; i < 3000; ++i) events.add({2.0 + (i % 50) * 0.01, 14.0 + (i / 50) * 0.01}, 100 + i / 100, 100 + i / 100, 0);
  return events;
}

render::View week_view() {
  render::View view;
  view.camera.center = {2.0, 14.0};
  view.camera.units_per_pixel_x = view.camera.units_per_pixel_y = 0.01;
  view.time.window_days = 7;
  return view;
}

// A renderer holding busy_days() in a context of its own.
struct BusyMap {
  exporting::HeadlessContext context;
  render::MapRenderer renderer;
  render::EventSet events = busy_days();
  render::View view = week_view();
  BusyMap() { renderer.set_events(events, geo::Projection("EPSG:4326")); }
};

TEST(DensityLayer, FramesOfASeriesShareTheRampAndAutoFollowsTheWindow) {
  BusyMap map;
  render::MapRenderer& renderer = map.renderer;
  render::View& view = map.view;
  // 100 events a day: a week passes 700, above the 240 of a 600x400 image; one day, 100.
  view.time.cursor = 110;
  const render::DensityLegend busy = renderer.density_legend(view, 600, 400);
  EXPECT_EQ(busy.mode, render::DensityMode::heatmap);
  view.time.cursor = 125;
  EXPECT_EQ(renderer.density_legend(view, 600, 400).low, busy.low) << "another frame, the same ramp";
  view.time.window_days = 1;
  EXPECT_EQ(renderer.density_legend(view, 600, 400).mode, render::DensityMode::points);
  view.density = render::DensityMode::heatmap;
  EXPECT_EQ(renderer.density_legend(view, 600, 400).low, busy.low) << "however few events the window holds";
  EXPECT_EQ(renderer.density_legend(view, 600, 400).unit(), "events per 100 km²");
}

TEST(DensityLayer, AutoCountsOnlyTheEventsThatPassTheFilters) {
  BusyMap map;
  render::MapRenderer& renderer = map.renderer;
  render::View& view = map.view;
  view.time.cursor = 110;  // 700 events in the week, above the 240 of a 600x400 image
  ASSERT_EQ(renderer.density_legend(view, 600, 400).mode, render::DensityMode::heatmap);
  // A filter passing one event in ten leaves 70 in the week: points, as the user sees them.
  std::vector<std::uint8_t> mask(map.events.size(), 0);
  for (std::size_t i = 0; i < mask.size(); i += 10) mask[i] = 1;
  renderer.set_event_mask(mask);
  EXPECT_EQ(renderer.density_legend(view, 600, 400).mode, render::DensityMode::points);
  // One in two: 350, a heatmap again; cleared, every event counts.
  for (std::size_t i = 0; i < mask.size(); i += 2) mask[i] = 1;
  renderer.set_event_mask(mask);
  EXPECT_EQ(renderer.density_legend(view, 600, 400).mode, render::DensityMode::heatmap);
  renderer.set_event_mask({});
  EXPECT_EQ(renderer.density_legend(view, 600, 400).mode, render::DensityMode::heatmap);
}

}  // namespace
}  // namespace chronomap

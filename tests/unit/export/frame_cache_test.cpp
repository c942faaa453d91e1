// The window's cached base map must give the same picture as a full redraw, and be
// redrawn only when something other than time changed.
#include "render/frame_cache.hpp"

#include <gtest/gtest.h>

#include "export/headless_context.hpp"
#include "export/time_source.hpp"
#include "unit/export/fresh_store.hpp"
#include "geo/projection.hpp"

namespace chronomap {
namespace {

int differing_pixels(const Image& a, const Image& b) {
  int n = 0;
  for (int y = 0; y < a.height(); ++y)
    for (int x = 0; x < a.width(); ++x) n += a.pixel(x, y) == b.pixel(x, y) ? 0 : 1;
  return n;
}

TEST(FrameCache, SamePictureAsAFullRedrawAndRedrawsTheBaseOnlyWhenTheCameraMoves) {
  exporting::HeadlessContext context;
  render::MapRenderer renderer;
  const geo::Projection projection(geo::kDefaultProjection);
  const render::Scene scene = render::build_scene(render::load_base_map(), projection);
  renderer.set_scene(scene);
  const exporting::TimeData data = exporting::load_time_data(fresh_default_store("frame_cache").string());
  renderer.set_events(data.events, projection);
  renderer.set_links(data.links, projection);

  constexpr int kW = 640, kH = 400;
  render::View view;
  view.camera = render::Camera::fit(scene.default_extent, kW, kH, 0.05, true);
  view.time.animate_links = false;
  const render::OffscreenTarget cached(kW, kH), full(kW, kH);
  render::FrameCache cache;

  for (const char* date : {"2023-09-16", "2025-08-14", "2021-01-01"}) {
    view.time.cursor = parse_day_number(date, "date");
    cache.draw(renderer, view, cached);
    renderer.draw(view, full);
    const Image a = cached.read_pixels(), b = full.read_pixels();
    EXPECT_EQ(differing_pixels(a, b), 0) << date;
  }
  EXPECT_EQ(cache.base_redraws(), 1) << "moving through time must not redraw the base map";
  view.camera.pan_pixels(40, 0);
  cache.draw(renderer, view, cached);
  EXPECT_EQ(cache.base_redraws(), 2) << "panning must";
}

}  // namespace
}  // namespace chronomap

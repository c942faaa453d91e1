// The filter mask: an event that does not pass the filters is not drawn, as discs or
// in the density layer, whatever the time window; the mask survives a re-upload of
// the same events (a projection change) and is dropped for another data set.
#include <gtest/gtest.h>

#include "export/headless_context.hpp"
#include "geo/projection.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen.hpp"

namespace chronomap {
namespace {

struct Probe {
  Rgba left, right, sea;
};

Probe draw(const render::MapRenderer& renderer, render::DensityMode mode) {
  render::View view;
  view.density = mode;
  view.time.cursor = 100;
  view.camera.center = {2.0, 14.0};
  view.camera.units_per_pixel_x = view.camera.units_per_pixel_y = 0.01;
  const render::OffscreenTarget target(200, 100);
  renderer.draw(view, target);
  const Image image = target.read_pixels();
  // The events lie at lon 1.5 and 2.5: pixels 50 and 150 of the row through lat 14.
  return {image.pixel(50, 50), image.pixel(150, 50), image.pixel(100, 10)};
}

TEST(EventMask, EventsThatDoNotPassAreNotDrawn) {
  exporting::HeadlessContext context;
  render::MapRenderer renderer;
  const geo::Projection projection("EPSG:4326");
  render::EventSet events;
  events.add({1.5, 14.0}, 100, 100, render::category_index("coup"));
  events.add({2.5, 14.0}, 100, 100, render::category_index("agreement"));
  renderer.set_events(events, projection);
  for (const auto mode : {render::DensityMode::points, render::DensityMode::heatmap}) {
    SCOPED_TRACE(render::density_mode_name(mode));
    renderer.set_event_mask({});
    const Probe all = draw(renderer, mode);
    EXPECT_NE(all.left, all.sea);
    EXPECT_NE(all.right, all.sea);
    renderer.set_event_mask({1, 0});
    Probe masked = draw(renderer, mode);
    EXPECT_EQ(masked.left, all.left);
    EXPECT_EQ(masked.right, masked.sea);
    // The same events again (a projection change): the mask holds.
    renderer.set_events(events, projection);
    masked = draw(renderer, mode);
    EXPECT_EQ(masked.right, masked.sea);
  }
  // Another data set: every event passes again.
  events.add({2.0, 14.5}, 100, 100, 0);
  renderer.set_events(events, projection);
  const Probe again = draw(renderer, render::DensityMode::points);
  EXPECT_NE(again.right, again.sea);
}

}  // namespace
}  // namespace chronomap

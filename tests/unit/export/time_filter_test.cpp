// The GPU's time filter against its CPU reference: random events on a grid, one per
// cell, rendered headless for random cursors, windows and modes; the cells that show
// something are counted from the read-back image.
#include <gtest/gtest.h>

#include <random>

#include "export/headless_context.hpp"
#include "export/snapshot.hpp"
#include "geo/projection.hpp"
#include "render/map_renderer.hpp"

namespace chronomap {
namespace {

constexpr int kGrid = 48;      // events per side
constexpr int kCell = 16;      // pixels per cell
constexpr int kSize = kGrid * kCell;

struct Fixture {
  exporting::HeadlessContext context;
  render::MapRenderer renderer;
};

render::View bare_view() {
  render::View view;
  view.layers = {false, false, false, false, false, false, true, false};
  view.density = render::DensityMode::points;  // the discs' filter (2,304 events would switch auto to the heatmap)
  geo::Extent extent;  // plate carrée degrees: one cell is one degree
  extent.add(0, 0);
  extent.add(kGrid, kGrid);
  view.camera = render::Camera::fit(extent, kSize, kSize, 0.0, false);
  return view;
}

int count_shown(const Image& image, const render::Color& sea) {
  int shown = 0;
  for (int gy = 0; gy < kGrid; ++gy) {
    for (int gx = 0; gx < kGrid; ++gx) {
      const Rgba p = image.pixel(gx * kCell + kCell / 2, kSize - 1 - (gy * kCell + kCell / 2));
      const auto diff = std::abs(p.r - static_cast<int>(sea.r * 255.0f)) + std::abs(p.g - static_cast<int>(sea.g * 255.0f)) +
                        std::abs(p.b - static_cast<int>(sea.b * 255.0f));
      if (diff > 12) ++shown;
    }
  }
  return shown;
}

TEST(TimeFilter, GpuMatchesTheCpuReferenceForRandomCursorsAndWindows) {
  Fixture f;
  std::mt19937 random(20250814);
  const DayNumber first = to_day_number({2020, 1, 1});
  std::uniform_int_distribution<int> start_day(first, first + 2000);
  std::uniform_int_distribution<int> length(0, 60);
  std::uniform_int_distribution<int> category(0, static_cast<int>(render::event_categories().size()) - 1);
  render::EventSet events;
  for (int gy = 0; gy < kGrid; ++gy) {
    for (int gx = 0; gx < kGrid; ++gx) {
      const DayNumber start = start_day(random);
      const DayNumber end = random() % 3 == 0 ? start + length(random) : start;  // a third last several days
      events.add({gx + 0.5, gy + 0.5}, start, end, static_cast<std::uint8_t>(category(random)));
    }
  }
  const geo::Projection plate_carree("platecarree");
  f.renderer.set_events(events, plate_carree);
  render::View view = bare_view();

  std::uniform_int_distribution<int> cursor(first - 30, first + 2100);
  const int windows[] = {1, 7, 30, 365, 3000};
  for (int trial = 0; trial < 24; ++trial) {
    view.time.cursor = cursor(random);
    view.time.window_days = windows[trial % 5];
    view.time.mode = trial % 6 == 5 ? render::TimeMode::cumulative : render::TimeMode::window;
    const render::TimeFilter filter(view.time, events.day_range().first);
    int expected = 0;
    for (std::size_t i = 0; i < events.size(); ++i) {
      if (render::event_visible(filter, static_cast<float>(events.start_days[i]), static_cast<float>(events.end_days[i])))
        ++expected;
    }
    const Image image = exporting::render_image(f.renderer, view, kSize, kSize);
    EXPECT_EQ(count_shown(image, f.renderer.theme().sea), expected)
        << "cursor " << format_iso(view.time.cursor) << ", window " << view.time.window_days << ", trial " << trial;
  }
}

TEST(TimeFilter, ReferenceSemantics) {
  render::TimeState state;
  state.cursor = 100;
  state.window_days = 10;
  const render::TimeFilter window(state, 0);
  EXPECT_TRUE(render::event_visible(window, 100, 100));
  EXPECT_TRUE(render::event_visible(window, 91, 91));
  EXPECT_FALSE(render::event_visible(window, 90, 90)) << "ten days are 91..100";
  EXPECT_FALSE(render::event_visible(window, 101, 101)) << "the future is hidden";
  EXPECT_TRUE(render::event_visible(window, 50, 95)) << "a span still running in the window shows";
  EXPECT_EQ(render::link_state(window, 50, render::kOpenEnd), render::LinkState::active);
  EXPECT_EQ(render::link_state(window, 50, 95), render::LinkState::ended);
  EXPECT_EQ(render::link_state(window, 50, 80), render::LinkState::hidden);
  EXPECT_EQ(render::link_state(window, 101, render::kOpenEnd), render::LinkState::hidden);
  state.mode = render::TimeMode::cumulative;
  const render::TimeFilter cumulative(state, 0);
  EXPECT_TRUE(render::event_visible(cumulative, 0, 0));
  EXPECT_EQ(render::link_state(cumulative, 50, 80), render::LinkState::ended);
}

}  // namespace
}  // namespace chronomap

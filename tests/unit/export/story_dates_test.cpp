// The AES story on its dates, rendered headless from the default data set: arcs that
// must and must not be on the map at a given day, probed at each arc's midpoint.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "export/headless_context.hpp"
#include "export/snapshot.hpp"
#include "export/time_source.hpp"
#include "unit/export/fresh_store.hpp"
#include "geo/geodesic.hpp"
#include "geo/projection.hpp"
#include "render/link_lanes.hpp"
#include "render/map_renderer.hpp"

namespace chronomap {
namespace {

// Plate carrée, 0.05° a pixel: lon -20..60, lat 0..62 on 1600×1240.
constexpr int kWidth = 1600, kHeight = 1240;
const geo::LonLat kBamako{-8.0029, 12.6392}, kNiamey{2.1098, 13.5137}, kMoscow{37.6173, 55.7558},
    kParis{2.3522, 48.8566};

class StoryDates : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    context_ = new exporting::HeadlessContext();
    renderer_ = new render::MapRenderer();
    const geo::Projection projection("platecarree");
    renderer_->set_scene(render::build_scene(render::load_base_map(), projection));
    const exporting::TimeData data = exporting::load_time_data(fresh_default_store("story_dates").string());
    renderer_->set_events(data.events, projection);
    renderer_->set_links(data.links, projection);
  }
  static void TearDownTestSuite() {
    delete renderer_;
    delete context_;
  }

  static Image at(const char* date, int window = 1) {
    render::View view;
    view.layers.labels = false;
    view.layers.places = false;
    view.layers.events = false;
    view.time.animate_links = false;
    view.time.cursor = parse_day_number(date, "date");
    view.time.window_days = window;
    geo::Extent box;
    box.add(-20, 0);
    box.add(60, 62);
    view.camera = render::Camera::fit(box, kWidth, kHeight, 0.0, false);
    return exporting::render_image(*renderer_, view, kWidth, kHeight);
  }

  // Whether a pixel near the arc's midpoint has `kind`'s colour: within 2 px, and the
  // half lane by which a link sharing its places with another is drawn aside.
  static bool arc_shows(const Image& image, geo::LonLat from, geo::LonLat to, const char* kind) {
    const auto path = geo::geodesic_path(from, to);
    const geo::LonLat mid = path[path.size() / 2];
    const int cx = static_cast<int>((mid.lon + 20) / 0.05), cy = static_cast<int>((62 - mid.lat) / 0.05);
    const render::Color c = render::link_kind_color(render::link_kind_index(kind));
    const int reach = 2 + static_cast<int>(std::ceil(render::kLinkLaneSpacing / 2));
    for (int y = cy - reach; y <= cy + reach; ++y)
      for (int x = cx - reach; x <= cx + reach; ++x) {
        const Rgba p = image.pixel(x, y);
        if (std::abs(p.r - c.r * 255.0f) + std::abs(p.g - c.g * 255.0f) + std::abs(p.b - c.b * 255.0f) < 30.0f) return true;
      }
    return false;
  }

  static inline exporting::HeadlessContext* context_ = nullptr;
  static inline render::MapRenderer* renderer_ = nullptr;
};

TEST_F(StoryDates, NoAesArcBeforeTheCharterOf16September2023) {
  EXPECT_FALSE(arc_shows(at("2023-09-15"), kBamako, kNiamey, "aes_defence"));
  EXPECT_TRUE(arc_shows(at("2023-09-16"), kBamako, kNiamey, "aes_defence"));
}

TEST_F(StoryDates, TheMoscowMemorandaAppearOn14August2025) {
  EXPECT_FALSE(arc_shows(at("2025-08-13"), kBamako, kMoscow, "memorandum"));
  const Image day = at("2025-08-14");
  EXPECT_TRUE(arc_shows(day, kBamako, kMoscow, "memorandum"));
  EXPECT_TRUE(arc_shows(day, kNiamey, kMoscow, "memorandum"));
}

TEST_F(StoryDates, TheFrenchPresenceInMaliEndsAfter15August2022) {
  EXPECT_TRUE(arc_shows(at("2022-08-15"), kBamako, kParis, "french_presence"));
  EXPECT_FALSE(arc_shows(at("2022-08-16"), kBamako, kParis, "french_presence"));
  // With a month's window the ended link is still drawn, but as ended (grey), not as a presence.
  EXPECT_FALSE(arc_shows(at("2022-09-01", 30), kBamako, kParis, "french_presence"));
}

}  // namespace
}  // namespace chronomap

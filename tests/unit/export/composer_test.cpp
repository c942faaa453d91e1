// The composer: what its legend lists for a given day, the caption's words, the scale
// bar against geodesic distances, and the north arrow in a polar projection.
#include "export/composer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "geo/geodesic.hpp"
#include "render/scene.hpp"
#include "render/symbols.hpp"

namespace chronomap::exporting {
namespace {

bool has_text(const render::Furniture& f, const std::string& text) {
  return std::any_of(f.texts.begin(), f.texts.end(), [&](const render::TextItem& t) { return t.text == text; });
}

struct Story {
  render::EventSet events;
  std::vector<render::Link> links;
};

// Two events in Mali a year apart, and one link active only in 2025.
Story story() {
  Story s;
  s.events.add({-8.0, 12.6}, to_day_number({2024, 7, 1}), to_day_number({2024, 7, 1}), render::category_index("coup"), 3);
  s.events.add({-8.0, 12.6}, to_day_number({2025, 8, 10}), to_day_number({2025, 8, 10}), render::category_index("arrest"),
               0);
  render::Link link;
  link.from = {-8.0, 12.6};
  link.to = {37.6, 55.8};
  link.start = to_day_number({2025, 1, 1});
  link.end = to_day_number({2025, 12, 31});
  link.kind = render::link_kind_index("memorandum");
  s.links.push_back(link);
  return s;
}

render::View view_of(const Composer& composer, const geo::Extent& extent, DayNumber day) {
  render::View view;
  view.camera = composer.fit(extent, 0.05, true);
  view.time.cursor = day;
  view.time.window_days = 30;
  return view;
}

geo::Extent sahel_box(const geo::Projection& projection) {
  geo::Extent box;
  box.add(-20, 0);
  box.add(45, 60);
  return projection.project_extent(box);
}

TEST(Composer, TheLegendListsOnlyWhatTheFrameShows) {
  const geo::Projection projection("EPSG:4326");
  const render::Scene scene;  // no base map needed for the legend
  const Story s = story();
  MapContent content;
  content.events = &s.events;
  content.links = &s.links;
  Composer composer(Layout{}, 800, 600, 1.0f);

  // 14 August 2025: the arrest and the Moscow link; the 2024 coup is out of the window.
  auto f = composer.compose(content, scene, projection, view_of(composer, sahel_box(projection), to_day_number({2025, 8, 14})), {});
  EXPECT_TRUE(has_text(f, "arrest"));
  EXPECT_FALSE(has_text(f, "coup"));
  EXPECT_TRUE(has_text(f, std::string(render::link_kind_label(render::link_kind_index("memorandum")))));

  // 1 July 2024: the coup, no link yet.
  f = composer.compose(content, scene, projection, view_of(composer, sahel_box(projection), to_day_number({2024, 7, 1})), {});
  EXPECT_TRUE(has_text(f, "coup"));
  EXPECT_FALSE(has_text(f, "arrest"));
  EXPECT_FALSE(has_text(f, std::string(render::link_kind_label(render::link_kind_index("memorandum")))));

  // A filter that drops the arrest takes it out of the legend too.
  const std::vector<std::uint8_t> mask = {1, 0};
  content.mask = mask;
  f = composer.compose(content, scene, projection, view_of(composer, sahel_box(projection), to_day_number({2025, 8, 14})), {});
  EXPECT_FALSE(has_text(f, "arrest"));

  // An event outside the frame is not in its legend.
  content.mask = {};
  geo::Extent moscow;
  moscow.add(30, 50);
  moscow.add(45, 60);
  f = composer.compose(content, scene, projection, view_of(composer, moscow, to_day_number({2025, 8, 14})), {});
  EXPECT_FALSE(has_text(f, "arrest"));
}

TEST(Composer, TheLegendShowsThePrecisionSymbolsWhenTheyOccur) {
  const geo::Projection projection("EPSG:4326");
  const render::Scene scene;
  const std::string ring = "date known to week, month or year", halo = "place known to region or country";
  // Known to the day and the town in 2024; to the month in Mali and to the region in
  // Niger in August 2025.
  render::EventSet events;
  const DayNumber day_2024 = to_day_number({2024, 7, 1}), day_2025 = to_day_number({2025, 8, 10});
  events.add({-8.0, 12.6}, day_2024, day_2024, render::category_index("coup"));
  events.add({-8.0, 12.6}, day_2025, day_2025, render::category_index("arrest"), 0, render::kDateImprecise);
  events.add({2.1, 13.5}, day_2025, day_2025, render::category_index("arrest"), 0, render::kPlaceImprecise);
  MapContent content;
  content.events = &events;
  Composer composer(Layout{}, 800, 600, 1.0f);

  auto f = composer.compose(content, scene, projection, view_of(composer, sahel_box(projection), day_2024), {});
  EXPECT_FALSE(has_text(f, ring));
  EXPECT_FALSE(has_text(f, halo));
  f = composer.compose(content, scene, projection, view_of(composer, sahel_box(projection), day_2025), {});
  EXPECT_TRUE(has_text(f, ring));
  EXPECT_TRUE(has_text(f, halo));
  // Filtered out, the region-placed event takes its symbol out of the legend.
  const std::vector<std::uint8_t> mask = {1, 1, 0};
  content.mask = mask;
  f = composer.compose(content, scene, projection, view_of(composer, sahel_box(projection), day_2025), {});
  EXPECT_TRUE(has_text(f, ring));
  EXPECT_FALSE(has_text(f, halo));
}

TEST(Composer, TheCaptionSaysThePeriodCountsFiltersAndSources) {
  const Story s = story();
  MapContent content;
  content.events = &s.events;
  content.links = &s.links;
  content.sources = {"acled.csv"};
  store::EventFilter filter;
  filter.country = "MLI";
  content.filters = filter_text(filter);
  render::TimeState time;
  time.cursor = to_day_number({2025, 8, 14});
  time.window_days = 30;
  EXPECT_EQ(caption_text(time, content),
            "Events 16 July – 14 August 2025 · Filters: country MLI · 1 event, 1 active link · Sources: acled.csv");
  time.cursor = to_day_number({2024, 7, 20});
  EXPECT_EQ(caption_text(time, content),
            "Events 21 June – 20 July 2024 · Filters: country MLI · 1 event (3 fatalities reported), 0 active links · "
            "Sources: acled.csv");
  time.mode = render::TimeMode::cumulative;
  time.cursor = to_day_number({2025, 12, 31});
  EXPECT_TRUE(caption_text(time, content).starts_with("All events to 31 December 2025 · Filters: country MLI · 2 events"))
      << caption_text(time, content);
}

TEST(Composer, TheScaleBarMatchesTheGeodesicDistanceItStandsFor) {
  // Lambert azimuthal equal-area on the Sahel, 1000 km across a 1000 px frame.
  const geo::Projection projection("+proj=laea +lat_0=15 +lon_0=0 +datum=WGS84");
  geo::Extent extent;
  extent.add(-500'000, -300'000);
  extent.add(500'000, 300'000);
  const render::Camera camera = render::Camera::fit(extent, 1000, 600, 0.0, true);
  const ScaleBar bar = scale_bar(projection, camera, 1000, 600, 150, false);
  ASSERT_GT(bar.metres, 0) << bar.note;
  EXPECT_EQ(bar.label, "100 km");  // 1 km a pixel: 150 px wanted, 100 km the round length below
  // The bar's two ends, centred in the frame, are its length apart on the ellipsoid.
  geo::LonLat a, b;
  ASSERT_TRUE(projection.inverse(camera.unproject(500 - bar.pixels / 2, 300, 1000, 600), a));
  ASSERT_TRUE(projection.inverse(camera.unproject(500 + bar.pixels / 2, 300, 1000, 600), b));
  EXPECT_NEAR(geo::geodesic_distance_m(a, b), bar.metres, bar.metres * 0.005);

  const ScaleBar miles = scale_bar(projection, camera, 1000, 600, 150, true);
  EXPECT_EQ(miles.label, "50 mi");
  EXPECT_NEAR(miles.metres, 50 * 1609.344, 1e-6);
}

TEST(Composer, NoScaleBarWhereTheScaleVariesAcrossTheFrame) {
  // Web Mercator from the equator to 70° north: the scale changes almost threefold.
  const geo::Projection projection("EPSG:3857");
  geo::Extent box;
  box.add(-30, 0);
  box.add(60, 70);
  const render::Camera camera = render::Camera::fit(projection.project_extent(box), 900, 700, 0.0, true);
  const ScaleBar bar = scale_bar(projection, camera, 900, 700, 150, false);
  EXPECT_EQ(bar.metres, 0);
  EXPECT_GT(bar.variation, 0.5);
  EXPECT_NE(bar.note.find("No scale bar"), std::string::npos);
}

TEST(Composer, TheNorthArrowPointsToThePoleInAPolarProjection) {
  // North polar stereographic, 0° at the bottom: at 30° east the pole lies up and to
  // the left of the point, at 30° west up and to the right; on 0° straight up.
  const geo::Projection projection("+proj=stere +lat_0=90 +lon_0=0 +datum=WGS84");
  for (const double lon : {-30.0, 0.0, 30.0, 60.0}) {
    geo::XY xy;
    ASSERT_TRUE(projection.forward({lon, 60}, xy));
    render::Camera camera;
    camera.center = xy;
    camera.units_per_pixel_x = camera.units_per_pixel_y = 1000;
    const auto angle = north_angle(projection, camera, 400, 300, 800, 600);
    ASSERT_TRUE(angle.has_value());
    EXPECT_NEAR(*angle, -lon, 0.01) << "at longitude " << lon;
  }
  // In plate carrée north is straight up everywhere.
  const geo::Projection plate("EPSG:4326");
  render::Camera camera;
  camera.center = {10, 20};
  camera.units_per_pixel_x = camera.units_per_pixel_y = 0.1;
  EXPECT_NEAR(*north_angle(plate, camera, 100, 100, 800, 600), 0.0, 1e-9);
}

TEST(Composer, TheInsetIsDrawnInTheScenesTheme) {
  const geo::Projection projection("EPSG:4326");
  geo::Extent world;
  world.add(-180, -90);
  world.add(180, 90);
  for (const render::Theme& theme : {render::light_theme(), render::dark_theme()}) {
    render::Scene scene = render::build_scene({}, projection, theme);
    scene.world_extent = projection.project_extent(world);
    Composer composer(Layout{}, 1000, 800, 1.0f);
    const auto f = composer.compose({}, scene, projection, view_of(composer, sahel_box(projection), 0), {});
    ASSERT_TRUE(f.inset.has_value());
    EXPECT_EQ(f.inset->background.r, theme.sea.r);
    EXPECT_EQ(f.inset->background.g, theme.sea.g);
    EXPECT_EQ(f.inset->background.b, theme.sea.b);
  }
}

TEST(Composer, TheCaptionBandTakesTheBottomAndTheFrameFitsAbove) {
  Composer composer(Layout{}, 1000, 800, 1.0f);
  EXPECT_LT(composer.frame_height(), 800);
  EXPECT_GT(composer.frame_height(), 700);
  Layout plain;
  plain.plain = true;
  EXPECT_EQ(Composer(plain, 1000, 800, 1.0f).frame_height(), 800);
  // An extent fitted exactly lands on the frame's corners, not the image's.
  geo::Extent extent;
  extent.add(0, 0);
  extent.add(100, 50);
  const render::Camera camera = composer.fit(extent, 0.0, false);
  const geo::Extent shown = composer.frame_extent(camera);
  EXPECT_NEAR(shown.min_x, 0, 1e-9);
  EXPECT_NEAR(shown.max_x, 100, 1e-9);
  EXPECT_NEAR(shown.min_y, 0, 1e-9);
  EXPECT_NEAR(shown.max_y, 50, 1e-9);
  // Furniture scales with the design size: twice the DPI, the same proportions (to the
  // pixel the band's height is rounded to).
  EXPECT_NEAR(Composer(Layout{}, 2000, 1600, 2.0f).frame_height(), 2 * composer.frame_height(), 2);
}

}  // namespace
}  // namespace chronomap::exporting

// The vector backend's drawing, checked on Cairo's own raster of it (no PDF reader):
// the base map's even-odd fills, the time window and filter mask on events, the
// furniture's shapes, dashes, inset and texts where the display list puts them; and
// the PDF and SVG files it writes.
#include "export/vector_writer.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "core/error.hpp"
#include "render/density.hpp"

namespace chronomap {
namespace {

namespace fs = std::filesystem;
using render::Vec2;

// A 200x100 image over lon -10..10, lat -5..5 in plate carree: 10 px a degree.
constexpr int kWidth = 200, kHeight = 100;

// A land square from -8 to -2 degrees of longitude with a square hole, in one batch.
render::Scene square_scene() {
  render::Scene scene;
  for (const Vec2 p : {Vec2{-8, -3}, Vec2{-2, -3}, Vec2{-2, 3}, Vec2{-8, 3}, Vec2{-6, -1}, Vec2{-4, -1}, Vec2{-4, 1},
                       Vec2{-6, 1}})
    scene.fill_vertices.push_back(p);
  scene.fills.push_back({render::rgb(0x00ff00), render::FillStyle::land, {{0, 4}, {4, 4}}, 0});
  return scene;
}

struct VectorFixture {
  render::Scene scene = square_scene();
  geo::Projection projection{"EPSG:4326"};
  render::EventSet events;
  std::vector<std::uint8_t> mask;
  std::vector<render::Link> links;
  std::vector<render::TextItem> overlay;
  render::Furniture furniture;
  render::View view;

  VectorFixture() {
    geo::Extent extent;
    extent.add(-10, -5);
    extent.add(10, 5);
    view.camera = render::Camera::fit(extent, kWidth, kHeight, 0.0, false);
    view.layers.labels = view.layers.places = view.layers.graticule = view.layers.borders = false;
    view.time.cursor = 100;
    view.time.window_days = 10;
  }
  [[nodiscard]] exporting::VectorContent content() const {
    return {scene, projection, events, mask, links, overlay, furniture, render::Theme{}};
  }
  [[nodiscard]] Image draw() const { return exporting::draw_vector_image(kWidth, kHeight, view, content()); }
};

// The pixel at lon/lat (x, y) of the fixture's map.
Rgba at(const Image& image, double lon, double lat) {
  return image.pixel(static_cast<int>((lon + 10) * 10), static_cast<int>((5 - lat) * 10));
}

TEST(VectorWriter, FillsByEvenOddOverTheSea) {
  const Image image = VectorFixture().draw();
  EXPECT_EQ(at(image, -7, 2), (Rgba{0, 255, 0, 255}));  // in the square
  const Rgba sea{0xc9, 0xdd, 0xe8, 255};
  EXPECT_EQ(at(image, -5, 0), sea);  // in its hole
  EXPECT_EQ(at(image, 5, 0), sea);
}

TEST(VectorWriter, EventsPassTheWindowAndTheMask) {
  VectorFixture f;
  f.events.add({2, 0}, 98, 98, render::category_index("coup"));  // in the window
  f.events.add({6, 0}, 80, 80, render::category_index("coup"));  // before it
  f.events.add({8, 0}, 99, 99, render::category_index("coup"));  // masked out
  f.mask = {1, 1, 0};
  const Image image = f.draw();
  const Rgba shown = at(image, 2, 0), sea = at(image, 4, 0);
  EXPECT_GT(shown.r, shown.g + 60);  // the coup's crimson, over the sea's blue
  EXPECT_LT(shown.b, 120);
  EXPECT_EQ(at(image, 6, 0), sea);
  EXPECT_EQ(at(image, 8, 0), sea);
  // An older event in the window is fainter (event_fade: 30 % less over the window).
  VectorFixture older;
  older.events.add({2, 0}, 92, 92, render::category_index("coup"));
  EXPECT_GT(at(older.draw(), 2, 0).b, shown.b + 20);
}

TEST(VectorWriter, HexagonsCountTheShownEventsInTheRampsColour) {
  VectorFixture f;
  f.view.density = render::DensityMode::hexagons;
  for (int i = 0; i < 4; ++i) f.events.add({5, 0}, 98, 98, render::category_index("coup"));
  f.mask = {1, 1, 1, 0};  // three pass
  const Image image = f.draw();
  const double low = render::density_legend(render::DensityMode::hexagons,
                                            render::ground_scale_at_center(f.projection, f.view.camera), 1.0f)
                         .low;
  const render::Color c = render::density_color(3, low), sea = render::rgb(0xc9dde8);
  const auto over_sea = [&](float v, float under) { return static_cast<int>(std::lround(255 * (c.a * v + (1 - c.a) * under))); };
  const Rgba centre = at(image, 5, 0);
  EXPECT_NEAR(centre.r, over_sea(c.r, sea.r), 2);
  EXPECT_NEAR(centre.g, over_sea(c.g, sea.g), 2);
  EXPECT_NEAR(centre.b, over_sea(c.b, sea.b), 2);
  // A cell, not a disc: the same colour half a degree (5 px) away, in a hexagon of 16 px.
  EXPECT_EQ(at(image, 5.5, 0.3), centre);
}

TEST(VectorWriter, DrawsEveryFurniturePrimitive) {
  VectorFixture f;
  const render::Color red = render::rgb(0xff0000), black = render::rgb(0x000000);
  f.furniture.shapes.push_back(render::rectangle(110, 10, 130, 30, red));
  // A dashed line along y = 50 from x = 100 to 190: 10 px on, 10 px off.
  f.furniture.shapes.push_back(render::polyline({{100, 50}, {190, 50}}, render::Stroke{black, 4, {10, 10}}));
  render::Inset inset;
  inset.x0 = 140, inset.y0 = 60, inset.x1 = 196, inset.y1 = 96;
  inset.shows.add(-10, -5);
  inset.shows.add(10, 5);
  inset.frame.add(0, -5);
  inset.frame.add(10, 5);
  inset.background = render::rgb(0xffffff);
  inset.outline = render::rgb(0x0000ff);
  f.furniture.inset = inset;
  f.furniture.texts.push_back({"███", 150, 20, 14, render::Align::left, 0, 0, black, {1, 1, 1, 0}, false});
  const Image image = f.draw();
  EXPECT_EQ(image.pixel(120, 20), (Rgba{255, 0, 0, 255}));
  EXPECT_EQ(image.pixel(105, 50), (Rgba{0, 0, 0, 255}));   // a dash
  EXPECT_EQ(image.pixel(115, 50), image.pixel(115, 60));   // a gap: the map shows through
  EXPECT_EQ(image.pixel(125, 50), (Rgba{0, 0, 0, 255}));   // the next dash
  // The inset's box: its background, the square's fill shrunk into it, and the main
  // frame's right half outlined in blue.
  EXPECT_EQ(image.pixel(143, 93), (Rgba{255, 255, 255, 255}));
  const Rgba land = image.pixel(150, 74);  // lon -6.5, lat 2.5 on a map of 2.8 px a degree
  EXPECT_EQ(land.g, 255);
  EXPECT_LT(land.r, 10);
  const Rgba outline = image.pixel(180, 64);  // the frame's top edge, 14 px above the box's centre
  EXPECT_GT(outline.b, 200);
  EXPECT_LT(outline.r, 100);
  // The text: full blocks of ink right of its anchor.
  const Rgba ink = image.pixel(158, 20);
  EXPECT_LT(ink.r + ink.g + ink.b, 60);
}

TEST(VectorWriter, WritesPdfAndSvgAtomically) {
  const fs::path dir = fs::temp_directory_path() / ("chronomap-vector-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  VectorFixture f;
  f.overlay.push_back({"Tillabéri", 100, 50, 14, render::Align::center, 0, 0, render::rgb(0), render::rgb(0xffffff),
                       true});
  const auto read = [](const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
  };
  exporting::write_vector(dir / "m.pdf", {exporting::VectorFormat::pdf, kWidth, kHeight, 192}, f.view, f.content(),
                          std::vector<ImageText>{{"Title", "A square"}});
  const std::string pdf = read(dir / "m.pdf");
  EXPECT_EQ(pdf.rfind("%PDF-", 0), 0u);
  EXPECT_NE(pdf.find("/MediaBox [ 0 0 75 37.5 ]"), std::string::npos);  // 200x100 px at 192 dpi
  EXPECT_NE(pdf.find("DejaVuSans-Bold"), std::string::npos);
  EXPECT_NE(pdf.find("(A square)"), std::string::npos);
  exporting::write_vector(dir / "m.svg", {exporting::VectorFormat::svg, kWidth, kHeight, 96}, f.view, f.content());
  const std::string svg = read(dir / "m.svg");
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("width=\"150pt\" height=\"75pt\""), std::string::npos);
  EXPECT_EQ(svg.find("<image"), std::string::npos);
  // Nothing else is left beside them, and an unwritable target is an error naming it.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 2);
  try {
    exporting::write_vector(dir / "missing" / "m.pdf", {exporting::VectorFormat::pdf, kWidth, kHeight, 96}, f.view,
                            f.content());
    FAIL() << "a PDF was written into a missing folder";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("missing"), std::string::npos) << e.what();
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace chronomap

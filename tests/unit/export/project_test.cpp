// Project files: what is saved reads back the same (the extent to the last bit, so a
// rendered project is the window's view), and a damaged file is refused with the
// file and the field named.
#include "export/project.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "core/error.hpp"

namespace chronomap::exporting {
namespace {

std::filesystem::path scratch(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("chronomap-project-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir / name;
}

std::string error_of(const std::string& json) {
  const auto file = scratch("bad.json");
  std::ofstream(file) << json;
  try {
    load_project(file);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(Project, WhatIsSavedReadsBackTheSame) {
  Project p;
  p.data = "events.db";
  p.projection = "+proj=laea +lat_0=15 +lon_0=10";
  p.extent.add(-1234567.0123456789, 0.1);
  p.extent.add(2345678.9, 3456789.000000001);
  p.time.cursor = to_day_number({2025, 8, 14});
  p.time.window_days = 7;
  p.time.mode = render::TimeMode::cumulative;
  p.layers.graticule = false;
  p.density = render::DensityMode::hexagons;
  p.filter.country = "MLI";
  p.filter.min_fatalities = 5;
  p.filter.date_precision = "month";
  p.filter.source = "acled";
  p.filter.text = "bamak* \"mutual understanding\"";
  p.hidden_categories = {"coup", "summit"};
  p.width = 2480;
  p.height = 3508;
  p.dpi = 300;
  p.scale = 300.0f / 96.0f;
  p.layout.title = "Réunion à Moscou";
  p.layout.inset = false;
  p.layout.miles = true;
  p.bookmarks.push_back({"Bamako", p.projection, p.extent, to_day_number({2025, 8, 1})});
  const auto file = scratch("round.json");
  save_project(p, file);
  const Project q = load_project(file);
  EXPECT_EQ(q.data, p.data);
  EXPECT_EQ(q.projection, p.projection);
  EXPECT_EQ(q.extent.min_x, p.extent.min_x);  // exactly
  EXPECT_EQ(q.extent.max_y, p.extent.max_y);
  EXPECT_EQ(q.time.cursor, p.time.cursor);
  EXPECT_EQ(q.time.window_days, 7);
  EXPECT_EQ(q.time.mode, render::TimeMode::cumulative);
  EXPECT_FALSE(q.layers.graticule);
  EXPECT_EQ(q.density, render::DensityMode::hexagons);
  EXPECT_EQ(q.filter.country, "MLI");
  EXPECT_EQ(q.filter.min_fatalities, 5);
  EXPECT_FALSE(q.filter.max_fatalities.has_value());
  EXPECT_EQ(q.filter.source, "acled");
  EXPECT_EQ(q.filter.text, p.filter.text);
  EXPECT_EQ(q.hidden_categories, p.hidden_categories);
  EXPECT_EQ(q.width, 2480);
  EXPECT_EQ(q.scale, p.scale);
  EXPECT_EQ(q.dpi, 300.0);
  EXPECT_EQ(q.layout.title, "Réunion à Moscou");
  EXPECT_FALSE(q.layout.inset);
  EXPECT_TRUE(q.layout.miles);
  ASSERT_EQ(q.bookmarks.size(), 1u);
  EXPECT_EQ(q.bookmarks[0].name, "Bamako");
  EXPECT_EQ(q.bookmarks[0].date, to_day_number({2025, 8, 1}));
}

TEST(Project, LeftOutFieldsTakeTheirDefaults) {
  const auto file = scratch("small.json");
  std::ofstream(file) << R"({"chronomap_project": 1, "time": {"date": "2024-06-30"}})";
  const Project p = load_project(file);
  EXPECT_EQ(p.projection, "laea-sahel");
  EXPECT_EQ(p.time.cursor, to_day_number({2024, 6, 30}));
  EXPECT_EQ(p.time.window_days, 30);
  EXPECT_TRUE(p.layout.legend);
}

TEST(Project, AProjectSavedBeforeTheSourceFilterReadsWithNone) {
  const auto file = scratch("no_source.json");
  std::ofstream(file) << R"({"chronomap_project": 1, "filters": {"country": "MLI", "text": "Wagner"}})";
  const Project p = load_project(file);
  EXPECT_EQ(p.filter.country, "MLI");
  EXPECT_EQ(p.filter.text, "Wagner");
  EXPECT_TRUE(p.filter.source.empty());
}

TEST(Project, ADamagedFileNamesTheFieldAndTheReason) {
  EXPECT_NE(error_of("{\"chronomap_project\": 1, \"time\": {\"date\": \"2025-02-30\"}}").find(
                "time.date '2025-02-30' is not a date"),
            std::string::npos);
  EXPECT_NE(error_of("{\"chronomap_project\": 1, \"export\": {\"width\": -3}}").find("export.width must be between 1"),
            std::string::npos);
  EXPECT_NE(error_of("{\"chronomap_project\": 1, \"density\": \"fog\"}").find("density 'fog' is not"),
            std::string::npos);
  EXPECT_NE(error_of("{\"chronomap_project\": 1, \"view\": {\"extent\": [0, 0, 0]}}").find(
                "view.extent must be [min_x, min_y, max_x, max_y]"),
            std::string::npos);
  EXPECT_NE(error_of("{\"chronomap_project\": 1, \"bookmarks\": [{\"name\": \"x\"}]}").find(
                "bookmarks[0].extent is missing"),
            std::string::npos);
  EXPECT_NE(error_of("{\"data\": \"x\"}").find("not a chronomap project file"), std::string::npos);
  EXPECT_NE(error_of("{\"chronomap_project\": 99}").find("version 99"), std::string::npos);
  const std::string broken = error_of("{\"chronomap_project\": 1,\n  \"time\": }");
  EXPECT_NE(broken.find("bad.json: not a JSON project file: parse error at line 2"), std::string::npos) << broken;
}

}  // namespace
}  // namespace chronomap::exporting

// settings.ini: what the window saves is what it reads back on the next start.
#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

#include "ui/settings.hpp"

namespace chronomap::ui {
namespace {

// Every on/off setting the window keeps.
std::vector<bool*> toggles(Settings& s) {
  return {&s.snapshot_layout.date_stamp, &s.snapshot_layout.caption, &s.snapshot_layout.legend,
          &s.snapshot_layout.scale_bar,  &s.snapshot_layout.miles,   &s.snapshot_layout.north_arrow,
          &s.snapshot_layout.inset,      &s.snapshot_project,        &s.layers.land,
          &s.layers.borders,             &s.layers.graticule,        &s.layers.moscow,
          &s.layers.places,              &s.layers.labels,           &s.layers.events,
          &s.layers.links};
}

TEST(Settings, EveryToggleAndFieldReadsBackAsSaved) {
  const auto file = std::filesystem::temp_directory_path() / "chronomap_settings_test.ini";
  Settings saved;
  // Each toggle the other way round from its default, so one not written or read
  // under its own name shows.
  for (bool* toggle : toggles(saved)) *toggle = !*toggle;
  saved.window_width = 1000;
  saved.snapshot_layout.title = "The AES and Russia";
  saved.time_window_days = 30;
  ASSERT_EQ(saved.save(file), "");
  Settings read = Settings::load(file);
  std::filesystem::remove(file);
  const std::vector<bool*> expected = toggles(saved), got = toggles(read);
  for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(*got[i], *expected[i]) << "toggle " << i;
  EXPECT_EQ(read.window_width, 1000);
  EXPECT_EQ(read.snapshot_layout.title, "The AES and Russia");
  EXPECT_EQ(read.time_window_days, 30);
}

}  // namespace
}  // namespace chronomap::ui

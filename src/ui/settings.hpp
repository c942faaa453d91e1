// What the GUI remembers between runs (window geometry, projection, theme, layers, the date
// and time window), kept as
// key=value lines in $XDG_CONFIG_HOME/chronomap/settings.ini beside ImGui's panel
// layout (imgui.ini).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "export/composer.hpp"
#include "render/map_renderer.hpp"

namespace chronomap::ui {

struct Settings {
  int window_width = 1280;
  int window_height = 800;
  int window_x = -1, window_y = -1;  // -1: let the window manager place it
  std::string projection = "laea-sahel";
  std::string theme = "light";  // render::named_theme()
  render::LayerToggles layers;
  render::DensityMode density = render::DensityMode::automatic;  // how events are drawn
  std::string snapshot_path = "chronomap-snapshot.png";
  int snapshot_width = 1920, snapshot_height = 1080;
  float snapshot_scale = 1.0f;
  exporting::Layout snapshot_layout;  // the snapshot's title and furniture
  bool snapshot_project = true;       // save the project beside each snapshot
  std::vector<std::string> recent_projects;  // newest first, at most 6
  // The timeline: the date (ISO; empty: the last), the window and its mode.
  std::string time_cursor;
  int time_window_days = 30;
  std::string time_mode = "window";  // window, cumulative or everything

  // Missing or unreadable files give the defaults; unknown keys are ignored.
  static Settings load(const std::filesystem::path& file);
  // Written atomically; failures are returned as a message, never thrown.
  [[nodiscard]] std::string save(const std::filesystem::path& file) const;
};

}  // namespace chronomap::ui

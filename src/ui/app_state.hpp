// What the GUI's panels share: the settings, the map, and messages for the user.
// Panels read and edit this; the shell owns it. No globals.
#pragma once

#include <string>

#include "ui/map_view.hpp"
#include "ui/settings.hpp"

namespace chronomap::ui {

struct AppState {
  AppState(Settings& s, MapView& m) : settings(s), map(m) {}

  Settings& settings;
  MapView& map;
  std::string attribution;      // geodata/ATTRIBUTION.md, shown in About
  std::string message;          // last result or error, shown in the status bar
  bool message_is_error = false;
  bool open_snapshot = false;   // requests to open a dialog on the next frame
  bool open_about = false;
  bool quit = false;
  bool toggle_play = false;     // Space
  int step = 0;                 // ← / →: one window back or forward
  struct ImFont* large_font = nullptr;
  int framebuffer_width = 0, framebuffer_height = 0;

  void report(std::string text, bool error) {
    message = std::move(text);
    message_is_error = error;
  }
};

}  // namespace chronomap::ui

// What the GUI's panels share: the settings, the map, and messages for the user.
// Panels read and edit this; the shell owns it. No globals.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "export/project.hpp"
#include "store/records.hpp"

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
  bool open_animation = false;
  bool open_about = false;
  bool open_project = false;    // File > Open project… / Save project…
  bool save_project = false;
  bool show_bookmarks = false;
  std::string project_path;     // the project last opened or saved ("" : none)
  std::vector<exporting::Bookmark> bookmarks;  // the project's, edited in the window
  bool quit = false;
  bool toggle_play = false;     // Space
  int step = 0;                 // ← / →: one window back or forward
  struct ImFont* large_font = nullptr;
  int framebuffer_width = 0, framebuffer_height = 0;
  // Exploring: the events a click on the map pinned (indices into map.events(), a
  // stack's members), the one the inspector and the table show, and their texts.
  class EventDetails* details = nullptr;
  std::vector<std::uint32_t> pinned;
  std::optional<std::uint32_t> selected;
  bool show_event_table = false;
  bool show_filters = false;
  bool show_shortcuts = false;  // F1
  // The window draws only when something happened; a panel that must look again
  // later without any input (a throttled rebuild) asks for a frame in this many seconds.
  double redraw_in = 0;
  void redraw_within(double seconds) { redraw_in = redraw_in > 0 ? std::min(redraw_in, seconds) : seconds; }
  store::EventFilter applied_filter;  // the Filters window's, as last applied (for captions)
  std::string data;  // the event store the window shows ("" : the user's)
  std::string boundaries, boundaries_layer;  // --boundaries and --layer ("": the shipped ones)
  bool selection_moved = false;  // set when the map or the inspector selected: the table scrolls to it

  void report(std::string text, bool error) {
    message = std::move(text);
    message_is_error = error;
  }
};

}  // namespace chronomap::ui

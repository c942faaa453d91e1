// The GUI's panels, one file each, each drawn every frame by the shell.
#pragma once

#include <cstddef>
#include <vector>

#include "ui/app_state.hpp"

namespace chronomap::ui {

// File (Save snapshot…, Quit), View (projection, layers, reset), Help (About).
struct MenuBar {
  void draw(AppState& state);
};

// Size, scale and path of a PNG of the current view, rendered by the export path.
struct SnapshotDialog {
  void draw(AppState& state);
  char path[1024] = {};
  bool initialised = false;
};

// Version, renderer, data attribution.
struct AboutDialog {
  void draw(AppState& state);
};

// The bottom timeline: histogram of events over the data's range, the cursor
// slider, window length or cumulative mode, play/pause with a speed, steps, jumps
// to the previous or next event, and the date in large type.
struct TimelinePanel {
  void draw(AppState& state, double seconds_since_last_frame);
  [[nodiscard]] bool playing() const { return playing_; }
  static constexpr float kHeight = 150.0f;

 private:
  void rebuild(const render::EventSet& events, const std::vector<render::Link>& links);
  void move_cursor(AppState& state, DayNumber day);
  bool playing_ = false;
  int speed_ = 1;  // index into the speeds
  double carry_ = 0;
  std::size_t built_for_ = static_cast<std::size_t>(-1);
  DayNumber first_ = 0, last_ = 0;
  std::vector<float> histogram_;
  std::vector<DayNumber> event_days_;  // sorted, unique: starts of events and links
};

// The legend: event categories and link kinds, in the colours the map uses. A normal
// window: it can be moved and folded, and ImGui keeps where it was between runs.
struct LegendPanel {
  void draw(AppState& state);

 private:
  const void* built_for_ = nullptr;
  std::size_t built_size_ = 0;
  std::vector<bool> present_;  // by category index
};

// Cursor position, country under it, last message.
struct StatusBar {
  void draw(AppState& state);
};

}  // namespace chronomap::ui

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

// Size, resolution, format and path of an image of the current view, rendered by the
// export path.
struct SnapshotDialog {
  void draw(AppState& state);
  char path[1024] = {};
  bool initialised = false;
  int dpi = 96;
  int quality = 90;  // JPEG
};

// Version, renderer, data attribution.
struct AboutDialog {
  void draw(AppState& state);
};

// The bottom timeline: a histogram of events with a date axis, zoomable and pannable
// in time; the links' lifespans as bars under it; the cursor slider; window length or
// cumulative mode; play/pause with a speed; steps by the window in calendar terms;
// jumps to the previous or next event; a field to type a date; the date in large type.
// Its range runs from the first event to today (or the last event, if later).
struct TimelinePanel {
  void draw(AppState& state, double seconds_since_last_frame);
  [[nodiscard]] bool playing() const { return playing_; }
  static constexpr float kHeight = 172.0f;

 private:
  void rebuild(const render::EventSet& events, const std::vector<render::Link>& links);
  void move_cursor(AppState& state, DayNumber day);
  void go_to_typed_date(AppState& state);
  struct LinkBar {
    std::size_t link;  // index into the map's links
    int lane;          // one lane per link kind present
  };
  bool playing_ = false;
  int speed_ = 1;  // index into the speeds
  double carry_ = 0;
  std::size_t built_for_ = static_cast<std::size_t>(-1);
  DayNumber first_ = 0, last_ = 0;            // the whole range
  DayNumber data_last_ = 0;                   // the last day of an event or link
  DayNumber view_first_ = 0, view_last_ = 0;  // the days the histogram shows
  std::vector<DayNumber> start_days_;  // sorted starts of the events: bins by binary search
  std::vector<DayNumber> event_days_;  // sorted, unique: starts of events and links
  std::vector<LinkBar> link_bars_;
  int lanes_ = 0;
  char date_text_[64] = {};
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

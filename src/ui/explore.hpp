// Reading the map's events: the card under the cursor, the inspector that a click
// pins, the counts drawn at stacks and the ring around the selected event, and the
// event table. Each drawn every frame by the shell, after the map's input.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "export/event_output.hpp"
#include "render/pick_index.hpp"
#include "ui/app_state.hpp"

namespace chronomap::ui {

// A click on the map at framebuffer pixels: pins the shown events there (a stack's
// members, nearest first) and selects the nearest; a click on nothing unpins.
void pin_events_at(AppState& state, double px, double py);

// The hover card (a tooltip): the event under the cursor, or how many are stacked
// there and the first of them, and every link under the cursor.
struct EventCard {
  void draw(AppState& state);

 private:
  std::int64_t logged_ = 0;  // the card last written to the pick log
  std::size_t logged_count_ = 0;
};

// The pinned events, each selectable, and every field of the selected one.
struct InspectorPanel {
  void draw(AppState& state);
};

// Counts at stacks of more than one shown event, and a ring at the selected event,
// drawn over the map (under the panels). Counts are recomputed when the camera or the
// time filter changes, not every frame.
struct MapOverlay {
  void draw(AppState& state, float framebuffer_scale);

 private:
  std::vector<render::StackCount> counts_;
  std::vector<double> key_;  // camera and filter the counts are for
};

// The events the map shows, one row each, sortable by date, category, country, place,
// title and fatalities; a row selected is the map's selection (and the map centres
// on it), a click on the map scrolls to its row; "Go" moves the date cursor to the
// event. Exports its rows as CSV or GeoJSON with the writer of `chronomap events`.
struct EventTablePanel {
  void draw(AppState& state);

 private:
  void rebuild_rows(AppState& state);
  void sort_rows(AppState& state, int column, bool ascending);
  void select(AppState& state, std::uint32_t event);
  std::string export_rows(AppState& state, exporting::OutputFormat format);

  std::vector<std::uint32_t> rows_;  // indices into the map's events, in display order
  std::vector<double> key_;          // time filter (and view) the rows are for
  double built_at_ = -1;
  int sorted_for_ = -1;              // column * 2 + ascending
  int text_column_ = -1;             // which text column text_ holds
  std::vector<std::string> text_;    // by event index
  std::vector<bool> text_loaded_;
  bool only_in_view_ = false;
  char path_[512] = {};
};

}  // namespace chronomap::ui

// The GUI's panels, one file each, each drawn every frame by the shell.
#pragma once

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

// Cursor position, country under it, last message.
struct StatusBar {
  void draw(AppState& state);
};

}  // namespace chronomap::ui

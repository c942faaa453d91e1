// The map window: GLFW + Dear ImGui shell over the core library.
#pragma once

#include <string>

namespace chronomap::ui {

struct GuiOptions {
  std::string projection;  // empty: the one used last time
  std::string boundaries;  // empty: the shipped countries
  std::string layer;
  std::string data;  // event store; empty: the default one
  std::string date;        // the date cursor to open on (YYYY-MM-DD); empty: the last date
  int window_days = -1;    // the time window in days, 0: all time; < 0: the default
  int report_frames = -1;  // see FrameLog: < 0 off, 0 every frame, N the first N then quit
};

// Opens the window and runs until it is closed; returns the exit status. With no
// display it says so in one line and returns 1.
int run_gui(const GuiOptions& options);

}  // namespace chronomap::ui

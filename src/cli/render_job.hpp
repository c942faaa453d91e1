// A headless render as plain values (what `chronomap render` asked for), and the
// code that carries it out: one image, or one per step of a date range.
#pragma once

#include <optional>
#include <string>

#include "core/date.hpp"
#include "geo/types.hpp"

namespace chronomap::cli {

struct RenderJob {
  std::string out, projection, boundaries, layer, data, title;
  int width = 1600, height = 1000;
  float scale = 1.0f;
  std::optional<geo::Extent> bbox;
  std::optional<DayNumber> date, from, to;
  int window_days = 30;
  int step_days = 7;
  bool cumulative = false;
  bool no_legend = false;
  bool no_data = false;  // the base map alone
  bool verbose = false;
};

// Renders and writes the PNG(s); returns the exit status. Throws chronomap errors.
int run_render_job(const RenderJob& job);

}  // namespace chronomap::cli

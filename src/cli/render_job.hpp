// A headless render as plain values (what `chronomap render` asked for), and the
// code that carries it out: one image, or one per step of a date range.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/date.hpp"
#include "export/composer.hpp"
#include "export/image_format.hpp"
#include "export/project.hpp"
#include "geo/types.hpp"
#include "render/density.hpp"
#include "render/theme.hpp"
#include "store/records.hpp"

namespace chronomap::cli {

// A series writes at most this many frames unless --max-frames says more: a typo in
// --from/--to/--step must not fill the disk.
inline constexpr std::int64_t kDefaultMaxFrames = 10000;
// Frames per second of an animation (GIF, MP4, WebM) unless --fps says otherwise.
inline constexpr int kDefaultFps = 4;

struct RenderJob {
  std::string out, projection, boundaries, layer, data;
  exporting::Layout layout;  // title, legend, caption, scale bar...
  int width = 1600, height = 1000;
  float scale = 1.0f;  // View::scale: design px -> image px (--scale, or --dpi / 96)
  // --dpi, or the paper's; recorded in the file. None: no resolution is written.
  std::optional<double> dpi;
  std::optional<exporting::ImageFormat> format;  // --format; otherwise --out's extension
  std::optional<int> quality;                     // --quality, JPEG only (default 90)
  std::optional<int> fps;                         // --fps, animations only (default kDefaultFps)
  std::optional<geo::Extent> bbox;
  std::optional<DayNumber> date, from, to;
  int window_days = 30;
  int step_days = 7;
  std::int64_t max_frames = kDefaultMaxFrames;
  bool cumulative = false;
  render::DensityMode density = render::DensityMode::automatic;
  render::Theme theme;  // --theme: light (print) or dark (screen)
  bool no_data = false;  // the base map alone
  bool verbose = false;
  // What is drawn of the store: --country, --category, --text, --actor... for the
  // events; the links follow --country.
  store::EventFilter events;
  store::LinkFilter links;
  // --project: the window's saved view. Its projection, area, time, layers, density,
  // filters and furniture replace those above (the events are loaded whole and masked
  // as the window masks them, so the image is the window's snapshot to the pixel).
  std::optional<exporting::Project> project;
};

// The number of frames a --from/--to/--step series has, counted in 64 bits (a day
// counter stepped by 2147483647 would overflow). UsageError when it exceeds
// job.max_frames, saying how many it would be and how to allow them.
std::int64_t series_frame_count(const RenderJob& job);

// Renders and writes the image(s) or the animation; returns the exit status (130
// when an animation was interrupted by SIGINT or SIGTERM, leaving no file). Throws
// chronomap errors.
int run_render_job(const RenderJob& job);

}  // namespace chronomap::cli

// A date series as an animation: the frames from one day to another drawn one at a
// time with the exporter's renderer, each with its date stamp, and encoded as they
// are drawn. `chronomap render --out x.gif` runs it to the end; the window's "Export
// animation…" runs a few frames per window frame, so it stays responsive and can
// cancel.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "core/date.hpp"
#include "export/animation_writer.hpp"
#include "export/composer.hpp"
#include "export/snapshot.hpp"
#include "render/map_renderer.hpp"

namespace chronomap::exporting {

struct AnimationJob {
  std::filesystem::path out;
  AnimationSettings settings;  // format, size, frames per second
  DayNumber from = 0, to = 0;  // the first frame's day, and the last day a frame may have
  int step_days = 7;
};

// The number of frames from `from` to `to` by `step_days` (64 bits: no overflow).
std::int64_t animation_frame_count(DayNumber from, DayNumber to, int step_days);

class AnimationExport {
 public:
  // Opens the file (AnimationWriter::open's checks and errors) and, for a GIF, draws
  // the frames its palette is chosen from: the first day's and one with every event
  // and link shown, so colours that appear late are in the palette too. Each frame is
  // composed by `composer` (the date stamp, caption and legend are the frame's) with
  // `view`'s camera fitted by it. `renderer`, `scene`, `projection` and what `content`
  // points to must outlive the export; the renderer's furniture is left empty after
  // each frame.
  AnimationExport(render::MapRenderer& renderer, const render::View& view, const render::Scene& scene,
                  const geo::Projection& projection, Composer composer, MapContent content, AnimationJob job);

  [[nodiscard]] std::int64_t frame_count() const { return count_; }
  [[nodiscard]] std::int64_t frames_done() const { return done_; }
  [[nodiscard]] bool all_drawn() const { return done_ >= count_; }
  [[nodiscard]] DayNumber next_day() const;
  // Draws and encodes the next frame.
  void add_next_frame();
  // Finishes the file and renames it into place (after every frame).
  void finish();
  // Removes the unfinished file (what destruction without finish() does too).
  void cancel() { writer_.cancel(); }

 private:
  void draw(DayNumber day, const RowSink& sink);
  render::MapRenderer& renderer_;
  render::View view_;
  const render::Scene& scene_;
  const geo::Projection& projection_;
  Composer composer_;
  MapContent content_;
  AnimationJob job_;
  std::int64_t count_ = 0, done_ = 0;
  ImageRenderer images_;
  AnimationWriter writer_;
};

}  // namespace chronomap::exporting

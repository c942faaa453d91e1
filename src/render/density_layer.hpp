// The density layer: the events that pass the time window as a heatmap (kernel
// density) or as counts per hexagon, computed on the GPU in a float framebuffer of its
// own by additive blending, then drawn through the colour ramp into the framebuffer
// that was bound. See render/density.hpp for the rules and units.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "geo/projection.hpp"
#include "render/density.hpp"
#include "render/frame.hpp"
#include "render/event_mask.hpp"
#include "render/gl.hpp"
#include "render/layers.hpp"
#include "render/program.hpp"
#include "render/time_data.hpp"

namespace chronomap::render {

class DensityLayer {
 public:
  DensityLayer();
  // Projects and uploads positions and days (16 bytes an event), sorted by start day
  // so that a frame draws only the events that start in the window or within the
  // longest event's span before it, and counts the days.
  void upload(const EventSet& events, const geo::Projection& projection);
  // Which events pass the filters, by EventSet index (empty: all); kept until the
  // next upload. `auto` counts only these: a filter that leaves few events in the
  // window draws them as points.
  void set_mask(std::span<const std::uint8_t> passes);

  // What a frame of image_width×image_height at `scale` draws under `mode`.
  [[nodiscard]] DensityMode effective(DensityMode mode, const TimeFilter& filter, int image_width, int image_height,
                                      float scale) const;
  // The ramp's values and units for a frame drawn in `effective` mode.
  [[nodiscard]] DensityLegend legend(DensityMode effective, const Camera& camera, float scale) const;

  // Draws the heatmap or the hexagons of one tile into the bound framebuffer (whose
  // viewport is the tile), over what is there. The bound framebuffer and viewport are
  // restored after the density pass.
  void draw(DensityMode effective, const FrameTransform& frame, const TimeFilter& filter, const Camera& camera,
            int image_width, int image_height, const Tile& tile) const;

  // The count of each cell of `grid` (q fastest) as the GPU makes it: for tests.
  [[nodiscard]] std::vector<float> count_cells(const FrameTransform& frame, const TimeFilter& filter,
                                               const HexGrid& grid) const;

 private:
  // A single-channel float colour target, grown or shrunk to the size asked; bound
  // for drawing, cleared, with additive blending.
  struct FloatTarget {
    GlTexture texture;
    GlFramebuffer framebuffer;
    int width = 0, height = 0;
    void bind(int w, int h, GLint filter);
  };
  // Binds the vertex array with its instances starting at the first event the window
  // can show; returns how many to draw.
  [[nodiscard]] GLsizei bind_window(const TimeFilter& filter) const;
  void accumulate_heat(const FrameTransform& frame, const TimeFilter& filter, float unit) const;
  void accumulate_cells(const FrameTransform& frame, const TimeFilter& filter, const HexGrid& grid) const;

  Program heat_, count_, ramp_;
  QuadCorners corners_{QuadCorners::Kind::marker};
  GlVertexArray vao_, empty_vao_;
  GlBuffer instances_;
  std::vector<std::size_t> order_;  // EventSet index of each instance
  std::vector<DayNumber> starts_, ends_;  // each instance's days, to count what a mask passes
  EventMask mask_;
  GLsizei count_events_ = 0;
  DayCounts days_;          // every event with an image: the draw range
  DayCounts passing_days_;  // those the mask passes: what `auto` counts
  double longest_span_ = 0;  // days from start to end of the longest event
  geo::Extent extent_;       // of all events, projected: nothing is drawn beyond it
  std::optional<geo::Projection> projection_;
  mutable FloatTarget heat_target_, cell_target_;
};

}  // namespace chronomap::render

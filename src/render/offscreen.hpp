// An offscreen target: a plain (single-sampled) framebuffer holding the image, from
// which it is read back or blitted to a window, and a multisampled band with a
// stencil (the fill method needs one) for what needs the samples (the base map's
// polygon edges), drawn band by band and resolved into the image. What anti-aliases
// itself in its shader (events, arcs, text) is then drawn into the image directly.
// The band bounds the multisampled memory (4 samples of colour, depth and stencil
// for the whole of a 4K image would be 265 MB, zeroed by a software rasteriser).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>

#include "core/image.hpp"
#include "render/frame.hpp"
#include "render/gl.hpp"

namespace chronomap::render {

class OffscreenTarget {
 public:
  // Throws chronomap::Error when the GPU cannot make a framebuffer this size.
  OffscreenTarget(int width, int height, int samples = 4);

  [[nodiscard]] int width() const { return width_; }
  [[nodiscard]] int height() const { return height_; }
  // Calls `draw` once per band with the multisampled band bound, `tile` narrowed to
  // the band's rows (the part of the image that band holds), and resolves each band
  // into the image. Leaves the plain framebuffer bound for drawing.
  void draw_multisampled(const Tile& tile, const std::function<void(const Tile& band)>& draw) const;
  // Binds the plain framebuffer for drawing (its pixels kept) and sets the viewport.
  void bind_resolved() const;
  // Reads `rows` rows of the plain framebuffer from row `first` (top row 0) into
  // `out`, top row first, `stride` bytes apart: flipped while read, no image copy.
  void read_rows(int first, int rows, std::uint8_t* out, std::size_t stride) const;
  // The plain framebuffer's pixels, top row first.
  [[nodiscard]] Image read_pixels() const;
  // Copies the plain framebuffer into framebuffer `target` (0: the window), same size.
  void blit_into(GLuint target) const;
  // Copies the plain framebuffer of `other` (same size) into this one's.
  void copy_resolved_from(const OffscreenTarget& other) const;

  // The largest width or height one framebuffer may have on this GPU.
  static int max_size();

 private:
  int width_, height_;
  int band_height_;  // rows of the multisampled band; == height_: no band buffer needed
  GlFramebuffer msaa_fbo_, band_fbo_, resolve_fbo_;
  GlRenderbuffer msaa_color_, msaa_stencil_, band_color_, resolve_color_;
};

}  // namespace chronomap::render

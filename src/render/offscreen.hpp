// An offscreen framebuffer pair: a multisampled one with a stencil (the fill method
// needs one) for the base map, whose polygon edges need the samples, and a plain one
// it resolves into, where what anti-aliases itself in its shader (events, arcs, text)
// is drawn single-sampled and from which the image is read back or blitted to a window.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/image.hpp"
#include "render/gl.hpp"

namespace chronomap::render {

class OffscreenTarget {
 public:
  // Throws chronomap::Error when the GPU cannot make a framebuffer this size.
  OffscreenTarget(int width, int height, int samples = 4);

  [[nodiscard]] int width() const { return width_; }
  [[nodiscard]] int height() const { return height_; }
  // Binds the multisampled framebuffer for drawing and sets the viewport.
  void bind() const;
  // Resolves the samples into the plain framebuffer and binds that one for drawing.
  void resolve() const;
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
  GlFramebuffer msaa_fbo_, resolve_fbo_;
  GlRenderbuffer msaa_color_, msaa_stencil_, resolve_color_;
};

}  // namespace chronomap::render

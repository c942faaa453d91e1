// An offscreen, multisampled framebuffer with a stencil (the fill method needs one)
// that resolves into a plain one for reading back or blitting to a window.
#pragma once

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
  // Resolves the samples and reads the pixels back, top row first.
  [[nodiscard]] Image read_pixels() const;
  // Resolves the samples into framebuffer `target` (0: the window), same size.
  void resolve_into(GLuint target) const;

  // Copies all samples of `other` (same size and sample count) into this target.
  void copy_from(const OffscreenTarget& other) const;

  // The largest width or height one framebuffer may have on this GPU.
  static int max_size();

 private:
  int width_, height_;
  GLsizei samples_ = 0;
  GlFramebuffer msaa_fbo_, resolve_fbo_;
  GlRenderbuffer msaa_color_, msaa_stencil_, resolve_color_;
};

}  // namespace chronomap::render

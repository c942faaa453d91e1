// Framebuffer objects for offscreen drawing and read-back.
#include "render/offscreen.hpp"

#include <algorithm>
#include <string>

#include "core/error.hpp"

namespace chronomap::render {
namespace {

GlRenderbuffer make_renderbuffer(GLsizei samples, GLenum format, int width, int height) {
  GLuint name = 0;
  glGenRenderbuffers(1, &name);
  glBindRenderbuffer(GL_RENDERBUFFER, name);
  glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, format, width, height);
  return GlRenderbuffer(name);
}

GlFramebuffer make_framebuffer() {
  GLuint name = 0;
  glGenFramebuffers(1, &name);
  return GlFramebuffer(name);
}

// The most bytes the multisampled band may take (colour and depth-stencil, 4 bytes
// each per sample).
constexpr long long kBandBytes = 32LL << 20;

// Attaches `color` (and `depth_stencil` when given) to a new framebuffer; false when incomplete.
bool attach(GlFramebuffer& fbo, const GlRenderbuffer& color, const GlRenderbuffer* depth_stencil) {
  fbo = make_framebuffer();
  glBindFramebuffer(GL_FRAMEBUFFER, fbo.get());
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color.get());
  if (depth_stencil != nullptr)
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, depth_stencil->get());
  return glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
}

}  // namespace

int OffscreenTarget::max_size() {
  GLint renderbuffer = 0, viewport[2] = {0, 0};
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &renderbuffer);
  glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport);
  return std::min({renderbuffer, viewport[0], viewport[1]});
}

OffscreenTarget::OffscreenTarget(int width, int height, int samples) : width_(width), height_(height) {
  GLint max_samples = 0;
  glGetIntegerv(GL_MAX_SAMPLES, &max_samples);
  const GLsizei n = std::clamp(samples, 0, max_samples);
  const long long bytes_per_row = static_cast<long long>(width) * std::max(n, 1) * 8;
  band_height_ = static_cast<int>(std::clamp<long long>(kBandBytes / std::max(bytes_per_row, 1LL), 16, height));
  msaa_color_ = make_renderbuffer(n, GL_RGBA8, width, band_height_);
  msaa_stencil_ = make_renderbuffer(n, GL_DEPTH24_STENCIL8, width, band_height_);
  resolve_color_ = make_renderbuffer(0, GL_RGBA8, width, height);
  bool complete = attach(msaa_fbo_, msaa_color_, &msaa_stencil_) && attach(resolve_fbo_, resolve_color_, nullptr);
  if (band_height_ < height) {
    // A multisample resolve must keep its rectangle: each band is resolved into a
    // band-sized buffer first, then copied to its rows of the image.
    band_color_ = make_renderbuffer(0, GL_RGBA8, width, band_height_);
    complete = complete && attach(band_fbo_, band_color_, nullptr);
  }
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  if (!complete || glGetError() != GL_NO_ERROR) {
    throw Error("cannot make a " + std::to_string(width) + "x" + std::to_string(height) +
                " offscreen framebuffer on this GPU");
  }
}

void OffscreenTarget::draw_multisampled(const Tile& tile, const std::function<void(const Tile& band)>& draw) const {
  for (int top = 0; top < height_; top += band_height_) {
    const int rows = std::min(band_height_, height_ - top);
    glBindFramebuffer(GL_FRAMEBUFFER, msaa_fbo_.get());
    glViewport(0, 0, width_, band_height_);
    draw({tile.x, tile.y + top, tile.width, band_height_});
    // The band's top `rows` rows are GL rows [band_height_ - rows, band_height_); in
    // the image they are GL rows [height_ - top - rows, height_ - top).
    glBindFramebuffer(GL_READ_FRAMEBUFFER, msaa_fbo_.get());
    const GLuint resolved = band_fbo_ ? band_fbo_.get() : resolve_fbo_.get();
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolved);
    glBlitFramebuffer(0, 0, width_, band_height_, 0, 0, width_, band_height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    if (band_fbo_) {
      glBindFramebuffer(GL_READ_FRAMEBUFFER, band_fbo_.get());
      glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolve_fbo_.get());
      glBlitFramebuffer(0, band_height_ - rows, width_, band_height_, 0, height_ - top - rows, width_, height_ - top,
                        GL_COLOR_BUFFER_BIT, GL_NEAREST);
    }
  }
  bind_resolved();
}

void OffscreenTarget::bind_resolved() const {
  glBindFramebuffer(GL_FRAMEBUFFER, resolve_fbo_.get());
  glViewport(0, 0, width_, height_);
}

void OffscreenTarget::blit_into(GLuint target) const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, resolve_fbo_.get());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target);
  glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void OffscreenTarget::copy_resolved_from(const OffscreenTarget& other) const { other.blit_into(resolve_fbo_.get()); }

void OffscreenTarget::read_rows(int first, int rows, std::uint8_t* out, std::size_t stride) const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, resolve_fbo_.get());
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  // GL counts rows from the bottom: image row `first + i` is GL row height - 1 - first - i.
  // Reading a block of rows then reversing it in place flips without a second buffer.
  const auto row_bytes = static_cast<std::size_t>(width_) * 4;
  glPixelStorei(GL_PACK_ROW_LENGTH, static_cast<GLint>(stride / 4));
  glReadPixels(0, height_ - first - rows, width_, rows, GL_RGBA, GL_UNSIGNED_BYTE, out);
  glPixelStorei(GL_PACK_ROW_LENGTH, 0);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  check_gl("reading back the image");
  for (int a = 0, b = rows - 1; a < b; ++a, --b) {
    std::swap_ranges(out + static_cast<std::size_t>(a) * stride, out + static_cast<std::size_t>(a) * stride + row_bytes,
                     out + static_cast<std::size_t>(b) * stride);
  }
}

Image OffscreenTarget::read_pixels() const {
  Image image(width_, height_);
  read_rows(0, height_, image.data(), static_cast<std::size_t>(width_) * 4);
  return image;
}

}  // namespace chronomap::render

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
  msaa_color_ = make_renderbuffer(n, GL_RGBA8, width, height);
  msaa_stencil_ = make_renderbuffer(n, GL_DEPTH24_STENCIL8, width, height);
  resolve_color_ = make_renderbuffer(0, GL_RGBA8, width, height);
  msaa_fbo_ = make_framebuffer();
  glBindFramebuffer(GL_FRAMEBUFFER, msaa_fbo_.get());
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, msaa_color_.get());
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, msaa_stencil_.get());
  const GLenum msaa_status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
  resolve_fbo_ = make_framebuffer();
  glBindFramebuffer(GL_FRAMEBUFFER, resolve_fbo_.get());
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, resolve_color_.get());
  const GLenum resolve_status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  if (msaa_status != GL_FRAMEBUFFER_COMPLETE || resolve_status != GL_FRAMEBUFFER_COMPLETE || glGetError() != GL_NO_ERROR) {
    throw Error("cannot make a " + std::to_string(width) + "x" + std::to_string(height) +
                " offscreen framebuffer on this GPU");
  }
}

void OffscreenTarget::bind() const {
  glBindFramebuffer(GL_FRAMEBUFFER, msaa_fbo_.get());
  glViewport(0, 0, width_, height_);
}

void OffscreenTarget::resolve() const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, msaa_fbo_.get());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolve_fbo_.get());
  glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
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

// OpenGL 3.3 core entry points (through libglvnd's libOpenGL, whichever of GLX or
// EGL made the context) and small RAII owners for GL objects.
#pragma once

#include <GL/glcorearb.h>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace chronomap::render {

// Owns one GL object name; `Deleter` releases it. Move-only.
template <void (*Delete)(GLuint)>
class GlName {
 public:
  GlName() = default;
  explicit GlName(GLuint name) : name_(name) {}
  ~GlName() { reset(); }
  GlName(GlName&& other) noexcept : name_(std::exchange(other.name_, 0)) {}
  GlName& operator=(GlName&& other) noexcept {
    if (this != &other) {
      reset();
      name_ = std::exchange(other.name_, 0);
    }
    return *this;
  }
  GlName(const GlName&) = delete;
  GlName& operator=(const GlName&) = delete;

  [[nodiscard]] GLuint get() const { return name_; }
  explicit operator bool() const { return name_ != 0; }
  void reset() {
    if (name_ != 0) Delete(name_);
    name_ = 0;
  }

 private:
  GLuint name_ = 0;
};

namespace detail {
inline void delete_buffer(GLuint n) { glDeleteBuffers(1, &n); }
inline void delete_vertex_array(GLuint n) { glDeleteVertexArrays(1, &n); }
inline void delete_texture(GLuint n) { glDeleteTextures(1, &n); }
inline void delete_framebuffer(GLuint n) { glDeleteFramebuffers(1, &n); }
inline void delete_renderbuffer(GLuint n) { glDeleteRenderbuffers(1, &n); }
inline void delete_program(GLuint n) { glDeleteProgram(n); }
}  // namespace detail

using GlBuffer = GlName<detail::delete_buffer>;
using GlVertexArray = GlName<detail::delete_vertex_array>;
using GlTexture = GlName<detail::delete_texture>;
using GlFramebuffer = GlName<detail::delete_framebuffer>;
using GlRenderbuffer = GlName<detail::delete_renderbuffer>;
using GlProgramName = GlName<detail::delete_program>;

GlBuffer make_buffer();
GlVertexArray make_vertex_array();
GlTexture make_texture();

// Points vertex attribute `index` of the bound vertex array at `size` floats,
// `offset` bytes into each `stride`-byte record of the bound array buffer, advancing
// once per vertex.
void vertex_attribute(GLuint index, GLint size, std::size_t stride, std::size_t offset);
// The same, advancing once per instance (the layers draw instanced quads).
void instance_attribute(GLuint index, GLint size, std::size_t stride, std::size_t offset);

// Replaces the contents of `buffer` (left bound as the array buffer) with `records`;
// returns how many there are, the count a draw call takes.
template <typename Record>
GLsizei upload_records(const GlBuffer& buffer, const std::vector<Record>& records, GLenum usage = GL_STATIC_DRAW) {
  glBindBuffer(GL_ARRAY_BUFFER, buffer.get());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(records.size() * sizeof(Record)), records.data(), usage);
  return static_cast<GLsizei>(records.size());
}

// Throws chronomap::Error with `where` and the GL error when one is pending.
void check_gl(const char* where);

// "llvmpipe (LLVM 15.0.6, 256 bits) / OpenGL 4.5 (Core Profile) Mesa 22.3.6"
std::string describe_gl_renderer();

}  // namespace chronomap::render

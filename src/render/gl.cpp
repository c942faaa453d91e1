// GL object creation and error reporting.
#include "render/gl.hpp"

#include "core/error.hpp"

namespace chronomap::render {

GlBuffer make_buffer() {
  GLuint name = 0;
  glGenBuffers(1, &name);
  return GlBuffer(name);
}

GlVertexArray make_vertex_array() {
  GLuint name = 0;
  glGenVertexArrays(1, &name);
  return GlVertexArray(name);
}

GlTexture make_texture() {
  GLuint name = 0;
  glGenTextures(1, &name);
  return GlTexture(name);
}

void vertex_attribute(GLuint index, GLint size, std::size_t stride, std::size_t offset) {
  glEnableVertexAttribArray(index);
  glVertexAttribPointer(index, size, GL_FLOAT, GL_FALSE, static_cast<GLsizei>(stride),
                        reinterpret_cast<const void*>(offset));
}

void instance_attribute(GLuint index, GLint size, std::size_t stride, std::size_t offset) {
  vertex_attribute(index, size, stride, offset);
  glVertexAttribDivisor(index, 1);
}

void check_gl(const char* where) {
  const GLenum error = glGetError();
  if (error == GL_NO_ERROR) return;
  const char* name = "unknown error";
  switch (error) {
    case GL_INVALID_ENUM: name = "GL_INVALID_ENUM"; break;
    case GL_INVALID_VALUE: name = "GL_INVALID_VALUE"; break;
    case GL_INVALID_OPERATION: name = "GL_INVALID_OPERATION"; break;
    case GL_INVALID_FRAMEBUFFER_OPERATION: name = "GL_INVALID_FRAMEBUFFER_OPERATION"; break;
    case GL_OUT_OF_MEMORY: name = "GL_OUT_OF_MEMORY (image too large for this GPU?)"; break;
    default: break;
  }
  throw Error(std::string("OpenGL error in ") + where + ": " + name);
}

std::string describe_gl_renderer() {
  auto text = [](GLenum what) {
    const auto* value = reinterpret_cast<const char*>(glGetString(what));
    return std::string(value != nullptr ? value : "?");
  };
  return text(GL_RENDERER) + " / OpenGL " + text(GL_VERSION);
}

}  // namespace chronomap::render

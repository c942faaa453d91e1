// A linked GLSL program built from the shaders embedded from shaders/.
#pragma once

#include <string>
#include <string_view>

#include "render/gl.hpp"

namespace chronomap::render {

struct FrameTransform;

class Program {
 public:
  // Compiles shaders/<name>.vert (after shaders/common.glsl) and shaders/<name>.frag.
  // Throws chronomap::Error with the shader's name and the compiler's log.
  explicit Program(std::string_view name);

  void use() const { glUseProgram(program_.get()); }
  [[nodiscard]] GLint uniform(const char* name) const { return glGetUniformLocation(program_.get(), name); }
  // Sets the frame uniforms every vertex shader shares (common.glsl).
  void set_frame(const FrameTransform& frame) const;

 private:
  GlProgramName program_;
  GLint to_pixel_ = -1;
  GLint tile_ = -1;
};

}  // namespace chronomap::render

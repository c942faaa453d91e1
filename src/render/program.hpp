// A linked GLSL program built from the shaders embedded from shaders/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "render/gl.hpp"
#include "render/theme.hpp"

namespace chronomap::render {

struct FrameTransform;

class Program {
 public:
  // Compiles shaders/<name>.vert (after shaders/common.glsl) and shaders/<name>.frag,
  // both after shaders/<include> when one is named (functions the two stages share).
  // Throws chronomap::Error with the shader's name and the compiler's log.
  explicit Program(std::string_view name, std::string_view include = {});

  void use() const { glUseProgram(program_.get()); }
  [[nodiscard]] GLint uniform(const char* name) const { return glGetUniformLocation(program_.get(), name); }
  // Sets the frame uniforms every vertex shader shares (common.glsl).
  void set_frame(const FrameTransform& frame) const;

 private:
  GlProgramName program_;
  GLint to_pixel_ = -1;
  GLint tile_ = -1;
};

// Sets a `uniform vec4 name[n]` to the colours color(0) .. color(n - 1).
void set_color_array(GLint location, std::size_t n, Color (*color)(std::uint8_t));

}  // namespace chronomap::render

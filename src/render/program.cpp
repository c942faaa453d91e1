// Shader compilation and linking with readable errors.
#include "render/program.hpp"

#include <string>
#include <vector>

#include "core/embedded.hpp"
#include "core/error.hpp"
#include "render/frame.hpp"

namespace chronomap::render {
namespace {

GLuint compile(GLenum stage, const std::string& source, const std::string& label) {
  const GLuint shader = glCreateShader(stage);
  const char* text = source.c_str();
  glShaderSource(shader, 1, &text, nullptr);
  glCompileShader(shader);
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (ok == 0) {
    GLint length = 0;
    glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
    std::string log(static_cast<std::size_t>(std::max(length, 1)), '\0');
    glGetShaderInfoLog(shader, length, nullptr, log.data());
    glDeleteShader(shader);
    throw Error("shader " + label + " does not compile: " + log);
  }
  return shader;
}

}  // namespace

Program::Program(std::string_view name, std::string_view include) {
  const auto shaders = embedded_shaders();
  const std::string base(name);
  const std::string shared = include.empty() ? std::string() : std::string(find_embedded(shaders, include).text());
  const std::string vertex_source = "#version 330 core\n" +
                                    std::string(find_embedded(shaders, "common.glsl").text()) + shared + "#line 1\n" +
                                    std::string(find_embedded(shaders, base + ".vert").text());
  const std::string fragment_source =
      "#version 330 core\n" + shared + "#line 1\n" + std::string(find_embedded(shaders, base + ".frag").text());
  const GLuint vertex = compile(GL_VERTEX_SHADER, vertex_source, base + ".vert");
  const GLuint fragment = compile(GL_FRAGMENT_SHADER, fragment_source, base + ".frag");
  program_ = GlProgramName(glCreateProgram());
  glAttachShader(program_.get(), vertex);
  glAttachShader(program_.get(), fragment);
  glLinkProgram(program_.get());
  glDeleteShader(vertex);
  glDeleteShader(fragment);
  GLint ok = 0;
  glGetProgramiv(program_.get(), GL_LINK_STATUS, &ok);
  if (ok == 0) {
    char log[2048] = {};
    glGetProgramInfoLog(program_.get(), sizeof log, nullptr, log);
    throw Error("shader program " + base + " does not link: " + log);
  }
  to_pixel_ = uniform("u_to_pixel");
  tile_ = uniform("u_tile");
}

void Program::set_frame(const FrameTransform& frame) const {
  glUniform4f(to_pixel_, frame.to_pixel[0], frame.to_pixel[1], frame.to_pixel[2], frame.to_pixel[3]);
  glUniform4f(tile_, frame.tile[0], frame.tile[1], frame.tile[2], frame.tile[3]);
}

void set_color_array(GLint location, std::size_t n, Color (*color)(std::uint8_t)) {
  std::vector<float> values;
  values.reserve(n * 4);
  for (std::size_t i = 0; i < n; ++i) {
    const Color c = color(static_cast<std::uint8_t>(i));
    values.insert(values.end(), {c.r, c.g, c.b, c.a});
  }
  glUniform4fv(location, static_cast<GLsizei>(n), values.data());
}

}  // namespace chronomap::render

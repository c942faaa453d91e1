// Point markers (places, Moscow) as instanced antialiased discs.
#include "render/layers.hpp"

#include <cstdint>

namespace chronomap::render {

MarkerLayer::MarkerLayer() : program_("marker"), vao_(make_vertex_array()), instances_(make_buffer()) {
  scale_ = program_.uniform("u_scale");
  glBindVertexArray(vao_.get());
  corners_.bind_to_attribute_0();
  glBindBuffer(GL_ARRAY_BUFFER, instances_.get());
  auto attribute = [](GLuint index, GLint size, std::size_t offset) {
    instance_attribute(index, size, sizeof(Marker), offset);
  };
  attribute(1, 2, offsetof(Marker, position));
  attribute(2, 1, offsetof(Marker, radius));
  attribute(3, 4, offsetof(Marker, fill));
  attribute(4, 4, offsetof(Marker, stroke));
  glBindVertexArray(0);
}

void MarkerLayer::upload(const std::vector<Marker>& markers) {
  glBindBuffer(GL_ARRAY_BUFFER, instances_.get());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(markers.size() * sizeof(Marker)), markers.data(),
               GL_STATIC_DRAW);
  count_ = static_cast<GLsizei>(markers.size());
}

void MarkerLayer::draw(const FrameTransform& frame) const {
  if (count_ == 0) return;
  program_.use();
  program_.set_frame(frame);
  glUniform1f(scale_, frame.scale);
  glBindVertexArray(vao_.get());
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, count_);
  glBindVertexArray(0);
}

}  // namespace chronomap::render

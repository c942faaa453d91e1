// Lines: segments uploaded once as instances; a batch per style drawn by pointing
// the instance attributes at its range (OpenGL 3.3 has no base-instance draw).
#include "render/layers.hpp"

#include <cstdint>

namespace chronomap::render {

LineLayer::LineLayer() : program_("line"), vao_(make_vertex_array()), segments_(make_buffer()) {
  color_ = program_.uniform("u_color");
  width_ = program_.uniform("u_width");
  glBindVertexArray(vao_.get());
  corners_.bind_to_attribute_0();
  glBindVertexArray(0);
}

void LineLayer::upload(const Scene& scene) {
  upload_records(segments_, scene.segments);
  batches_ = scene.lines;
}

void LineLayer::begin(const FrameTransform& frame) const {
  program_.use();
  program_.set_frame(frame);
  glBindVertexArray(vao_.get());
}

void LineLayer::draw_batch(const LineBatch& batch, const Theme& theme, float scale) const {
  glBindBuffer(GL_ARRAY_BUFFER, segments_.get());
  const auto offset = static_cast<std::uintptr_t>(batch.first) * sizeof(Segment);
  instance_attribute(1, 2, sizeof(Segment), offset);
  instance_attribute(2, 2, sizeof(Segment), offset + sizeof(Vec2));
  const Color c = theme.line(batch.style);
  glUniform4f(color_, c.r, c.g, c.b, c.a);
  glUniform1f(width_, theme.line_width(batch.style) * scale);
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, batch.count);
}

}  // namespace chronomap::render

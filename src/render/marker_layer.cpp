// Point markers (places, Moscow) as instanced antialiased discs.
#include "render/layers.hpp"

#include <cstdint>

namespace chronomap::render {

MarkerLayer::MarkerLayer() : program_("marker"), vao_(make_vertex_array()), instances_(make_buffer()) {
  scale_ = program_.uniform("u_scale");
  corners_.set_up_instances(vao_, instances_, sizeof(Marker),
                            {{1, 2, offsetof(Marker, position)},
                             {2, 1, offsetof(Marker, radius)},
                             {3, 4, offsetof(Marker, fill)},
                             {4, 4, offsetof(Marker, stroke)}});
}

void MarkerLayer::upload(const std::vector<Marker>& markers) {
  count_ = upload_records(instances_, markers);
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

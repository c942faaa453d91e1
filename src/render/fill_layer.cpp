// Polygon fills by the stencil method: every ring of a batch is drawn as a triangle
// fan that inverts the stencil (so holes, multipolygons and concave shapes come out
// right by the even-odd rule with no CPU triangulation), then one quad over the batch
// colours the pixels whose stencil is set and clears them for the next batch.
#include "render/layers.hpp"

namespace chronomap::render {

QuadCorners::QuadCorners(Kind kind) : buffer_(make_buffer()) {
  // Triangle-strip order: (lo_x, lo_y), (1, lo_y), (lo_x, 1), (1, 1).
  const float lo_x = kind == Kind::marker ? -1.0f : 0.0f;
  const float lo_y = kind == Kind::text ? 0.0f : -1.0f;
  const float corners[] = {lo_x, lo_y, 1.0f, lo_y, lo_x, 1.0f, 1.0f, 1.0f};
  glBindBuffer(GL_ARRAY_BUFFER, buffer_.get());
  glBufferData(GL_ARRAY_BUFFER, sizeof corners, corners, GL_STATIC_DRAW);
}

void QuadCorners::bind_to_attribute_0() const {
  glBindBuffer(GL_ARRAY_BUFFER, buffer_.get());
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
}

void QuadCorners::set_up_instances(const GlVertexArray& vao, const GlBuffer& instances, std::size_t stride,
                                   std::initializer_list<Field> fields) const {
  glBindVertexArray(vao.get());
  bind_to_attribute_0();
  glBindBuffer(GL_ARRAY_BUFFER, instances.get());
  for (const Field& f : fields) instance_attribute(f.index, f.size, stride, f.offset);
  glBindVertexArray(0);
}

FillLayer::FillLayer() : program_("fill"), vao_(make_vertex_array()), vertices_(make_buffer()) {
  color_ = program_.uniform("u_color");
}

void FillLayer::upload(const Scene& scene) {
  glBindVertexArray(vao_.get());
  upload_records(vertices_, scene.fill_vertices);
  vertex_attribute(0, 2, sizeof(Vec2), 0);
  glBindVertexArray(0);
  batches_.clear();
  for (const auto& b : scene.fills) {
    Batch batch{b.color, {}, {}, b.cover_first};
    for (const auto& ring : b.rings) {
      batch.firsts.push_back(ring.first);
      batch.counts.push_back(ring.count);
    }
    batches_.push_back(std::move(batch));
  }
}

void FillLayer::draw(const FrameTransform& frame) const {
  program_.use();
  program_.set_frame(frame);
  glBindVertexArray(vao_.get());
  glEnable(GL_STENCIL_TEST);
  glStencilMask(0xff);
  for (const auto& b : batches_) {
    glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
    glStencilFunc(GL_ALWAYS, 0, 0xff);
    glStencilOp(GL_KEEP, GL_KEEP, GL_INVERT);
    glMultiDrawArrays(GL_TRIANGLE_FAN, b.firsts.data(), b.counts.data(), static_cast<GLsizei>(b.firsts.size()));
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glStencilFunc(GL_NOTEQUAL, 0, 0xff);
    glStencilOp(GL_ZERO, GL_ZERO, GL_ZERO);
    glUniform4f(color_, b.color.r, b.color.g, b.color.b, b.color.a);
    glDrawArrays(GL_TRIANGLE_STRIP, b.cover_first, 4);
  }
  glDisable(GL_STENCIL_TEST);
  glBindVertexArray(0);
}

}  // namespace chronomap::render

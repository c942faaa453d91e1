// Events as instanced markers (the category's shape, hollow for an imprecise date)
// with per-event dates; see shaders/event.vert. Uploaded in SpanIndex order, so each
// frame draws only the index ranges its window can touch.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "render/symbols.hpp"
#include "render/time_layers.hpp"

namespace chronomap::render {
namespace {

struct EventInstance {
  float position[2];
  float days[2];
  float category;
  float fatalities;
  float precision;  // render::PrecisionFlags
};

// Events drawn between two flushes.
constexpr std::size_t kEventsPerFlush = std::size_t{1} << 14;

}  // namespace

void EventLayer::point_instances_at(std::size_t first) const {
  // GL 3.3 has no base instance: a range is drawn by pointing the instance
  // attributes at its first record.
  glBindBuffer(GL_ARRAY_BUFFER, instances_.get());
  const std::size_t base = first * sizeof(EventInstance);
  auto attribute = [&](GLuint index, GLint size, std::size_t offset) {
    instance_attribute(index, size, sizeof(EventInstance), base + offset);
  };
  attribute(1, 2, offsetof(EventInstance, position));
  attribute(2, 2, offsetof(EventInstance, days));
  attribute(3, 1, offsetof(EventInstance, category));
  attribute(4, 1, offsetof(EventInstance, fatalities));
  attribute(6, 1, offsetof(EventInstance, precision));
  mask_.bind(5, first);
}

EventLayer::EventLayer()
    : program_("event", "marker_shapes.glsl"), vao_(make_vertex_array()), instances_(make_buffer()) {
  cursor_ = program_.uniform("u_cursor");
  window_start_ = program_.uniform("u_window_start");
  fade_ = program_.uniform("u_fade_span");
  scale_ = program_.uniform("u_scale");
  size_by_ = program_.uniform("u_size_by_fatalities");
  colors_ = program_.uniform("u_colors");
  shapes_ = program_.uniform("u_shapes");
  extents_ = program_.uniform("u_extents");
  rim_ = program_.uniform("u_rim");
  glBindVertexArray(vao_.get());
  corners_.bind_to_attribute_0();
  point_instances_at(0);
  glBindVertexArray(0);
}

void EventLayer::upload(const EventSet& events, const geo::Projection& projection) {
  std::vector<geo::XY> projected;
  projection.forward_many(events.positions, projected);
  std::vector<std::size_t>& order = order_;
  order.clear();
  index_ = SpanIndex(
      events,
      [&](std::size_t i) { return std::isfinite(projected[i].x) && std::isfinite(projected[i].y); }, order);
  std::vector<EventInstance> instances;
  instances.reserve(order.size());
  for (const std::size_t i : order) {
    const geo::XY& xy = projected[i];
    instances.push_back({{static_cast<float>(xy.x), static_cast<float>(xy.y)},
                         {static_cast<float>(events.start_days[i]), static_cast<float>(events.end_days[i])},
                         static_cast<float>(events.categories[i]),
                         events.fatalities[i],
                         static_cast<float>(events.precision[i])});
  }
  count_ = upload_records(instances_, instances);
  mask_.upload(order_, {});
}

void EventLayer::set_mask(std::span<const std::uint8_t> passes) { mask_.upload(order_, passes); }

void EventLayer::draw(const FrameTransform& frame, const TimeFilter& filter, bool size_by_fatalities,
                      const Color& rim) const {
  if (count_ == 0) return;
  program_.use();
  program_.set_frame(frame);
  glUniform1f(cursor_, filter.cursor);
  glUniform1f(window_start_, filter.window_start);
  glUniform1f(fade_, filter.fade_span);
  glUniform1f(scale_, frame.scale);
  glUniform1i(size_by_, size_by_fatalities ? 1 : 0);
  set_color_array(colors_, event_categories().size(), category_color);
  std::array<GLint, 11> shapes{};
  std::array<float, 11> extents{};
  for (std::size_t c = 0; c < shapes.size(); ++c) {
    const MarkerShape shape = category_shape(static_cast<std::uint8_t>(c));
    shapes[c] = static_cast<GLint>(shape);
    extents[c] = marker_extent(shape);
  }
  glUniform1iv(shapes_, static_cast<GLsizei>(shapes.size()), shapes.data());
  glUniform1fv(extents_, static_cast<GLsizei>(extents.size()), extents.data());
  glUniform3f(rim_, rim.r, rim.g, rim.b);
  glBindVertexArray(vao_.get());
  bool drawn = false;
  for (const auto& range : index_.ranges(filter)) {
    for (std::size_t first = range.first; first < range.last; first += kEventsPerFlush) {
      // A software rasteriser keeps every binned triangle until the next flush (about
      // 170 bytes an event on llvmpipe): flushing between batches bounds that memory.
      if (drawn) glFlush();
      point_instances_at(first);
      const std::size_t count = std::min(kEventsPerFlush, range.last - first);
      glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(count));
      drawn = true;
    }
  }
  glBindVertexArray(0);
}

}  // namespace chronomap::render

// The filter mask's buffer and attribute.
#include "render/event_mask.hpp"

namespace chronomap::render {

EventMask::EventMask() : buffer_(make_buffer()) {}

void EventMask::upload(std::span<const std::size_t> order, std::span<const std::uint8_t> passes) {
  std::vector<std::uint8_t> bytes(order.size(), 1);  // read as 0.0 or 1.0 (not normalised)
  if (!passes.empty()) {
    for (std::size_t k = 0; k < order.size(); ++k) bytes[k] = order[k] < passes.size() ? passes[order[k]] : 1;
  }
  glBindBuffer(GL_ARRAY_BUFFER, buffer_.get());
  // One byte past the end, so an empty layer still has a buffer to point at.
  bytes.push_back(1);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(bytes.size()), bytes.data(), GL_DYNAMIC_DRAW);
}

void EventMask::bind(unsigned location, std::size_t first) const {
  glBindBuffer(GL_ARRAY_BUFFER, buffer_.get());
  glEnableVertexAttribArray(location);
  glVertexAttribPointer(location, 1, GL_UNSIGNED_BYTE, GL_FALSE, 1, reinterpret_cast<const void*>(first));  // 0 or 1
  glVertexAttribDivisor(location, 1);
}

}  // namespace chronomap::render

// Which events pass the filters (category, country, actor, text...): one byte an
// event, in a layer's own draw order, read by its shader as an instance attribute. A
// filter change uploads the bytes once (a megabyte for a million events); frames then
// cost nothing more, since the GPU drops what does not pass with the time filter.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "render/gl.hpp"

namespace chronomap::render {

class EventMask {
 public:
  EventMask();
  // `order[k]` is the event (an index into the EventSet) that a layer draws k-th;
  // `passes[i]` whether event i passes, empty meaning every event does.
  void upload(std::span<const std::size_t> order, std::span<const std::uint8_t> passes);
  // Points attribute `location` of the bound vertex array at the byte of the
  // `first`-th event drawn (GL 3.3 has no base instance).
  void bind(unsigned location, std::size_t first) const;

 private:
  GlBuffer buffer_;
};

}  // namespace chronomap::render

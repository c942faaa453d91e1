// Keeps the base map of the last frame so that frames where only time moved (scrubbing,
// playing, animated links) redraw just the dated layers over a copy of it.
#pragma once

#include <cstdint>
#include <memory>

#include "render/map_renderer.hpp"
#include "render/offscreen.hpp"

namespace chronomap::render {

class FrameCache {
 public:
  // Draws `view` into `target` (whole image, no tiles), reusing the cached base map
  // when the camera, layers, scale, size and scene are those of the last call.
  void draw(const MapRenderer& renderer, const View& view, const OffscreenTarget& target);
  // How many times the base map was actually redrawn (for tests and benchmarks).
  [[nodiscard]] int base_redraws() const { return base_redraws_; }

 private:
  struct Key {
    Camera camera;
    LayerToggles layers;
    float scale = 0;
    int width = 0, height = 0;
    std::uint64_t scene = 0;
    bool operator==(const Key& other) const;
  };
  std::unique_ptr<OffscreenTarget> base_;
  Key key_;
  int base_redraws_ = 0;
};

}  // namespace chronomap::render

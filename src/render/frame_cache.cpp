// Base-map caching: the base map drawn multisampled and resolved once, then copied
// (single-sampled, a plain blit) under each frame's dated layers.
#include "render/frame_cache.hpp"

namespace chronomap::render {

bool FrameCache::Key::operator==(const Key& o) const {
  return camera.center.x == o.camera.center.x && camera.center.y == o.camera.center.y &&
         camera.units_per_pixel_x == o.camera.units_per_pixel_x && camera.units_per_pixel_y == o.camera.units_per_pixel_y &&
         layers.land == o.layers.land && layers.borders == o.layers.borders && layers.graticule == o.layers.graticule &&
         layers.moscow == o.layers.moscow && scale == o.scale && width == o.width && height == o.height &&
         scene == o.scene;
}

void FrameCache::draw(const MapRenderer& renderer, const View& view, const OffscreenTarget& target) {
  const int w = target.width(), h = target.height();
  const Key key{view.camera, view.layers, view.scale, w, h, renderer.scene_generation()};
  if (!base_ || !(key == key_)) {
    if (!base_ || base_->width() != w || base_->height() != h) base_ = std::make_unique<OffscreenTarget>(w, h);
    base_->draw_multisampled({0, 0, w, h}, [&](const render::Tile& band) { renderer.draw_base(view, w, h, band); });
    key_ = key;
    ++base_redraws_;
  }
  target.copy_resolved_from(*base_);
  target.bind_resolved();
  renderer.draw_dynamic(view, w, h, {0, 0, w, h});
}

}  // namespace chronomap::render

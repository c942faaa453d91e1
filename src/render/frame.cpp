// Camera arithmetic: fitting, zooming about a point, panning.
#include "render/frame.hpp"

#include <algorithm>

namespace chronomap::render {

Camera Camera::fit(const geo::Extent& extent, int width, int height, double margin, bool keep_aspect) {
  Camera c;
  c.center = extent.center();
  const double usable_w = width * (1.0 - 2.0 * margin);
  const double usable_h = height * (1.0 - 2.0 * margin);
  c.units_per_pixel_x = extent.width() / std::max(usable_w, 1.0);
  c.units_per_pixel_y = extent.height() / std::max(usable_h, 1.0);
  if (keep_aspect) {
    const double upp = std::max(c.units_per_pixel_x, c.units_per_pixel_y);
    c.units_per_pixel_x = c.units_per_pixel_y = upp > 0 ? upp : 1.0;
  }
  return c;
}

geo::XY Camera::unproject(double px, double py, int width, int height) const {
  return {center.x + (px - width / 2.0) * units_per_pixel_x, center.y - (py - height / 2.0) * units_per_pixel_y};
}

void Camera::zoom_at(double factor, double px, double py, int width, int height) {
  const geo::XY anchor = unproject(px, py, width, height);
  units_per_pixel_x /= factor;
  units_per_pixel_y /= factor;
  center.x = anchor.x - (px - width / 2.0) * units_per_pixel_x;
  center.y = anchor.y + (py - height / 2.0) * units_per_pixel_y;
}

void Camera::pan_pixels(double dx, double dy) {
  center.x -= dx * units_per_pixel_x;
  center.y += dy * units_per_pixel_y;
}

geo::Extent Camera::visible_extent(int width, int height) const {
  geo::Extent e;
  e.add(center.x - width / 2.0 * units_per_pixel_x, center.y - height / 2.0 * units_per_pixel_y);
  e.add(center.x + width / 2.0 * units_per_pixel_x, center.y + height / 2.0 * units_per_pixel_y);
  return e;
}

FrameTransform::FrameTransform(const Camera& camera, int image_width, int image_height, const Tile& t,
                               float design_scale)
    : to_pixel{static_cast<float>(1.0 / camera.units_per_pixel_x), static_cast<float>(-1.0 / camera.units_per_pixel_y),
               static_cast<float>(image_width / 2.0 - camera.center.x / camera.units_per_pixel_x),
               static_cast<float>(image_height / 2.0 + camera.center.y / camera.units_per_pixel_y)},
      tile{static_cast<float>(t.x), static_cast<float>(t.y), static_cast<float>(t.width), static_cast<float>(t.height)},
      scale(design_scale),
      image{static_cast<float>(image_width), static_cast<float>(image_height)} {}

}  // namespace chronomap::render

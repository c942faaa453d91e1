// Default view: never a single point (one point fitted to the image is one colour).
#include "render/default_view.hpp"

namespace chronomap::render {

geo::Extent data_extent(const EventSet& events, const std::vector<Link>& links, const geo::Projection& projection) {
  geo::Extent extent;
  auto add = [&](geo::LonLat p) {
    if (geo::XY xy; projection.forward(p, xy)) extent.add(xy.x, xy.y);
  };
  for (const auto& p : events.positions) add(p);
  for (const auto& link : links) {
    add(link.from);
    add(link.to);
  }
  return extent;
}

geo::Extent default_view_extent(const Scene& scene, const geo::Extent& data) {
  if (scene.has_focus) return scene.default_extent;
  geo::Extent extent = scene.default_extent;
  extent.add(data);
  // Events at one place and no boundaries around them: show the world, not a point.
  if (extent.empty() || extent.width() <= 0 || extent.height() <= 0) extent.add(scene.world_extent);
  return extent;
}

}  // namespace chronomap::render

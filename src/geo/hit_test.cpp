// Point-in-polygon by ray crossing; a bounding-box test first keeps hover cheap.
#include "geo/hit_test.hpp"

namespace chronomap::geo {

bool polygon_contains(const Polygon& polygon, LonLat p) {
  bool inside = false;
  for (const auto& ring : polygon.rings) {
    const std::size_t n = ring.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
      const LonLat& a = ring[i];
      const LonLat& b = ring[j];
      if ((a.lat > p.lat) != (b.lat > p.lat) &&
          p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon) {
        inside = !inside;
      }
    }
  }
  return inside;
}

const Feature* feature_at(const VectorLayer& layer, LonLat point) {
  for (const auto& feature : layer.features) {
    for (const auto& polygon : feature.polygons) {
      if (polygon.rings.empty()) continue;
      Extent box;
      for (const auto& q : polygon.rings.front()) box.add(q.lon, q.lat);
      if (box.contains(point.lon, point.lat) && polygon_contains(polygon, point)) return &feature;
    }
  }
  return nullptr;
}

}  // namespace chronomap::geo

// Geodesics with PROJ's implementation of Karney's algorithms (geodesic.h).
#include "geo/geodesic.hpp"

#include <geodesic.h>

#include <algorithm>
#include <cmath>

namespace chronomap::geo {
namespace {

const geod_geodesic& wgs84() {
  static const geod_geodesic g = [] {
    geod_geodesic init{};
    geod_init(&init, 6378137.0, 1.0 / 298.257223563);
    return init;
  }();
  return g;
}

}  // namespace

double geodesic_distance_m(LonLat from, LonLat to) {
  double distance = 0, azi1 = 0, azi2 = 0;
  geod_inverse(&wgs84(), from.lat, from.lon, to.lat, to.lon, &distance, &azi1, &azi2);
  return distance;
}

std::vector<LonLat> geodesic_path(LonLat from, LonLat to, double max_step_m) {
  geod_geodesicline line{};
  geod_inverseline(&line, &wgs84(), from.lat, from.lon, to.lat, to.lon, GEOD_LATITUDE | GEOD_LONGITUDE | GEOD_DISTANCE_IN | GEOD_LONG_UNROLL);
  const double length = line.s13;
  const int segments = std::max(1, static_cast<int>(std::ceil(length / std::max(max_step_m, 1.0))));
  std::vector<LonLat> points;
  points.reserve(static_cast<std::size_t>(segments) + 1);
  for (int i = 0; i <= segments; ++i) {
    double lat = 0, lon = 0;
    geod_genposition(&line, GEOD_LONG_UNROLL, length * i / segments, &lat, &lon, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr);
    points.push_back({lon, lat});
  }
  return points;
}

LonLat geodesic_destination(LonLat from, double azimuth_deg, double distance_m) {
  double lat = 0, lon = 0, azi2 = 0;
  geod_direct(&wgs84(), from.lat, from.lon, azimuth_deg, distance_m, &lat, &lon, &azi2);
  return {lon, lat};
}

}  // namespace chronomap::geo

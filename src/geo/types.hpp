// Plain geometry values shared by every module: geographic and projected points,
// rings and extents. No GDAL or PROJ types leak past src/geo.
#pragma once

#include <algorithm>
#include <limits>
#include <vector>

namespace chronomap::geo {

struct LonLat {
  double lon = 0;
  double lat = 0;
};

struct XY {
  double x = 0;
  double y = 0;
};

// An axis-aligned box in whatever coordinates its points are in.
struct Extent {
  double min_x = std::numeric_limits<double>::infinity();
  double min_y = std::numeric_limits<double>::infinity();
  double max_x = -std::numeric_limits<double>::infinity();
  double max_y = -std::numeric_limits<double>::infinity();

  [[nodiscard]] bool empty() const { return !(min_x <= max_x && min_y <= max_y); }
  [[nodiscard]] double width() const { return max_x - min_x; }
  [[nodiscard]] double height() const { return max_y - min_y; }
  [[nodiscard]] XY center() const { return {(min_x + max_x) / 2, (min_y + max_y) / 2}; }
  void add(double x, double y) {
    min_x = std::min(min_x, x);
    min_y = std::min(min_y, y);
    max_x = std::max(max_x, x);
    max_y = std::max(max_y, y);
  }
  void add(const Extent& other) {
    if (other.empty()) return;
    add(other.min_x, other.min_y);
    add(other.max_x, other.max_y);
  }
  [[nodiscard]] bool contains(double x, double y) const {
    return x >= min_x && x <= max_x && y >= min_y && y <= max_y;
  }
};

using Ring = std::vector<LonLat>;  // closed or not; the first ring of a polygon is its shell

struct Polygon {
  std::vector<Ring> rings;  // rings[0] outer, the rest holes
};

}  // namespace chronomap::geo

// Label placement shared by the GL and vector backends (see label_placement.hpp).
#include "render/label_placement.hpp"

#include <algorithm>
#include <cmath>

#include "render/frame.hpp"

namespace chronomap::render {
namespace {

bool overlaps(const TextBox& a, const TextBox& b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }

bool inside(const TextBox& a, const TextBox& b) { return a.x0 >= b.x0 && a.y0 >= b.y0 && a.x1 <= b.x1 && a.y1 <= b.y1; }

// Whether the segment a-b passes through the box (Liang-Barsky clipping).
bool cut_by(const TextBox& box, Vec2 a, Vec2 b) {
  float t0 = 0, t1 = 1;
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float p[4] = {-dx, dx, -dy, dy}, q[4] = {a.x - box.x0, box.x1 - a.x, a.y - box.y0, box.y1 - a.y};
  for (int e = 0; e < 4; ++e) {
    if (p[e] == 0) {
      if (q[e] < 0) return false;
      continue;
    }
    const float t = q[e] / p[e];
    if (p[e] < 0) t0 = std::max(t0, t);
    else t1 = std::min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

// How many of the polylines' segments pass through the box (NaN points break them).
int crossings(const TextBox& box, const std::vector<Vec2>& points) {
  int n = 0;
  for (std::size_t i = 1; i < points.size(); ++i) {
    if (std::isnan(points[i].x) || std::isnan(points[i - 1].x)) continue;
    n += cut_by(box, points[i - 1], points[i]) ? 1 : 0;
  }
  return n;
}

}  // namespace

std::vector<bool> place_labels(std::span<const LabelPlace> places, const FrameTransform& frame,
                               const LabelObstacles& obstacles) {
  std::vector<bool> keep(places.size(), false);
  const auto to_pixel = [&](Vec2 v) {
    return Vec2{v.x * frame.to_pixel[0] + frame.to_pixel[2], v.y * frame.to_pixel[1] + frame.to_pixel[3]};
  };
  // The obstacles in image pixels, once per call.
  std::vector<TextBox> blocked = obstacles.keep_clear;
  for (const auto& m : obstacles.markers) {
    const Vec2 p = to_pixel(m.at);
    const float r = (m.radius + 1.0f) * frame.scale;
    blocked.push_back({p.x - r, p.y - r, p.x + r, p.y + r});
  }
  std::vector<Vec2> arc_points;  // NaN between arcs and their parts
  for (const auto& arc : obstacles.arcs) {
    arc_points.push_back({std::nanf(""), std::nanf("")});
    for (const Vec2 p : arc) arc_points.push_back(std::isnan(p.x) ? p : to_pixel(p));
  }
  std::vector<TextBox> taken;
  const TextBox image{0, 0, frame.image[0], frame.image[1]};
  for (std::size_t i = 0; i < places.size();) {
    // The places to try for this label: one, or those of its group.
    std::size_t end = i + 1;
    while (places[i].group >= 0 && end < places.size() && places[end].group == places[i].group) ++end;
    std::size_t best = end;
    int best_crossings = 0;
    for (std::size_t j = i; j < end; ++j) {
      const TextBox& box = places[j].box;
      if (!inside(box, image)) continue;
      const auto hits = [&](const TextBox& t) { return overlaps(box, t); };
      if (std::any_of(taken.begin(), taken.end(), hits) || std::any_of(blocked.begin(), blocked.end(), hits)) continue;
      const int n = crossings(box, arc_points);
      if (best == end || n < best_crossings) {
        best = j;
        best_crossings = n;
      }
      if (n == 0) break;
    }
    if (best != end) {
      keep[best] = true;
      taken.push_back(places[best].box);
    }
    i = end;
  }
  return keep;
}

}  // namespace chronomap::render

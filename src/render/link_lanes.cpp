// Lanes of parallel links and the sideways offset rule; see link_lanes.hpp.
#include "render/link_lanes.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

namespace chronomap::render {
namespace {

// Endpoints to a millionth of a degree: equal places, not merely near ones.
std::pair<long long, long long> key_of(const geo::LonLat& p) {
  return {std::llround(p.lon * 1e6), std::llround(p.lat * 1e6)};
}

}  // namespace

std::vector<float> link_lanes(std::span<const Link> links) {
  using Key = std::pair<std::pair<long long, long long>, std::pair<long long, long long>>;
  std::map<Key, std::vector<std::size_t>> groups;
  std::vector<bool> reversed(links.size(), false);
  for (std::size_t i = 0; i < links.size(); ++i) {
    auto a = key_of(links[i].from), b = key_of(links[i].to);
    if (b < a) {
      std::swap(a, b);
      reversed[i] = true;
    }
    groups[{a, b}].push_back(i);
  }
  std::vector<float> lanes(links.size(), 0.0f);
  for (const auto& [key, members] : groups) {
    const float middle = static_cast<float>(members.size() - 1) * 0.5f;
    for (std::size_t k = 0; k < members.size(); ++k) {
      const float lane = (static_cast<float>(k) - middle) * kLinkLaneSpacing;
      lanes[members[k]] = reversed[members[k]] ? -lane : lane;
    }
  }
  return lanes;
}

float lane_offset_at(float lane, float t) {
  const float s = std::sin(std::numbers::pi_v<float> * std::clamp(t, 0.0f, 1.0f));
  return lane * std::sqrt(std::max(s, 0.0f));
}

std::pair<Vec2, Vec2> offset_segment(Vec2 a, Vec2 b, float t_a, float t_b, float lane, float scale) {
  if (lane == 0.0f) return {a, b};
  const float dx = b.x - a.x, dy = b.y - a.y, length = std::hypot(dx, dy);
  const float nx = length > 1e-6f ? -dy / length : 0.0f, ny = length > 1e-6f ? dx / length : 1.0f;
  const float oa = lane_offset_at(lane, t_a) * scale, ob = lane_offset_at(lane, t_b) * scale;
  return {{a.x + nx * oa, a.y + ny * oa}, {b.x + nx * ob, b.y + ny * ob}};
}

std::vector<float> arc_fractions(std::span<const Vec2> points) {
  std::vector<float> along(points.size(), 0.0f);
  float total = 0;
  for (std::size_t i = 1; i < points.size(); ++i) {
    if (!std::isnan(points[i].x) && !std::isnan(points[i - 1].x))
      total += std::hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
    along[i] = total;
  }
  if (total > 0)
    for (auto& a : along) a /= total;
  return along;
}

}  // namespace chronomap::render

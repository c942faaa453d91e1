// Marker shapes and dash patterns. The shapes' sizes here and in shaders/event.frag
// (its signed distances) describe the same outlines; marker_extent bounds both.
#include "render/symbols.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace chronomap::render {
namespace {

// By category (render::event_categories(): coup, attack, arrest, protest, withdrawal,
// deployment, agreement, summit, meeting, diplomacy, other): the violent ones pointed
// (star, triangle), arrests boxed, a withdrawal the attack's triangle turned down.
constexpr std::array<MarkerShape, 11> kCategoryShapes = {
    MarkerShape::star,     MarkerShape::triangle, MarkerShape::square,   MarkerShape::diamond,
    MarkerShape::triangle_down, MarkerShape::plus,     MarkerShape::circle,   MarkerShape::hexagon,
    MarkerShape::hourglass, MarkerShape::pentagon, MarkerShape::cross};

constexpr std::array<std::string_view, kMarkerShapeCount> kShapeNames = {
    "circle", "square", "triangle", "diamond", "triangle down", "star", "plus", "cross", "hexagon", "pentagon",
    "hourglass"};

// Sizes in radii, chosen so each shape covers about the disc's area (a square of
// half side 0.886 has the area of the unit disc); the pointed ones a little less, as
// their points carry them. shaders/event.frag uses the same numbers.
constexpr float kSquare = 0.9f;
constexpr float kTriangle = 1.35f;  // circumradius, about the centroid
constexpr float kDiamond = 1.2f;
constexpr float kStar = 1.55f;      // outer radius; the inner one is 0.382 of it (a regular pentagram)
constexpr float kPlusArm = 1.15f, kPlusHalfWidth = 0.42f;
constexpr float kHexagon = 1.1f;    // circumradius, flat top
constexpr float kPentagon = 1.15f;  // circumradius, point up
constexpr float kHourglass = 1.0f, kHourglassWaist = 0.28f;

// Dashes per link kind (aes_defence, confederation, military_cooperation, memorandum,
// french_presence, ecowas_membership, other), design px.
constexpr std::array<std::array<float, 4>, 7> kLinkDashes = {{
    {0, 0, 0, 0},     // AES mutual defence: solid
    {14, 4, 0, 0},    // Confederation: long dashes
    {7, 4, 0, 0},     // military cooperation: dashes
    {2, 3.5f, 0, 0},  // memoranda: dots
    {10, 3, 2, 3},    // French presence: dash and dot
    {4, 4, 0, 0},     // ECOWAS membership: short even dashes
    {12, 3, 3, 3},    // other: long and short
}};
constexpr std::array<std::size_t, 7> kLinkDashLengths = {0, 2, 2, 2, 4, 2, 4};

// n points on a circle of `radius`, the first at `start` radians (0: right, y down).
void regular(std::vector<Vec2>& out, int n, float radius, float start) {
  for (int i = 0; i < n; ++i) {
    const float a = start + static_cast<float>(i) * 2.0f * std::numbers::pi_v<float> / static_cast<float>(n);
    out.push_back({radius * std::cos(a), radius * std::sin(a)});
  }
}

}  // namespace

MarkerShape category_shape(std::uint8_t category) {
  return kCategoryShapes[std::min<std::size_t>(category, kCategoryShapes.size() - 1)];
}

std::string_view marker_shape_name(MarkerShape shape) { return kShapeNames[static_cast<std::size_t>(shape)]; }

std::vector<Vec2> marker_outline(MarkerShape shape) {
  constexpr float pi = std::numbers::pi_v<float>;
  const float up = -0.5f * pi;  // y down: -90 degrees points up
  std::vector<Vec2> out;
  switch (shape) {
    case MarkerShape::circle: regular(out, 32, 1.0f, 0); break;
    case MarkerShape::square:
      out = {{-kSquare, -kSquare}, {kSquare, -kSquare}, {kSquare, kSquare}, {-kSquare, kSquare}};
      break;
    case MarkerShape::triangle: regular(out, 3, kTriangle, up); break;
    case MarkerShape::triangle_down: regular(out, 3, kTriangle, -up); break;
    case MarkerShape::diamond: regular(out, 4, kDiamond, up); break;
    case MarkerShape::hexagon: regular(out, 6, kHexagon, 0); break;
    case MarkerShape::pentagon: regular(out, 5, kPentagon, up); break;
    case MarkerShape::star:
      for (int i = 0; i < 10; ++i) {
        const float a = up + static_cast<float>(i) * pi / 5.0f;
        const float r = i % 2 == 0 ? kStar : kStar * 0.381966f;
        out.push_back({r * std::cos(a), r * std::sin(a)});
      }
      break;
    case MarkerShape::plus:
    case MarkerShape::cross: {
      const float l = kPlusArm, w = kPlusHalfWidth;
      out = {{-w, -l}, {w, -l}, {w, -w}, {l, -w}, {l, w},   {w, w},
             {w, l},   {-w, l}, {-w, w}, {-l, w}, {-l, -w}, {-w, -w}};
      if (shape == MarkerShape::cross) {
        const float c = std::sqrt(0.5f);
        for (auto& p : out) p = {c * (p.x - p.y), c * (p.x + p.y)};
      }
      break;
    }
    case MarkerShape::hourglass: {
      const float h = kHourglass, w = kHourglassWaist;
      out = {{-0.95f, -h}, {0.95f, -h}, {w, 0}, {0.95f, h}, {-0.95f, h}, {-w, 0}};
      break;
    }
  }
  return out;
}

float marker_extent(MarkerShape shape) {
  float extent = 0;
  for (const auto& p : marker_outline(shape)) extent = std::max(extent, std::max(std::abs(p.x), std::abs(p.y)));
  return extent;
}

std::span<const float> link_kind_dash(std::uint8_t kind) {
  const std::size_t k = std::min<std::size_t>(kind, kLinkDashes.size() - 1);
  return {kLinkDashes[k].data(), kLinkDashLengths[k]};
}

bool place_imprecise(std::string_view geo_precision) {
  // ACLED's 3 (region), UCDP's admin units, regions, countries and waters, GDELT's
  // country and state matches; a town or its surroundings ("city", "near") is precise.
  for (const std::string_view word : {"region", "admin1", "admin2", "country", "water"})
    if (geo_precision == word) return true;
  return false;
}

}  // namespace chronomap::render

// Shape helpers for map furniture.
#include "render/furniture.hpp"

#include <cmath>
#include <numbers>

namespace chronomap::render {

Shape rectangle(float x0, float y0, float x1, float y1, std::optional<Color> fill, std::optional<Stroke> stroke) {
  return {{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, true, fill, std::move(stroke)};
}

Shape polyline(std::vector<Vec2> points, Stroke stroke) { return {std::move(points), false, {}, std::move(stroke)}; }

Shape disc(float x, float y, float radius, std::optional<Color> fill, std::optional<Stroke> stroke, int sides,
           float rotation) {
  Shape shape{{}, true, fill, std::move(stroke)};
  shape.points.reserve(static_cast<std::size_t>(sides));
  for (int i = 0; i < sides; ++i) {
    const float a = rotation + 2.0f * std::numbers::pi_v<float> * static_cast<float>(i) / static_cast<float>(sides);
    shape.points.push_back({x + radius * std::sin(a), y - radius * std::cos(a)});
  }
  return shape;
}

}  // namespace chronomap::render

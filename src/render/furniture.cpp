// Shape helpers for map furniture.
#include "render/furniture.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/embedded.hpp"
#include "render/glyph_atlas.hpp"

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

float measure_text(std::string_view utf8, float size, bool bold) {
  // Atlases of their own, only measured: glyph metrics need no texture. One thread
  // composes at a time (the window's, or the command line's).
  const auto font = [](const char* name) {
    const auto& file = find_embedded(embedded_fonts(), name);
    return std::span<const unsigned char>(file.data, file.size);
  };
  static GlyphAtlas regular(font("DejaVuSans.ttf"));
  static GlyphAtlas heavy(font("DejaVuSans-Bold.ttf"));
  return layout_text(bold ? heavy : regular, utf8, size, Align::left).width;
}

std::vector<TextBox> furniture_boxes(const Furniture& furniture) {
  std::vector<TextBox> boxes;
  for (const Shape& shape : furniture.shapes) {
    if (!shape.fill || !shape.closed || shape.points.empty()) continue;
    TextBox box{shape.points[0].x, shape.points[0].y, shape.points[0].x, shape.points[0].y};
    for (const Vec2 p : shape.points) {
      box.x0 = std::min(box.x0, p.x);
      box.y0 = std::min(box.y0, p.y);
      box.x1 = std::max(box.x1, p.x);
      box.y1 = std::max(box.y1, p.y);
    }
    boxes.push_back(box);
  }
  if (furniture.inset) boxes.push_back({furniture.inset->x0, furniture.inset->y0, furniture.inset->x1, furniture.inset->y1});
  return boxes;
}

Camera inset_camera(const Inset& inset) {
  const int width = std::max(1, static_cast<int>(std::lround(inset.x1 - inset.x0)));
  const int height = std::max(1, static_cast<int>(std::lround(inset.y1 - inset.y0)));
  return Camera::fit(inset.shows, width, height, 0.0, true);
}

}  // namespace chronomap::render

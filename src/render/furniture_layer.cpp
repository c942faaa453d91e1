// Furniture shapes as triangles in image pixels: fills as fans (they are convex),
// strokes as a quad per dash piece, each reaching half a pixel past the line's edges
// so the shader can fade them (see shaders/shape.*).
#include <cmath>
#include <cstddef>

#include "render/furniture.hpp"
#include "render/layers.hpp"

namespace chronomap::render {
namespace {

struct ShapeVertex {
  float x, y;
  float r, g, b, a;
  float across, half_width;
};

constexpr float kInside = 1e6f;  // a fill's "half width": every fragment covered

void add_fill(std::vector<ShapeVertex>& out, const std::vector<Vec2>& points, Color c) {
  // A fan from the points' mean: right for convex shapes and for the marker outlines,
  // which are star-shaped about their centre (render/symbols.hpp).
  Vec2 centre;
  for (const Vec2& p : points) {
    centre.x += p.x / static_cast<float>(points.size());
    centre.y += p.y / static_cast<float>(points.size());
  }
  for (std::size_t i = 0; i < points.size(); ++i) {
    for (const Vec2& p : {centre, points[i], points[(i + 1) % points.size()]})
      out.push_back({p.x, p.y, c.r, c.g, c.b, c.a, 0, kInside});
  }
}

// One straight piece of a stroke from a to b, with square caps of `cap` pixels.
void add_piece(std::vector<ShapeVertex>& out, Vec2 a, Vec2 b, const Stroke& stroke, float cap) {
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float length = std::hypot(dx, dy);
  if (length <= 0.0f) return;
  const float ux = dx / length, uy = dy / length;
  const float half = stroke.width / 2.0f, reach = half + 0.5f;
  const float nx = -uy * reach, ny = ux * reach;
  const Vec2 a0{a.x - ux * cap, a.y - uy * cap}, b0{b.x + ux * cap, b.y + uy * cap};
  const Color c = stroke.color;
  const ShapeVertex v[4] = {{a0.x + nx, a0.y + ny, c.r, c.g, c.b, c.a, reach, half},
                            {a0.x - nx, a0.y - ny, c.r, c.g, c.b, c.a, -reach, half},
                            {b0.x + nx, b0.y + ny, c.r, c.g, c.b, c.a, reach, half},
                            {b0.x - nx, b0.y - ny, c.r, c.g, c.b, c.a, -reach, half}};
  for (int i : {0, 1, 2, 2, 1, 3}) out.push_back(v[i]);
}

// The path's pieces: whole segments for a solid line (square caps close the joins),
// the "on" parts of the dash pattern otherwise, the pattern running on across corners.
void add_stroke(std::vector<ShapeVertex>& out, const Shape& shape, const Stroke& stroke) {
  const auto& p = shape.points;
  const std::size_t n = p.size();
  const std::size_t segments = shape.closed ? n : (n == 0 ? 0 : n - 1);
  float pattern = 0;
  for (const float d : stroke.dash) pattern += d;
  if (stroke.dash.empty() || pattern <= 0.0f) {
    for (std::size_t i = 0; i < segments; ++i) add_piece(out, p[i], p[(i + 1) % n], stroke, stroke.width / 2.0f);
    return;
  }
  std::size_t dash = 0;
  float left = stroke.dash[0];  // of the current dash entry
  for (std::size_t i = 0; i < segments; ++i) {
    const Vec2 a = p[i], b = p[(i + 1) % n];
    const float length = std::hypot(b.x - a.x, b.y - a.y);
    float at = 0;
    while (at < length) {
      const float step = std::min(left, length - at);
      if (dash % 2 == 0) {
        const float t0 = at / length, t1 = (at + step) / length;
        add_piece(out, {a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0},
                  {a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1}, stroke, 0.0f);
      }
      at += step;
      left -= step;
      if (left <= 0.0f) {
        dash = (dash + 1) % stroke.dash.size();
        left = stroke.dash[dash];
      }
    }
  }
}

}  // namespace

ShapeLayer::ShapeLayer() : program_("shape"), vao_(make_vertex_array()), vertices_(make_buffer()) {
  glBindVertexArray(vao_.get());
  glBindBuffer(GL_ARRAY_BUFFER, vertices_.get());
  vertex_attribute(0, 2, sizeof(ShapeVertex), offsetof(ShapeVertex, x));
  vertex_attribute(1, 4, sizeof(ShapeVertex), offsetof(ShapeVertex, r));
  vertex_attribute(2, 2, sizeof(ShapeVertex), offsetof(ShapeVertex, across));
  glBindVertexArray(0);
}

void ShapeLayer::set_shapes(const std::vector<Shape>& shapes) {
  std::vector<ShapeVertex> vertices;
  for (const auto& shape : shapes) {
    if (shape.fill && shape.closed && shape.points.size() >= 3) {
      add_fill(vertices, shape.points, *shape.fill);
      // A fill with no stroke gets a one-pixel fringe of its colour: smooth edges.
      if (!shape.stroke) add_stroke(vertices, shape, Stroke{*shape.fill, 1.0f, {}});
    }
    if (shape.stroke && shape.points.size() >= 2) add_stroke(vertices, shape, *shape.stroke);
  }
  count_ = upload_records(vertices_, vertices);
}

void ShapeLayer::draw(const FrameTransform& frame) const {
  if (count_ == 0) return;
  program_.use();
  program_.set_frame(frame);
  glBindVertexArray(vao_.get());
  glDrawArrays(GL_TRIANGLES, 0, count_);
}

}  // namespace chronomap::render

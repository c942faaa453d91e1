// The vector backend's furniture: the composer's display list (render::Furniture) as
// Cairo paths, in the order the GL renderer layers it, and the inset locator.
#include <algorithm>
#include <cmath>

#include "export/vector_painter.hpp"

namespace chronomap::exporting::vector_backend {

void Painter::draw_furniture() {
  const auto& furniture = content_.furniture;
  // The inset first: over the map's layers, under its own frame and the other items.
  if (furniture.inset) draw_inset(*furniture.inset);
  for (const auto& shape : furniture.shapes) draw_shape(shape);
  draw_texts(furniture.texts);
}

void Painter::shape_path(const std::vector<Vec2>& points, bool closed) {
  cairo_new_path(cr_);
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (i == 0)
      cairo_move_to(cr_, points[i].x, points[i].y);
    else
      cairo_line_to(cr_, points[i].x, points[i].y);
  }
  if (closed) cairo_close_path(cr_);
}

void Painter::draw_shape(const render::Shape& shape) {
  if (shape.fill && shape.closed && shape.points.size() >= 3) {
    shape_path(shape.points, true);
    set_color(cr_, *shape.fill);
    cairo_fill(cr_);
  }
  if (shape.stroke && shape.points.size() >= 2) {
    const auto& stroke = *shape.stroke;
    shape_path(shape.points, shape.closed);
    std::vector<double> dash(stroke.dash.begin(), stroke.dash.end());
    double pattern = 0;
    for (const double d : dash) pattern += d;
    cairo_set_dash(cr_, pattern > 0 ? dash.data() : nullptr, pattern > 0 ? static_cast<int>(dash.size()) : 0, 0);
    // Solid lines: square caps, as the GL shape layer closes its joins; dashes end flat.
    cairo_set_line_cap(cr_, pattern > 0 ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_SQUARE);
    cairo_set_line_join(cr_, CAIRO_LINE_JOIN_MITER);
    cairo_set_line_width(cr_, stroke.width);
    set_color(cr_, stroke.color);
    cairo_stroke(cr_);
    cairo_set_dash(cr_, nullptr, 0, 0);
  }
}

// The inset: its box (whole pixels) cleared to the background, the scene's fills and
// borders at half the main map's widths through a camera fitting `shows` in the box,
// and the main frame's extent as a faint rectangle with an outline.
void Painter::draw_inset(const render::Inset& inset) {
  const double x0 = std::round(double{inset.x0}), y0 = std::round(double{inset.y0});
  const double x1 = std::round(double{inset.x1}), y1 = std::round(double{inset.y1});
  const int w = std::max(1, static_cast<int>(x1 - x0)), h = std::max(1, static_cast<int>(y1 - y0));
  const render::Camera camera = render::inset_camera(inset);
  const render::FrameTransform frame(camera, w, h, {0, 0, w, h}, view_.scale * 0.5f);
  const Transform t{frame.to_pixel[0], frame.to_pixel[1], double{frame.to_pixel[2]} + x0, double{frame.to_pixel[3]} + y0};
  cairo_save(cr_);
  cairo_new_path(cr_);
  cairo_rectangle(cr_, x0, y0, w, h);
  cairo_clip(cr_);
  set_color(cr_, Color{inset.background.r, inset.background.g, inset.background.b, 1.0f});
  cairo_paint(cr_);
  const Bounds box{x0, y0, x0 + w, y0 + h};
  draw_fills(t, box);
  draw_lines(t, box, view_.scale * 0.5f, is_border);
  const Vec2 a = t({static_cast<float>(inset.frame.min_x), static_cast<float>(inset.frame.max_y)});
  const Vec2 b = t({static_cast<float>(inset.frame.max_x), static_cast<float>(inset.frame.min_y)});
  draw_shape(render::rectangle(a.x, a.y, b.x, b.y, Color{inset.outline.r, inset.outline.g, inset.outline.b, 0.18f},
                               render::Stroke{inset.outline, inset.outline_width, {}}));
  cairo_restore(cr_);
}

}  // namespace chronomap::exporting::vector_backend

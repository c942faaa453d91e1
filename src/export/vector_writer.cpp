// Cairo drawing of the map, layer by layer in MapRenderer's order (sea, graticule,
// land, borders, Moscow, links, labels, places, events, overlay, then the furniture),
// each layer's look taken from its shader (cited where it is mirrored). Coordinates
// are image pixels throughout: the page's points are scaled once, at the start.
#include "export/vector_writer.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "export/vector_painter.hpp"
#include "render/density.hpp"
#include "render/link_lanes.hpp"
#include "render/symbols.hpp"

namespace chronomap::exporting {
namespace vector_backend {

void Painter::draw() {
  const auto& layers = view_.layers;
  set_color(cr_, theme_.sea);
  cairo_paint(cr_);
  const Transform main{frame_.to_pixel[0], frame_.to_pixel[1], frame_.to_pixel[2], frame_.to_pixel[3]};
  const Bounds page{0, 0, static_cast<double>(width_), static_cast<double>(height_)};
  if (layers.graticule) draw_lines(main, page, view_.scale, [](render::LineStyle s) { return s == render::LineStyle::graticule; });
  if (layers.land) draw_fills(main, page);
  if (layers.borders) draw_lines(main, page, view_.scale, is_border);
  if (layers.moscow)
    draw_lines(main, page, view_.scale, [](render::LineStyle s) { return s == render::LineStyle::moscow_outline; });
  const render::TimeFilter filter(view_.time, content_.events.size() > 0 ? content_.events.day_range().first : 0);
  if (layers.events && view_.density == render::DensityMode::hexagons) draw_hexagons(filter);
  if (layers.links) draw_links(filter);
  if (layers.labels) draw_labels(filter, layers);
  if (layers.places) draw_markers();
  if (layers.events && view_.density != render::DensityMode::hexagons) draw_events(filter);
  draw_texts(content_.overlay);
  draw_furniture();
}

// Each batch's rings as one path filled by the even-odd rule: what the stencil
// inversion of fill_layer.cpp computes. Rings wholly off the page are left out.
void Painter::draw_fills(const Transform& t, const Bounds& bounds) {
  const auto& scene = content_.scene;
  for (const auto& batch : scene.fills) {
    cairo_new_path(cr_);
    for (const auto& ring : batch.rings) {
      const auto first = scene.fill_vertices.begin() + ring.first;
      double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
      for (auto it = first; it != first + ring.count; ++it) {
        const Vec2 p = t(*it);
        x0 = std::min<double>(x0, p.x), x1 = std::max<double>(x1, p.x);
        y0 = std::min<double>(y0, p.y), y1 = std::max<double>(y1, p.y);
      }
      if (bounds.misses(x0, y0, x1, y1, 1.0)) continue;
      Vec2 last{};
      for (int i = 0; i < ring.count; ++i) {
        const Vec2 p = t(*(first + i));
        if (i == 0) {
          cairo_move_to(cr_, p.x, p.y);
        } else if (double{std::hypot(p.x - last.x, p.y - last.y)} >= kMinStep || i + 1 == ring.count) {
          cairo_line_to(cr_, p.x, p.y);
        } else {
          continue;
        }
        last = p;
      }
      cairo_close_path(cr_);
    }
    cairo_set_fill_rule(cr_, CAIRO_FILL_RULE_EVEN_ODD);
    set_color(cr_, batch.color);
    cairo_fill(cr_);
  }
}

// The batches whose style `visible` accepts, in the theme's colour and width (times
// `scale`), joined into polylines where one segment ends where the next starts, each
// stroked on its own: where two meet or cross (a border both neighbours draw, the
// graticule's crossings) their edges blend twice, as line.frag's quads do.
void Painter::draw_lines(const Transform& t, const Bounds& bounds, float scale, LineFilter visible) {
  const auto& scene = content_.scene;
  for (const auto& batch : scene.lines) {
    if (!visible(batch.style)) continue;
    const Color color = theme_.line(batch.style);
    const double width = static_cast<double>(theme_.line_width(batch.style) * scale);
    cairo_set_line_width(cr_, width);
    cairo_set_line_cap(cr_, CAIRO_LINE_CAP_SQUARE);  // line.vert's square caps
    cairo_set_line_join(cr_, CAIRO_LINE_JOIN_MITER);
    set_color(cr_, color);
    cairo_new_path(cr_);
    bool open = false;      // a polyline is being drawn
    bool pending = false;   // its last point was skipped as too close, so far
    Vec2 last{}, skipped{};
    render::Vec2 previous_end{};  // projected, where the last segment drawn ends
    const auto end_polyline = [&] {
      if (pending) cairo_line_to(cr_, skipped.x, skipped.y);
      pending = false;
      if (open) cairo_stroke(cr_);
      open = false;
    };
    for (int i = batch.first; i < batch.first + batch.count; ++i) {
      const auto& s = scene.segments[static_cast<std::size_t>(i)];
      const Vec2 a = t(s.from), b = t(s.to);
      if (bounds.misses(std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y), width)) {
        end_polyline();
        continue;
      }
      if (!open || s.from.x != previous_end.x || s.from.y != previous_end.y) {
        end_polyline();
        cairo_move_to(cr_, a.x, a.y);
        last = a;
        open = true;
      }
      if (double{std::hypot(b.x - last.x, b.y - last.y)} >= kMinStep) {
        cairo_line_to(cr_, b.x, b.y);
        last = b;
        pending = false;
      } else {
        skipped = b;
        pending = true;
      }
      previous_end = s.to;
    }
    end_polyline();
  }
}

// The events passing the window and the mask, in the GL layer's draw order (`order`
// receives it), at their image pixels: fn(index, x, y).
template <typename Fn>
void Painter::for_each_shown_event(const render::TimeFilter& filter, std::vector<std::size_t>& order, Fn fn) {
  const auto& events = content_.events;
  std::vector<geo::XY> projected;
  content_.projection.forward_many(events.positions, projected);
  const render::SpanIndex index(
      events, [&](std::size_t i) { return std::isfinite(projected[i].x) && std::isfinite(projected[i].y); }, order);
  const auto& mask = content_.event_mask;
  for (const std::size_t i : order) {
    if (!render::event_visible(filter, static_cast<float>(events.start_days[i]), static_cast<float>(events.end_days[i])))
      continue;
    if (i < mask.size() && mask[i] == 0) continue;
    fn(i, projected[i].x * double{frame_.to_pixel[0]} + double{frame_.to_pixel[2]},
       projected[i].y * double{frame_.to_pixel[1]} + double{frame_.to_pixel[3]});
  }
}

// Hexagons (shaders/density_count.vert, density_ramp.frag): the shown events counted
// per cell of the same grid (render::hex_grid, hex_cell), each cell with any drawn as
// a pointy-top hexagon a gap smaller than its cell, in render::density_color.
void Painter::draw_hexagons(const render::TimeFilter& filter) {
  if (content_.events.size() == 0) return;
  const render::HexGrid grid = render::hex_grid(view_.camera, width_, height_, {0, 0, width_, height_}, view_.scale);
  if (grid.nq <= 0 || grid.nr <= 0) return;
  std::vector<int> counts(static_cast<std::size_t>(grid.nq) * static_cast<std::size_t>(grid.nr), 0);
  std::vector<std::size_t> order;
  for_each_shown_event(filter, order, [&](std::size_t, double x, double y) {
    const render::HexCell cell = render::hex_cell(grid, static_cast<float>(x), static_cast<float>(y));
    const int q = cell.q - grid.q0, r = cell.r - grid.r0;
    if (q >= 0 && r >= 0 && q < grid.nq && r < grid.nr)
      ++counts[static_cast<std::size_t>(r) * static_cast<std::size_t>(grid.nq) + static_cast<std::size_t>(q)];
  });
  const double low =
      render::density_legend(render::DensityMode::hexagons,
                             render::ground_scale_at_center(content_.projection, view_.camera), view_.scale)
          .low;
  // Flat sides left and right at the apothem less half the gap; corners above and below.
  const double apothem = double{grid.size} * 0.8660254 - 0.5 * double{render::kHexGapPx} * scale_;
  if (apothem <= 0) return;
  const double corner = apothem / 0.8660254;
  for (int r = 0; r < grid.nr; ++r) {
    for (int q = 0; q < grid.nq; ++q) {
      const int count = counts[static_cast<std::size_t>(r) * static_cast<std::size_t>(grid.nq) + static_cast<std::size_t>(q)];
      if (count == 0) continue;
      const geo::XY c = render::hex_center(grid, {grid.q0 + q, grid.r0 + r});
      cairo_new_path(cr_);
      cairo_move_to(cr_, c.x, c.y - corner);
      cairo_line_to(cr_, c.x + apothem, c.y - corner / 2);
      cairo_line_to(cr_, c.x + apothem, c.y + corner / 2);
      cairo_line_to(cr_, c.x, c.y + corner);
      cairo_line_to(cr_, c.x - apothem, c.y + corner / 2);
      cairo_line_to(cr_, c.x - apothem, c.y - corner / 2);
      cairo_close_path(cr_);
      set_color(cr_, render::density_color(count, low));
      cairo_fill(cr_);
    }
  }
}

// shaders/arc.*: active links in their kind's colour, 2.4 px wide; ended ones grey
// at 70 %, dashed 6 px on, 6 px off from the arc's start (arc.frag's period of
// 18 px / 1.5); hidden ones not at all. A still image: no moving dashes.
void Painter::draw_links(const render::TimeFilter& filter) {
  const double width = 2.4 * scale_;
  const Transform t{frame_.to_pixel[0], frame_.to_pixel[1], frame_.to_pixel[2], frame_.to_pixel[3]};
  cairo_set_line_width(cr_, width);
  cairo_set_line_cap(cr_, CAIRO_LINE_CAP_SQUARE);
  cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
  const std::vector<float> lanes = render::link_lanes(content_.links);
  for (std::size_t l = 0; l < content_.links.size(); ++l) {
    const render::Link& link = content_.links[l];
    const auto state =
        render::link_state(filter, static_cast<float>(link.start), static_cast<float>(link.end));
    if (state == render::LinkState::hidden) continue;
    // Each segment moved sideways by the link's lane, as shaders/arc.vert does.
    const render::ProjectedLink arc = render::project_link(link, content_.projection);
    const std::vector<float> along = render::arc_fractions(arc.points);
    cairo_new_path(cr_);
    bool pen_down = false;
    for (std::size_t i = 1; i < arc.points.size(); ++i) {
      if (std::isnan(arc.points[i].x) || std::isnan(arc.points[i - 1].x)) {  // the seam: it goes on at the other edge
        pen_down = false;
        continue;
      }
      const auto [a, b] =
          render::offset_segment(t(arc.points[i - 1]), t(arc.points[i]), along[i - 1], along[i], lanes[l], view_.scale);
      if (pen_down) {
        cairo_line_to(cr_, a.x, a.y);
      } else {
        cairo_move_to(cr_, a.x, a.y);
        pen_down = true;
      }
      cairo_line_to(cr_, b.x, b.y);
    }
    // The kind's dash pattern (render::link_kind_dash, as arc.frag draws it); an
    // ended link thin and grey with its kind's dashes (6 px on, 6 off for a solid kind).
    std::vector<double> dash;
    for (const float d : render::link_kind_dash(link.kind)) dash.push_back(double{d} * scale_);
    if (state == render::LinkState::ended) {
      if (dash.empty()) dash = {6.0 * scale_, 6.0 * scale_};
      cairo_set_line_width(cr_, width * 0.6);
      cairo_set_source_rgba(cr_, 0.35, 0.35, 0.35, 0.7);
    } else {
      cairo_set_line_width(cr_, width);
      set_color(cr_, render::link_kind_color(link.kind));
    }
    cairo_set_line_cap(cr_, dash.empty() ? CAIRO_LINE_CAP_SQUARE : CAIRO_LINE_CAP_BUTT);
    cairo_set_dash(cr_, dash.empty() ? nullptr : dash.data(), static_cast<int>(dash.size()), 0);
    cairo_stroke(cr_);
  }
  cairo_set_dash(cr_, nullptr, 0, 0);
}

// shaders/marker.frag: a disc of the marker's fill inside a 1.5 px ring of its stroke.
void Painter::draw_markers() {
  const double s = scale_;
  for (const auto& m : content_.scene.markers) {
    const Vec2 p = Transform{frame_.to_pixel[0], frame_.to_pixel[1], frame_.to_pixel[2], frame_.to_pixel[3]}(m.position);
    const double r = double{m.radius} * s;
    cairo_new_path(cr_);
    cairo_arc(cr_, p.x, p.y, r, 0, 2 * M_PI);
    set_color(cr_, m.stroke);
    cairo_fill(cr_);
    cairo_arc(cr_, p.x, p.y, std::max(0.0, r - 1.5 * s), 0, 2 * M_PI);
    set_color(cr_, m.fill);
    cairo_fill(cr_);
  }
}

// shaders/event.*: the events passing the time window and the filter mask, in the
// GL layer's draw order (render::SpanIndex: longer-lasting below, then oldest first),
// each its category's marker shape, all faded by age (render::event_fade):
// - known to the day: the shape in its colour at 85 % with a 1.2 px rim, the colour
//   three quarters of the way to the theme's event rim;
// - a date known to the week, month or year: a ring, a band along the outline as wide
//   as 0.38 radii (at least 2.4 px), opaque, with a 0.6 px rim, the map showing through;
// - a place known to its region or country: under the marker, a dashed circle of
//   render::kPlaceHaloRadius radii, 1.2 px wide, twelve dashes from the left going
//   clockwise, in the colour halfway (0.55) from the category's to the rim's.
void Painter::draw_events(const render::TimeFilter& filter) {
  const auto& events = content_.events;
  if (events.size() == 0) return;
  const double s = scale_;
  const Color rim_color = theme_.event_rim;
  const auto toward_rim = [&](Color c, float t) {
    return Color{c.r + (rim_color.r - c.r) * t, c.g + (rim_color.g - c.g) * t, c.b + (rim_color.b - c.b) * t, 1.0f};
  };
  std::vector<std::size_t> order;
  for_each_shown_event(filter, order, [&](std::size_t i, double x, double y) {
    const double r = double{render::event_radius(events.fatalities[i], view_.time.size_by_fatalities)} * s;
    const std::uint8_t precision = events.precision[i];
    const double reach = (precision & render::kPlaceImprecise) != 0 ? double{render::kPlaceHaloRadius} * r + 2 * s
                                                                     : 1.6 * r;
    if (x < -reach || y < -reach || x > width_ + reach || y > height_ + reach) return;
    const float fade = render::event_fade(filter, static_cast<float>(events.end_days[i]));
    const Color fill = render::category_color(events.categories[i]);
    if ((precision & render::kPlaceImprecise) != 0) {
      const double halo = double{render::kPlaceHaloRadius} * r;
      const double period = 2 * M_PI * halo / 12;
      const double dash[] = {0.6 * period, 0.4 * period};
      cairo_new_path(cr_);
      cairo_arc(cr_, x, y, halo, -M_PI, M_PI);
      cairo_set_dash(cr_, dash, 2, 0);
      cairo_set_line_cap(cr_, CAIRO_LINE_CAP_BUTT);
      cairo_set_line_width(cr_, 1.2 * s);
      set_color(cr_, toward_rim(fill, 0.55f), fade);
      cairo_stroke(cr_);
      cairo_set_dash(cr_, nullptr, 0, 0);
    }
    // The category's marker shape (render::category_shape, as event.frag draws it).
    const auto outline = render::marker_outline(render::category_shape(events.categories[i]));
    const auto shape_path = [&](double radius) {
      cairo_new_path(cr_);
      for (std::size_t k = 0; k < outline.size(); ++k) {
        const double px = x + double{outline[k].x} * radius, py = y + double{outline[k].y} * radius;
        if (k == 0)
          cairo_move_to(cr_, px, py);
        else
          cairo_line_to(cr_, px, py);
      }
      cairo_close_path(cr_);
    };
    cairo_set_line_join(cr_, CAIRO_LINE_JOIN_MITER);
    if ((precision & render::kDateImprecise) != 0) {
      // A stroke of the outline clipped to the shape is a band of exactly half its
      // width inside the outline, whatever the shape.
      const double band = std::max(2.4 * s, 0.38 * r), rim = 0.6 * s;
      shape_path(r);
      cairo_save(cr_);
      cairo_clip_preserve(cr_);
      cairo_set_line_width(cr_, 2 * band);
      set_color(cr_, fill, fade);
      cairo_stroke_preserve(cr_);
      cairo_set_line_width(cr_, 2 * rim);
      set_color(cr_, toward_rim(fill, 0.75f), fade);
      cairo_stroke(cr_);
      cairo_restore(cr_);
      return;
    }
    const double rim = 1.2 * s;
    shape_path(r - rim / 2);
    set_color(cr_, fill, 0.85f * fade);
    cairo_fill_preserve(cr_);
    cairo_set_line_width(cr_, rim);
    set_color(cr_, toward_rim(fill, 0.75f), fade);
    cairo_stroke(cr_);
  });
}

}  // namespace vector_backend

namespace {

using vector_backend::CairoContext;
using vector_backend::CairoSurface;
using vector_backend::Painter;
using vector_backend::set_font_options;

void check(cairo_status_t status, const std::filesystem::path& path) {
  if (status != CAIRO_STATUS_SUCCESS) throw Error(path.string() + ": cannot write: " + cairo_status_to_string(status));
}

void check_page(int width, int height) {
  if (width <= 0 || height <= 0) throw UsageError("page size " + std::to_string(width) + "x" + std::to_string(height) + " is out of range");
}

}  // namespace

void write_vector(const std::filesystem::path& path, const VectorPage& page, const render::View& view,
                  const VectorContent& content, std::span<const ImageText> text) {
  check_page(page.width, page.height);
  const double points_per_pixel = 72.0 / page.dpi;
  const double width_pt = page.width * points_per_pixel, height_pt = page.height * points_per_pixel;
  write_atomically(path, [&](const std::filesystem::path& temporary) {
    CairoSurface surface(page.format == VectorFormat::pdf
                             ? cairo_pdf_surface_create(temporary.c_str(), width_pt, height_pt)
                             : cairo_svg_surface_create(temporary.c_str(), width_pt, height_pt));
    check(cairo_surface_status(surface.get()), path);
    if (page.format == VectorFormat::svg) {
      cairo_svg_surface_set_document_unit(surface.get(), CAIRO_SVG_UNIT_PT);
    } else {
      for (const auto& t : text) {
        if (t.keyword == "Title") cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, t.text.c_str());
        if (t.keyword == "Description")
          cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_SUBJECT, t.text.c_str());
        if (t.keyword == "Software")
          cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, t.text.c_str());
        if (t.keyword == "Creation Time")
          cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, t.text.c_str());
      }
    }
    {
      CairoContext cr(cairo_create(surface.get()));
      cairo_scale(cr.get(), points_per_pixel, points_per_pixel);
      set_font_options(cr.get());
      Painter(cr.get(), page.width, page.height, view, content).draw();
      check(cairo_status(cr.get()), path);
    }
    cairo_surface_finish(surface.get());
    check(cairo_surface_status(surface.get()), path);
  });
}

Image draw_vector_image(int width, int height, const render::View& view, const VectorContent& content) {
  check_page(width, height);
  CairoSurface surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height));
  {
    CairoContext cr(cairo_create(surface.get()));
    set_font_options(cr.get());
    Painter(cr.get(), width, height, view, content).draw();
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
      throw Error(std::string("cannot draw the map: ") + cairo_status_to_string(cairo_status(cr.get())));
  }
  cairo_surface_flush(surface.get());
  Image image(width, height);
  const unsigned char* data = cairo_image_surface_get_data(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  for (int y = 0; y < height; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    for (int x = 0; x < width; ++x) {
      // Premultiplied native-endian ARGB; the sea makes every pixel opaque.
      const std::uint32_t p = row[x];
      const auto a = static_cast<std::uint8_t>(p >> 24);
      auto channel = [&](int shift) {
        const unsigned v = (p >> shift) & 0xffu;
        return static_cast<std::uint8_t>(a == 0 ? 0 : std::min(255u, (v * 255u + a / 2u) / a));
      };
      image.set_pixel(x, y, {channel(16), channel(8), channel(0), a});
    }
  }
  return image;
}

}  // namespace chronomap::exporting

// Cairo drawing of the map, layer by layer in MapRenderer's order (sea, graticule,
// land, borders, Moscow, links, labels, places, events, overlay, then the furniture),
// each layer's look taken from its shader (cited where it is mirrored). Coordinates
// are image pixels throughout: the page's points are scaled once, at the start.
#include "export/vector_writer.hpp"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <string>

#include "core/atomic_file.hpp"
#include "core/embedded.hpp"
#include "core/error.hpp"
#include "render/density.hpp"
#include "render/glyph_atlas.hpp"
#include "render/label_placement.hpp"
#include "render/link_lanes.hpp"
#include "render/symbols.hpp"

namespace chronomap::exporting {
namespace {

using render::Color;
using render::Vec2;

// Points closer than this to the last one kept add nothing a reader can see; leaving
// them out keeps a world map's file small.
constexpr double kMinStep = 0.25;

struct CairoDeleter {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
  void operator()(cairo_font_face_t* f) const { cairo_font_face_destroy(f); }
};
using CairoContext = std::unique_ptr<cairo_t, CairoDeleter>;
using CairoSurface = std::unique_ptr<cairo_surface_t, CairoDeleter>;
using CairoFace = std::unique_ptr<cairo_font_face_t, CairoDeleter>;

void set_color(cairo_t* cr, Color c, float alpha = 1.0f) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a * alpha); }

// One of the embedded fonts, as FreeType reads it for Cairo (so a PDF embeds it) and
// as the GL text layer lays it out (so glyphs land where the PNG has them).
class Font {
 public:
  explicit Font(const char* name)
      : bytes_(find_embedded(embedded_fonts(), name)), atlas_({bytes_.data, bytes_.size}) {
    static FT_Library library = [] {
      FT_Library l = nullptr;
      if (FT_Init_FreeType(&l) != 0) throw Error("FreeType cannot be initialised");
      return l;
    }();
    FT_Face face = nullptr;
    if (FT_New_Memory_Face(library, bytes_.data, static_cast<FT_Long>(bytes_.size), 0, &face) != 0)
      throw Error(std::string("the embedded font ") + name + " cannot be read");
    face_ = face;
    cairo_.reset(cairo_ft_font_face_create_for_ft_face(face, 0));
    // Cairo may keep the face in its caches after we let go: FreeType's face is
    // released with the last reference.
    static cairo_user_data_key_t key;
    if (cairo_font_face_set_user_data(cairo_.get(), &key, face, [](void* f) { FT_Done_Face(static_cast<FT_Face>(f)); }) !=
        CAIRO_STATUS_SUCCESS) {
      FT_Done_Face(face);
      throw Error("Cairo cannot use the embedded fonts");
    }
  }
  Font(const Font&) = delete;
  Font& operator=(const Font&) = delete;

  render::GlyphAtlas& atlas() { return atlas_; }
  cairo_font_face_t* cairo() const { return cairo_.get(); }
  unsigned long glyph_index(char32_t codepoint) const { return FT_Get_Char_Index(face_, codepoint); }

 private:
  const EmbeddedFile& bytes_;
  render::GlyphAtlas atlas_;
  FT_Face face_ = nullptr;
  CairoFace cairo_;
};

class Painter {
 public:
  Painter(cairo_t* cr, int width, int height, const render::View& view, const VectorContent& content)
      : cr_(cr),
        width_(width),
        height_(height),
        view_(view),
        content_(content),
        theme_(content.theme),
        frame_(view.camera, width, height, {0, 0, width, height}, view.scale),
        scale_(double{view.scale}),
        regular_("DejaVuSans.ttf"),
        bold_("DejaVuSans-Bold.ttf") {}

  void draw() {
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

 private:
  // pixel = xy * (sx, sy) + (ox, oy), as FrameTransform::to_pixel.
  struct Transform {
    double sx, sy, ox, oy;
    [[nodiscard]] Vec2 operator()(Vec2 p) const {
      return {static_cast<float>(double{p.x} * sx + ox), static_cast<float>(double{p.y} * sy + oy)};
    }
  };
  struct Bounds {
    double x0, y0, x1, y1;
    [[nodiscard]] bool misses(double a0, double b0, double a1, double b1, double margin) const {
      return a1 < x0 - margin || a0 > x1 + margin || b1 < y0 - margin || b0 > y1 + margin;
    }
  };

  static bool is_border(render::LineStyle s) {
    return s == render::LineStyle::border || s == render::LineStyle::focus_border;
  }

  // Each batch's rings as one path filled by the even-odd rule: what the stencil
  // inversion of fill_layer.cpp computes. Rings wholly off the page are left out.
  void draw_fills(const Transform& t, const Bounds& bounds) {
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
  template <typename Visible>
  void draw_lines(const Transform& t, const Bounds& bounds, float scale, Visible visible) {
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
  void for_each_shown_event(const render::TimeFilter& filter, std::vector<std::size_t>& order, Fn fn) {
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
  void draw_hexagons(const render::TimeFilter& filter) {
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
  void draw_links(const render::TimeFilter& filter) {
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
  void draw_markers() {
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
  // each its category's marker shape in its colour at 85 % with a 1.2 px rim darkened to 8 %
  // grey by three quarters, both faded by age (render::event_fade).
  void draw_events(const render::TimeFilter& filter) {
    const auto& events = content_.events;
    if (events.size() == 0) return;
    const double s = scale_;
    const double rim = 1.2 * s;
    std::vector<std::size_t> order;
    for_each_shown_event(filter, order, [&](std::size_t i, double x, double y) {
      const double r = double{render::event_radius(events.fatalities[i], view_.time.size_by_fatalities)} * s;
      if (x < -r || y < -r || x > width_ + r || y > height_ + r) return;
      const float fade = render::event_fade(filter, static_cast<float>(events.end_days[i]));
      const Color fill = render::category_color(events.categories[i]);
      const float dark = 0.08f;
      const Color edge{fill.r + (dark - fill.r) * 0.75f, fill.g + (dark - fill.g) * 0.75f,
                       fill.b + (dark - fill.b) * 0.75f, 1.0f};
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
      shape_path(r - rim / 2);
      set_color(cr_, fill, 0.85f * fade);
      cairo_fill_preserve(cr_);
      cairo_set_line_width(cr_, rim);
      cairo_set_line_join(cr_, CAIRO_LINE_JOIN_MITER);
      set_color(cr_, edge, fade);
      cairo_stroke(cr_);
    });
  }

  // The map's names, placed as the GL text layer places them (render::place_labels on
  // the same layout's boxes, clear of the same markers and arcs), anchored in projected units.
  void draw_labels(const render::TimeFilter& filter, const render::LayerToggles& layers) {
    render::LabelObstacles obstacles;
    obstacles.keep_clear = render::furniture_boxes(content_.furniture);
    if (layers.places)
      for (const auto& m : content_.scene.markers) obstacles.markers.push_back({m.position, m.radius});
    std::vector<render::ProjectedLink> arcs;
    if (layers.links) {
      for (const auto& link : content_.links)
        if (render::link_state(filter, static_cast<float>(link.start), static_cast<float>(link.end)) !=
            render::LinkState::hidden)
          arcs.push_back(render::project_link(link, content_.projection));
      for (const auto& arc : arcs) obstacles.arcs.emplace_back(arc.points);
    }
    const std::vector<render::TextItem> items = render::scene_label_items(content_.scene, theme_);
    std::vector<render::TextBlock> blocks;
    std::vector<render::LabelPlace> places;
    std::vector<const render::TextItem*> laid_out;
    for (const auto& item : items) {
      render::TextBlock block = render::layout_text(font(item.bold).atlas(), item.text, item.size, item.align);
      if (block.glyphs.empty()) continue;
      const float px = item.x * frame_.to_pixel[0] + frame_.to_pixel[2];
      const float py = item.y * frame_.to_pixel[1] + frame_.to_pixel[3];
      places.push_back(
          {render::label_box(render::ink_box(block, item.offset_x, item.offset_y), px, py, frame_.scale), item.group});
      blocks.push_back(std::move(block));
      laid_out.push_back(&item);
    }
    const std::vector<bool> keep = render::place_labels(places, frame_, obstacles);
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      if (!keep[i]) continue;
      const auto& item = *laid_out[i];
      const float px = item.x * frame_.to_pixel[0] + frame_.to_pixel[2];
      const float py = item.y * frame_.to_pixel[1] + frame_.to_pixel[3];
      draw_text(item, blocks[i], px, py, frame_.scale);
    }
  }

  // Texts anchored in image pixels (overlay, furniture): no decluttering.
  void draw_texts(const std::vector<render::TextItem>& items) {
    for (const auto& item : items) {
      const render::TextBlock block = render::layout_text(font(item.bold).atlas(), item.text, item.size, item.align);
      if (!block.glyphs.empty()) draw_text(item, block, item.x, item.y, view_.scale);
    }
  }

  // shaders/text.*: the anchor rounded to a whole pixel, glyphs where the layout puts
  // them, and a halo of 1.6 px (at most 4.5 of the atlas's 32 px, text.frag's cap at
  // 0.45 of the field) as a stroke of the glyph outlines under the fill.
  void draw_text(const render::TextItem& item, const render::TextBlock& block, float x, float y, float scale) {
    Font& f = font(item.bold);
    const double bx = std::floor(x + 0.5f) + item.offset_x * scale;
    const double by = std::floor(y + 0.5f) + (item.offset_y + block.baseline) * scale;
    std::vector<cairo_glyph_t> glyphs;
    glyphs.reserve(block.glyphs.size());
    for (const auto& g : block.glyphs) glyphs.push_back({f.glyph_index(g.codepoint), bx + double{g.pen * scale}, by});
    cairo_set_font_face(cr_, f.cairo());
    cairo_set_font_size(cr_, item.size * scale * f.atlas().em() / render::GlyphAtlas::kBakeSize);
    const int count = static_cast<int>(glyphs.size());
    if (item.halo.a > 0) {
      const float bake_px = static_cast<float>(item.size) * scale / render::GlyphAtlas::kBakeSize;
      const double halo = std::min(1.6f * scale, 4.5f * bake_px);
      cairo_new_path(cr_);
      cairo_glyph_path(cr_, glyphs.data(), count);
      cairo_set_line_width(cr_, 2 * halo);
      cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
      set_color(cr_, item.halo);
      cairo_stroke(cr_);
    }
    set_color(cr_, item.color);
    cairo_show_glyphs(cr_, glyphs.data(), count);
    // Below 14 px text.frag lowers the glyph edge by up to 0.09 of the field (0.9 atlas
    // px) so thin stems keep their ink: the same outward growth as a thin stroke.
    const float output_size = item.size * scale;
    const float grow = 0.9f * std::clamp((14.0f - output_size) / 7.0f, 0.0f, 1.0f) * output_size /
                       render::GlyphAtlas::kBakeSize;
    if (grow > 0.02f) {
      cairo_new_path(cr_);
      cairo_glyph_path(cr_, glyphs.data(), count);
      cairo_set_line_width(cr_, double{2 * grow});
      cairo_stroke(cr_);
    }
  }

  void draw_furniture() {
    const auto& furniture = content_.furniture;
    // The inset first: over the map's layers, under its own frame and the other items.
    if (furniture.inset) draw_inset(*furniture.inset);
    for (const auto& shape : furniture.shapes) draw_shape(shape);
    draw_texts(furniture.texts);
  }

  void shape_path(const std::vector<Vec2>& points, bool closed) {
    cairo_new_path(cr_);
    for (std::size_t i = 0; i < points.size(); ++i) {
      if (i == 0)
        cairo_move_to(cr_, points[i].x, points[i].y);
      else
        cairo_line_to(cr_, points[i].x, points[i].y);
    }
    if (closed) cairo_close_path(cr_);
  }

  void draw_shape(const render::Shape& shape) {
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
  void draw_inset(const render::Inset& inset) {
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

  Font& font(bool bold) { return bold ? bold_ : regular_; }

  cairo_t* cr_;
  int width_, height_;
  const render::View& view_;
  const VectorContent& content_;
  const render::Theme& theme_;
  render::FrameTransform frame_;
  double scale_;  // view.scale
  Font regular_, bold_;
};

void check(cairo_status_t status, const std::filesystem::path& path) {
  if (status != CAIRO_STATUS_SUCCESS) throw Error(path.string() + ": cannot write: " + cairo_status_to_string(status));
}

void check_page(int width, int height) {
  if (width <= 0 || height <= 0) throw UsageError("page size " + std::to_string(width) + "x" + std::to_string(height) + " is out of range");
}

// Unhinted outlines at their exact sizes, as the GL atlas draws them.
void set_font_options(cairo_t* cr) {
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_set_font_options(cr, options);
  cairo_font_options_destroy(options);
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

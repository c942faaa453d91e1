// The vector backend's private parts: the Painter that draws one map with Cairo, split
// by feature over vector_writer.cpp (the page and the map's layers), vector_text.cpp
// (fonts, names and texts) and vector_furniture.cpp (the composer's furniture and the
// inset). Not for other modules: vector_writer.hpp is the interface.
#pragma once

#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <cstddef>
#include <memory>
#include <vector>

#include "core/embedded.hpp"
#include "export/vector_writer.hpp"
#include "render/glyph_atlas.hpp"

namespace chronomap::exporting::vector_backend {

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

inline void set_color(cairo_t* cr, Color c, float alpha = 1.0f) {
  cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a * alpha);
}

// Unhinted outlines at their exact sizes, as the GL atlas draws them.
void set_font_options(cairo_t* cr);

// One of the embedded fonts, as FreeType reads it for Cairo (so a PDF embeds it) and
// as the GL text layer lays it out (so glyphs land where the PNG has them).
class Font {
 public:
  explicit Font(const char* name);
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

  void draw();

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
  using LineFilter = bool (*)(render::LineStyle);

  static bool is_border(render::LineStyle s) {
    return s == render::LineStyle::border || s == render::LineStyle::focus_border;
  }

  // The map's layers (vector_writer.cpp).
  void draw_fills(const Transform& t, const Bounds& bounds);
  void draw_lines(const Transform& t, const Bounds& bounds, float scale, LineFilter visible);
  template <typename Fn>
  void for_each_shown_event(const render::TimeFilter& filter, std::vector<std::size_t>& order, Fn fn);
  void draw_hexagons(const render::TimeFilter& filter);
  void draw_links(const render::TimeFilter& filter);
  void draw_markers();
  void draw_events(const render::TimeFilter& filter);

  // Names and texts (vector_text.cpp).
  void draw_labels(const render::TimeFilter& filter, const render::LayerToggles& layers);
  void draw_texts(const std::vector<render::TextItem>& items);
  void draw_text(const render::TextItem& item, const render::TextBlock& block, float x, float y, float scale);

  // The furniture (vector_furniture.cpp).
  void draw_furniture();
  void shape_path(const std::vector<Vec2>& points, bool closed);
  void draw_shape(const render::Shape& shape);
  void draw_inset(const render::Inset& inset);

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

}  // namespace chronomap::exporting::vector_backend

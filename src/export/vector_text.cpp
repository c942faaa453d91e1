// The vector backend's text: the embedded fonts for Cairo, the map's names decluttered
// as the GL text layer does, and texts anchored in image pixels (overlay, furniture),
// glyph for glyph where the GL layout puts them.
#include <cairo-ft.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/error.hpp"
#include "export/vector_painter.hpp"
#include "render/label_placement.hpp"

namespace chronomap::exporting::vector_backend {

Font::Font(const char* name) : bytes_(find_embedded(embedded_fonts(), name)), atlas_({bytes_.data, bytes_.size}) {
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

void set_font_options(cairo_t* cr) {
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_set_font_options(cr, options);
  cairo_font_options_destroy(options);
}

// The map's names, placed as the GL text layer places them (render::place_labels on the
// same layout's boxes, clear of the same markers, arcs and furniture), anchored in
// projected units.
void Painter::draw_labels(const render::TimeFilter& filter, const render::LayerToggles& layers) {
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
void Painter::draw_texts(const std::vector<render::TextItem>& items) {
  for (const auto& item : items) {
    const render::TextBlock block = render::layout_text(font(item.bold).atlas(), item.text, item.size, item.align);
    if (!block.glyphs.empty()) draw_text(item, block, item.x, item.y, view_.scale);
  }
}

// shaders/text.*: the anchor rounded to a whole pixel, glyphs where the layout puts
// them, and a halo of 1.6 px (at most 4.5 of the atlas's 32 px, text.frag's cap at
// 0.45 of the field) as a stroke of the glyph outlines under the fill.
void Painter::draw_text(const render::TextItem& item, const render::TextBlock& block, float x, float y, float scale) {
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

}  // namespace chronomap::exporting::vector_backend

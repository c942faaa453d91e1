// Signed-distance-field glyphs baked on demand from an embedded TrueType font into
// one texture-sized bitmap; any script the font covers (Latin with accents, Cyrillic)
// renders. No GL here: the text layer uploads the bitmap when it changed.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace chronomap::render {

struct Glyph {
  float advance = 0;                         // design px at the bake size
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;      // quad relative to the pen on the baseline, y down
  float u0 = 0, v0 = 0, u1 = 0, v1 = 0;      // atlas coordinates
  bool visible = false;                      // false for spaces and missing glyphs
};

class GlyphAtlas {
 public:
  static constexpr int kWidth = 1024;
  static constexpr int kHeight = 1024;
  static constexpr float kBakeSize = 32.0f;  // pixel height glyphs are baked at
  static constexpr int kPadding = 5;         // distance-field reach around each glyph

  // `font` must outlive the atlas (the embedded font does).
  explicit GlyphAtlas(std::span<const unsigned char> font);
  ~GlyphAtlas();
  GlyphAtlas(const GlyphAtlas&) = delete;
  GlyphAtlas& operator=(const GlyphAtlas&) = delete;

  const Glyph& glyph(char32_t codepoint);
  [[nodiscard]] float kerning(char32_t left, char32_t right) const;  // design px at bake size
  [[nodiscard]] float ascent() const { return ascent_; }
  [[nodiscard]] float descent() const { return descent_; }  // negative
  // The font's em square at the bake size (text of size s is set at s / kBakeSize * em()
  // px per em by backends that draw outlines).
  [[nodiscard]] float em() const { return em_; }
  [[nodiscard]] bool has_glyph(char32_t codepoint) const;

  [[nodiscard]] const std::vector<std::uint8_t>& pixels() const { return pixels_; }
  // True when glyphs were added since the last call (the texture needs an upload).
  bool take_dirty();

  // The distance-field value change per bake pixel, in [0, 1] units.
  static constexpr float field_per_pixel() { return 0.5f / kPadding; }

 private:
  struct FontInfo;
  std::unique_ptr<FontInfo> font_;
  float scale_ = 1, ascent_ = 0, descent_ = 0, em_ = 0;
  std::unordered_map<char32_t, Glyph> glyphs_;
  std::vector<std::uint8_t> pixels_;
  int shelf_x_ = 0, shelf_y_ = 0, shelf_height_ = 0;
  bool dirty_ = true;
};

// One glyph placed by layout, relative to the text's anchor (design px at size 1.0).
struct PlacedGlyph {
  float x = 0, y = 0, w = 0, h = 0;
  float u0 = 0, v0 = 0, u1 = 0, v1 = 0;
  char32_t codepoint = 0;  // the character drawn (U+FFFD for one the font lacks)
  float pen = 0;           // x of the glyph's origin on the baseline (for outline backends)
};

enum class Align { left, center, right };

struct TextBlock {
  std::vector<PlacedGlyph> glyphs;
  float width = 0, height = 0;  // design px
  float baseline = 0;           // y of the baseline below the anchor, design px
};

// A laid-out text's ink box around its anchor in design px (the distance field's
// padding shrunk away), placed beside the anchor by (offset_x, offset_y).
struct TextBox {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};
TextBox ink_box(const TextBlock& block, float offset_x, float offset_y);

// A label's box in image pixels: its ink box (design px) at `scale` around the anchor
// at image pixel (x, y).
inline TextBox label_box(const TextBox& ink, float x, float y, float scale) {
  return {x + ink.x0 * scale, y + ink.y0 * scale, x + ink.x1 * scale, y + ink.y1 * scale};
}

// Lays out one line of UTF-8 text at `size` px: horizontally aligned on the anchor,
// vertically centred on it. Invalid UTF-8 becomes U+FFFD.
TextBlock layout_text(GlyphAtlas& atlas, std::string_view utf8, float size, Align align = Align::center);

// Decodes UTF-8; invalid sequences become U+FFFD.
std::u32string decode_utf8(std::string_view text);

}  // namespace chronomap::render

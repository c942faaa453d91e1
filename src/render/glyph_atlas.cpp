// Glyph baking with stb_truetype's SDF rasteriser, shelf-packed into the atlas.
#include "render/glyph_atlas.hpp"

#include <stb_truetype.h>

#include <algorithm>
#include <cstring>

#include "core/error.hpp"

namespace chronomap::render {

struct GlyphAtlas::FontInfo {
  stbtt_fontinfo info{};
};

GlyphAtlas::GlyphAtlas(std::span<const unsigned char> font)
    : font_(std::make_unique<FontInfo>()), pixels_(static_cast<std::size_t>(kWidth) * kHeight, 0) {
  if (stbtt_InitFont(&font_->info, font.data(), stbtt_GetFontOffsetForIndex(font.data(), 0)) == 0)
    throw Error("the embedded label font cannot be read");
  scale_ = stbtt_ScaleForPixelHeight(&font_->info, kBakeSize);
  int ascent = 0, descent = 0, gap = 0;
  stbtt_GetFontVMetrics(&font_->info, &ascent, &descent, &gap);
  ascent_ = static_cast<float>(ascent) * scale_;
  descent_ = static_cast<float>(descent) * scale_;
  em_ = scale_ / stbtt_ScaleForMappingEmToPixels(&font_->info, 1.0f);
}

GlyphAtlas::~GlyphAtlas() = default;

bool GlyphAtlas::has_glyph(char32_t codepoint) const {
  return stbtt_FindGlyphIndex(&font_->info, static_cast<int>(codepoint)) != 0;
}

float GlyphAtlas::kerning(char32_t left, char32_t right) const {
  return static_cast<float>(stbtt_GetCodepointKernAdvance(&font_->info, static_cast<int>(left),
                                                          static_cast<int>(right))) * scale_;
}

bool GlyphAtlas::take_dirty() {
  const bool was = dirty_;
  dirty_ = false;
  return was;
}

const Glyph& GlyphAtlas::glyph(char32_t codepoint) {
  if (auto it = glyphs_.find(codepoint); it != glyphs_.end()) return it->second;
  Glyph g;
  const int cp = has_glyph(codepoint) ? static_cast<int>(codepoint) : 0xFFFD;
  int advance = 0, bearing = 0;
  stbtt_GetCodepointHMetrics(&font_->info, cp, &advance, &bearing);
  g.advance = static_cast<float>(advance) * scale_;
  int w = 0, h = 0, xoff = 0, yoff = 0;
  unsigned char* field = stbtt_GetCodepointSDF(&font_->info, scale_, cp, kPadding, 128,
                                               128.0f / static_cast<float>(kPadding), &w, &h, &xoff, &yoff);
  if (field != nullptr && w > 0 && h > 0) {
    if (shelf_x_ + w > kWidth) {  // next shelf
      shelf_x_ = 0;
      shelf_y_ += shelf_height_ + 1;
      shelf_height_ = 0;
    }
    if (shelf_y_ + h <= kHeight) {
      for (int row = 0; row < h; ++row) {
        std::memcpy(&pixels_[static_cast<std::size_t>(shelf_y_ + row) * kWidth + static_cast<std::size_t>(shelf_x_)],
                    field + static_cast<std::ptrdiff_t>(row) * w, static_cast<std::size_t>(w));
      }
      g.x0 = static_cast<float>(xoff);
      g.y0 = static_cast<float>(yoff);
      g.x1 = static_cast<float>(xoff + w);
      g.y1 = static_cast<float>(yoff + h);
      g.u0 = static_cast<float>(shelf_x_) / kWidth;
      g.v0 = static_cast<float>(shelf_y_) / kHeight;
      g.u1 = static_cast<float>(shelf_x_ + w) / kWidth;
      g.v1 = static_cast<float>(shelf_y_ + h) / kHeight;
      g.visible = true;
      shelf_x_ += w + 1;
      shelf_height_ = std::max(shelf_height_, h);
      dirty_ = true;
    }  // else the atlas is full: the glyph is left out rather than drawn wrong
  }
  if (field != nullptr) stbtt_FreeSDF(field, nullptr);
  return glyphs_.emplace(codepoint, g).first->second;
}

std::u32string decode_utf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1fu) : extra == 2 ? (c & 0x0fu) : (c & 0x07u);
    bool ok = extra >= 0;
    for (int k = 1; ok && k <= extra; ++k) {
      if (i + static_cast<std::size_t>(k) >= text.size()) { ok = false; break; }
      const auto cc = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
      if ((cc >> 6) != 2) { ok = false; break; }
      cp = (cp << 6) | (cc & 0x3fu);
    }
    if (!ok || (extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
        (cp >= 0xd800 && cp <= 0xdfff)) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    out.push_back(cp);
    i += static_cast<std::size_t>(extra) + 1;
  }
  return out;
}

TextBlock layout_text(GlyphAtlas& atlas, std::string_view utf8, float size, Align align) {
  const float k = size / GlyphAtlas::kBakeSize;
  const std::u32string text = decode_utf8(utf8);
  TextBlock block;
  float pen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const Glyph& g = atlas.glyph(text[i]);
    if (g.visible) {
      const char32_t drawn = atlas.has_glyph(text[i]) ? text[i] : 0xFFFD;
      block.glyphs.push_back({(pen + g.x0) * k, g.y0 * k, (g.x1 - g.x0) * k, (g.y1 - g.y0) * k, g.u0, g.v0, g.u1, g.v1,
                              drawn, pen * k});
    }
    pen += g.advance;
    if (i + 1 < text.size()) pen += atlas.kerning(text[i], text[i + 1]);
  }
  block.width = pen * k;
  block.height = (atlas.ascent() - atlas.descent()) * k;
  // Centre vertically on the anchor: the baseline sits below it by half the cap height.
  const float dx = align == Align::left ? 0.0f : align == Align::center ? -block.width / 2 : -block.width;
  const float dy = (atlas.ascent() * 0.72f / 2.0f) * k;  // about half the capital height
  for (auto& g : block.glyphs) {
    g.x += dx;
    g.y += dy;
    g.pen += dx;
  }
  block.baseline = dy;
  return block;
}

TextBox ink_box(const TextBlock& block, float offset_x, float offset_y) {
  TextBox box{1e9f, 1e9f, -1e9f, -1e9f};
  for (const auto& g : block.glyphs) {
    box.x0 = std::min(box.x0, g.x + offset_x);
    box.y0 = std::min(box.y0, g.y + offset_y);
    box.x1 = std::max(box.x1, g.x + g.w + offset_x);
    box.y1 = std::max(box.y1, g.y + g.h + offset_y);
  }
  // The distance field's padding is part of each glyph quad; shrink it away.
  const float pad = static_cast<float>(GlyphAtlas::kPadding) * 0.5f;
  return {box.x0 + pad, box.y0 + pad, box.x1 - pad, box.y1 - pad};
}

}  // namespace chronomap::render

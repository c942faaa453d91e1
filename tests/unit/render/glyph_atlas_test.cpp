// Label text: UTF-8 decoding and glyph layout with the embedded font, so accents
// (Tillabéri) and Cyrillic (Москва) render instead of boxes or nothing.
#include <gtest/gtest.h>

#include <string>

#include "core/embedded.hpp"
#include "render/glyph_atlas.hpp"

namespace chronomap::render {
namespace {

std::span<const unsigned char> font(const char* name) {
  const auto& file = find_embedded(embedded_fonts(), name);
  return {file.data, file.size};
}

TEST(DecodeUtf8, ValidTextInEveryLength) {
  EXPECT_EQ(decode_utf8("Mali"), U"Mali");
  EXPECT_EQ(decode_utf8("Tillabéri"), U"Tillabéri");
  EXPECT_EQ(decode_utf8("Москва"), U"Москва");
  EXPECT_EQ(decode_utf8("\xE2\x82\xAC"), U"\u20AC");         // euro sign, 3 bytes
  EXPECT_EQ(decode_utf8("\xF0\x9F\x8C\x8D"), U"\U0001F30D");  // globe, 4 bytes
  EXPECT_EQ(decode_utf8(""), U"");
}

TEST(DecodeUtf8, InvalidBytesBecomeReplacementCharacters) {
  // Latin-1 é, as a CSV saved in the wrong encoding would have it: the rest survives.
  EXPECT_EQ(decode_utf8("Tillab\xE9ri"), U"Tillab\uFFFDri");
  EXPECT_EQ(decode_utf8("\xFF"), U"\uFFFD");
  EXPECT_EQ(decode_utf8("a\x80z"), U"a\uFFFDz");  // a lone continuation byte
  // An overlong '/' must not decode to '/' (a classic path-traversal trick).
  const std::u32string overlong = decode_utf8("\xC0\xAF");
  EXPECT_EQ(overlong.find(U'/'), std::u32string::npos);
  EXPECT_NE(overlong.find(U'\uFFFD'), std::u32string::npos);
  // A UTF-16 surrogate encoded in UTF-8 is not a character.
  const std::u32string surrogate = decode_utf8("\xED\xA0\x80");
  for (char32_t c : surrogate) EXPECT_EQ(c, U'\uFFFD');
  // Cut short at the end of the string: no read past it, and no character invented.
  const std::u32string cut = decode_utf8("Mo\xD0");
  EXPECT_EQ(cut, U"Mo\uFFFD");
  const std::u32string beyond = decode_utf8("\xF4\x90\x80\x80");  // above U+10FFFF
  ASSERT_FALSE(beyond.empty());
  for (char32_t c : beyond) EXPECT_EQ(c, U'\uFFFD');
}

TEST(GlyphAtlas, AccentsAndCyrillicHaveGlyphs) {
  for (const char* name : {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"}) {
    SCOPED_TRACE(name);
    GlyphAtlas atlas(font(name));
    for (const char32_t c : decode_utf8("Москва Tillabéri Ségou Kidal Niamey")) {
      ASSERT_TRUE(atlas.has_glyph(c)) << "U+" << std::hex << static_cast<unsigned>(c);
      const Glyph& g = atlas.glyph(c);
      EXPECT_GT(g.advance, 0.0f);
      if (c == U' ') continue;
      EXPECT_TRUE(g.visible) << "U+" << std::hex << static_cast<unsigned>(c);
      EXPECT_GT(g.x1 - g.x0, 0.0f);
      EXPECT_GT(g.y1 - g.y0, 0.0f);
      EXPECT_LT(g.u0, g.u1);
      EXPECT_LT(g.v0, g.v1);
    }
    EXPECT_TRUE(atlas.take_dirty()) << "new glyphs must be uploaded";
    EXPECT_FALSE(atlas.take_dirty());
  }
}

TEST(GlyphAtlas, DistinctGlyphsTakeDistinctPlaces) {
  GlyphAtlas atlas(font("DejaVuSans.ttf"));
  const Glyph a = atlas.glyph(U'М');
  const Glyph b = atlas.glyph(U'é');
  EXPECT_TRUE(a.u1 <= b.u0 || b.u1 <= a.u0 || a.v1 <= b.v0 || b.v1 <= a.v0) << "glyphs overlap in the atlas";
}

TEST(LayoutText, WidthScalesWithSizeAndAlignmentMovesTheText) {
  GlyphAtlas atlas(font("DejaVuSans.ttf"));
  const TextBlock small = layout_text(atlas, "Москва", 12.0f);
  const TextBlock large = layout_text(atlas, "Москва", 24.0f);
  ASSERT_EQ(small.glyphs.size(), 6u);
  EXPECT_GT(small.width, 20.0f);   // six letters at 12 px are wider than 20 px...
  EXPECT_LT(small.width, 80.0f);   // ...and narrower than 80
  EXPECT_NEAR(large.width, 2 * small.width, 0.01f);

  // Centred text straddles the anchor; left-aligned text starts at it.
  const TextBlock centred = layout_text(atlas, "Tillabéri", 16.0f, Align::center);
  const TextBlock left = layout_text(atlas, "Tillabéri", 16.0f, Align::left);
  ASSERT_EQ(centred.glyphs.size(), 9u);
  EXPECT_LT(centred.glyphs.front().x, 0.0f);
  EXPECT_GT(centred.glyphs.back().x + centred.glyphs.back().w, 0.0f);
  // (A glyph's quad includes the distance field's padding around it.)
  const float padding = GlyphAtlas::kPadding * 16.0f / GlyphAtlas::kBakeSize;
  EXPECT_GE(left.glyphs.front().x, -padding - 0.5f);
  EXPECT_NEAR(left.glyphs.front().x - centred.glyphs.front().x, centred.width / 2, 0.01f);
  // Glyphs advance left to right.
  for (std::size_t i = 1; i < left.glyphs.size(); ++i) EXPECT_GT(left.glyphs[i].x, left.glyphs[i - 1].x);
}

TEST(LayoutText, InvalidBytesStillShowAMark) {
  GlyphAtlas atlas(font("DejaVuSans.ttf"));
  // The broken byte becomes a visible replacement glyph rather than vanishing.
  EXPECT_EQ(layout_text(atlas, "Tillab\xE9ri", 16.0f).glyphs.size(), 9u);
  // A character the font lacks (private use area) is drawn as U+FFFD too.
  EXPECT_FALSE(atlas.has_glyph(U'\uE000'));
  EXPECT_EQ(layout_text(atlas, "\xEE\x80\x80", 16.0f).glyphs.size(), 1u);
}

}  // namespace
}  // namespace chronomap::render

// Text: glyph instances laid out on the CPU when the texts change (not per frame),
// drawn from the distance-field atlases with a halo for legibility over any fill.
#include "render/layers.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>

#include "core/embedded.hpp"

namespace chronomap::render {
namespace {

struct GlyphInstance {
  float anchor[2];
  float rect[4];
  float uv[4];
};

std::span<const unsigned char> font_bytes(const char* name) {
  const auto& file = find_embedded(embedded_fonts(), name);
  return {file.data, file.size};
}

}  // namespace

std::vector<TextItem> scene_label_items(const Scene& scene, const Theme& theme) {
  // A country's name on its centroid, else a little above, below or aside (off the
  // capitals' markers and the arcs); a place's name right of its marker, else left,
  // above or below (inside the image: Moscow's goes left at the right edge).
  std::vector<TextItem> labels;
  int group = 0;
  for (const auto& l : scene.labels) {
    const bool country = l.style == LabelStyle::country;
    const float size = country ? theme.country_label_size : theme.city_label_size;
    const auto add = [&](Align align, float dx, float dy) {
      labels.push_back({l.text, l.anchor.x, l.anchor.y, size, align, l.offset_x + dx, l.offset_y + dy, theme.label,
                        theme.label_halo, country, group});
    };
    if (l.centered) {
      // Half a line at a time, so that the name stays as near its centroid as it can.
      add(Align::center, 0, 0);
      for (int k = 1; k <= 4; ++k)
        for (const float sign : {-1.0f, 1.0f}) add(Align::center, 0, sign * static_cast<float>(k) * size * 0.5f);
      for (const float dx : {-2 * size, 2 * size}) add(Align::center, dx, 0);
    } else {
      const float gap = l.offset_x;  // the marker's radius and a little
      const float above = gap + size * 0.45f;
      add(Align::left, 0, 0);
      add(Align::right, -2 * gap, 0);
      add(Align::center, -gap, -above);
      add(Align::center, -gap, above);
    }
    ++group;
  }
  return labels;
}

TextLayer::TextLayer()
    : program_("text"),
      vao_(make_vertex_array()),
      instances_(make_buffer()),
      regular_(font_bytes("DejaVuSans.ttf")),
      bold_(font_bytes("DejaVuSans-Bold.ttf")),
      regular_texture_(make_texture()),
      bold_texture_(make_texture()) {
  color_ = program_.uniform("u_color");
  halo_ = program_.uniform("u_halo");
  halo_width_ = program_.uniform("u_halo_width");
  screen_ = program_.uniform("u_screen_space");
  scale_ = program_.uniform("u_scale");
  atlas_ = program_.uniform("u_atlas");
  size_ = program_.uniform("u_size");
  glBindVertexArray(vao_.get());
  corners_.bind_to_attribute_0();
  glBindVertexArray(0);
  for (const auto* texture : {&regular_texture_, &bold_texture_}) {
    glBindTexture(GL_TEXTURE_2D, texture->get());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  }
}

void TextLayer::upload_atlas(GlyphAtlas& atlas, const GlTexture& texture) {
  if (!atlas.take_dirty()) return;
  glBindTexture(GL_TEXTURE_2D, texture.get());
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, GlyphAtlas::kWidth, GlyphAtlas::kHeight, 0, GL_RED, GL_UNSIGNED_BYTE,
               atlas.pixels().data());
}

void TextLayer::set_items(const std::vector<TextItem>& items, bool screen_space) {
  screen_space_ = screen_space;
  if (screen_space && !prebaked_) {
    // Furniture text changes every frame of a series (dates, counts): its common
    // characters are baked first, in a fixed order, so each lies at the same place in
    // the atlas whatever was drawn before, and a frame of a series, a single render
    // and the window's snapshot come out the same to the pixel.
    for (char32_t c = U' '; c <= U'~'; ++c) {
      regular_.glyph(c);
      bold_.glyph(c);
    }
    for (const char32_t c : std::u32string_view(U"–—·…≥≤²°×’")) {
      regular_.glyph(c);
      bold_.glyph(c);
    }
    prebaked_ = true;
  }
  runs_.clear();
  std::vector<GlyphInstance> instances;
  for (const auto& item : items) {
    const TextBlock block = layout_text(atlas(item.bold), item.text, item.size, item.align);
    Run run{static_cast<GLint>(instances.size()), 0, item.color, item.halo, item.size, item.bold, item.x, item.y,
            ink_box(block, item.offset_x, item.offset_y), item.group};
    for (const auto& g : block.glyphs) {
      instances.push_back({{item.x, item.y},
                           {g.x + item.offset_x, g.y + item.offset_y, g.w, g.h},
                           {g.u0, g.v0, g.u1, g.v1}});
    }
    run.count = static_cast<GLsizei>(instances.size()) - run.first;
    if (run.count > 0) runs_.push_back(run);
  }
  upload_atlas(regular_, regular_texture_);
  upload_atlas(bold_, bold_texture_);
  upload_records(instances_, instances, GL_DYNAMIC_DRAW);
}

std::vector<bool> TextLayer::declutter(const FrameTransform& frame, const LabelObstacles& obstacles) const {
  if (screen_space_) return std::vector<bool>(runs_.size(), true);  // overlays: all of them
  std::vector<LabelPlace> places;
  places.reserve(runs_.size());
  for (const Run& r : runs_) {
    const float px = r.anchor_x * frame.to_pixel[0] + frame.to_pixel[2];
    const float py = r.anchor_y * frame.to_pixel[1] + frame.to_pixel[3];
    places.push_back({label_box(r.box, px, py, frame.scale), r.group});
  }
  return place_labels(places, frame, obstacles);
}

void TextLayer::draw(const FrameTransform& frame, const LabelObstacles& obstacles) const {
  if (runs_.empty()) return;
  const std::vector<bool> keep = declutter(frame, obstacles);
  program_.use();
  program_.set_frame(frame);
  glUniform1i(screen_, screen_space_ ? 1 : 0);
  glUniform1f(scale_, frame.scale);
  glUniform1i(atlas_, 0);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(vao_.get());
  glBindBuffer(GL_ARRAY_BUFFER, instances_.get());
  for (std::size_t i = 0; i < runs_.size(); ++i) {
    if (!keep[i]) continue;
    const Run& run = runs_[i];
    const auto base = static_cast<std::uintptr_t>(run.first) * sizeof(GlyphInstance);
    auto attribute = [&](GLuint index, GLint size, std::size_t offset) {
      instance_attribute(index, size, sizeof(GlyphInstance), base + offset);
    };
    attribute(1, 2, offsetof(GlyphInstance, anchor));
    attribute(2, 4, offsetof(GlyphInstance, rect));
    attribute(3, 4, offsetof(GlyphInstance, uv));
    glBindTexture(GL_TEXTURE_2D, (run.bold ? bold_texture_ : regular_texture_).get());
    glUniform4f(color_, run.color.r, run.color.g, run.color.b, run.color.a);
    glUniform4f(halo_, run.halo.r, run.halo.g, run.halo.b, run.halo.a);
    glUniform1f(size_, run.size * frame.scale);
    // A halo of about 1.5 output pixels, in distance-field units at this text size.
    const float halo_px_in_bake = 1.6f * GlyphAtlas::kBakeSize / run.size;
    glUniform1f(halo_width_, std::min(0.45f, halo_px_in_bake * GlyphAtlas::field_per_pixel()));
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, run.count);
  }
  glBindVertexArray(0);
}

}  // namespace chronomap::render

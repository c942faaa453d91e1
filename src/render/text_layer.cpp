// Text: glyph instances laid out on the CPU when the texts change (not per frame),
// drawn from the distance-field atlases with a halo for legibility over any fill.
#include "render/layers.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

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

namespace {

// An axis-aligned box in image pixels, y down.
struct Box {
  float x0, y0, x1, y1;
  [[nodiscard]] bool overlaps(const Box& t) const { return x0 < t.x1 && t.x0 < x1 && y0 < t.y1 && t.y0 < y1; }
  [[nodiscard]] bool inside(const Box& t) const { return x0 >= t.x0 && y0 >= t.y0 && x1 <= t.x1 && y1 <= t.y1; }
  // Whether the segment a-b passes through the box (Liang-Barsky clipping).
  [[nodiscard]] bool cut_by(Vec2 a, Vec2 b) const {
    float t0 = 0, t1 = 1;
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float p[4] = {-dx, dx, -dy, dy}, q[4] = {a.x - x0, x1 - a.x, a.y - y0, y1 - a.y};
    for (int e = 0; e < 4; ++e) {
      if (p[e] == 0) {
        if (q[e] < 0) return false;
        continue;
      }
      const float t = q[e] / p[e];
      if (p[e] < 0) t0 = std::max(t0, t);
      else t1 = std::min(t1, t);
      if (t0 > t1) return false;
    }
    return true;
  }
  // How many of the polylines' segments pass through the box (NaN points break them).
  [[nodiscard]] int crossings(const std::vector<Vec2>& points) const {
    int n = 0;
    for (std::size_t i = 1; i < points.size(); ++i) {
      if (std::isnan(points[i].x) || std::isnan(points[i - 1].x)) continue;
      n += cut_by(points[i - 1], points[i]) ? 1 : 0;
    }
    return n;
  }
};

}  // namespace

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
  runs_.clear();
  std::vector<GlyphInstance> instances;
  for (const auto& item : items) {
    const TextBlock block = layout_text(atlas(item.bold), item.text, item.size, item.align);
    Run run{static_cast<GLint>(instances.size()), 0, item.color, item.halo, item.size, item.bold, item.x, item.y,
            1e9f, 1e9f, -1e9f, -1e9f, item.group};
    for (const auto& g : block.glyphs) {
      run.x0 = std::min(run.x0, g.x + item.offset_x);
      run.y0 = std::min(run.y0, g.y + item.offset_y);
      run.x1 = std::max(run.x1, g.x + g.w + item.offset_x);
      run.y1 = std::max(run.y1, g.y + g.h + item.offset_y);
      instances.push_back({{item.x, item.y},
                           {g.x + item.offset_x, g.y + item.offset_y, g.w, g.h},
                           {g.u0, g.v0, g.u1, g.v1}});
    }
    run.count = static_cast<GLsizei>(instances.size()) - run.first;
    if (run.count > 0) runs_.push_back(run);
  }
  upload_atlas(regular_, regular_texture_);
  upload_atlas(bold_, bold_texture_);
  glBindBuffer(GL_ARRAY_BUFFER, instances_.get());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(instances.size() * sizeof(GlyphInstance)),
               instances.data(), GL_DYNAMIC_DRAW);
}

std::vector<bool> TextLayer::declutter(const FrameTransform& frame, const LabelObstacles& obstacles) const {
  std::vector<bool> keep(runs_.size(), screen_space_);  // overlays: all; map labels: those placed
  if (screen_space_) return keep;
  const auto to_pixel = [&](Vec2 v) {
    return Vec2{v.x * frame.to_pixel[0] + frame.to_pixel[2], v.y * frame.to_pixel[1] + frame.to_pixel[3]};
  };
  // The obstacles in image pixels, once per frame.
  std::vector<Box> markers;
  for (const auto& m : obstacles.markers) {
    const Vec2 p = to_pixel(m.at);
    const float r = (m.radius + 1.0f) * frame.scale;
    markers.push_back({p.x - r, p.y - r, p.x + r, p.y + r});
  }
  std::vector<Vec2> arc_points;  // NaN between arcs and their parts
  for (const auto& arc : obstacles.arcs) {
    arc_points.push_back({std::nanf(""), std::nanf("")});
    for (const Vec2 p : arc) arc_points.push_back(std::isnan(p.x) ? p : to_pixel(p));
  }
  std::vector<Box> taken;
  // The distance field's padding is part of each glyph quad; shrink it away.
  const float pad = static_cast<float>(GlyphAtlas::kPadding) * 0.5f;
  const Box image{0, 0, frame.image[0], frame.image[1]};
  for (std::size_t i = 0; i < runs_.size();) {
    // The places to try for this label: one run, or the runs of its group.
    std::size_t end = i + 1;
    while (runs_[i].group >= 0 && end < runs_.size() && runs_[end].group == runs_[i].group) ++end;
    std::size_t best = end;
    int best_crossings = 0;
    Box best_box{};
    for (std::size_t j = i; j < end; ++j) {
      const Run& r = runs_[j];
      const Vec2 p = to_pixel({r.anchor_x, r.anchor_y});
      const float k = frame.scale;
      const Box box{p.x + (r.x0 + pad) * k, p.y + (r.y0 + pad) * k, p.x + (r.x1 - pad) * k, p.y + (r.y1 - pad) * k};
      if (!box.inside(image)) continue;
      const auto hits = [&](const Box& t) { return box.overlaps(t); };
      if (std::any_of(taken.begin(), taken.end(), hits) || std::any_of(markers.begin(), markers.end(), hits)) continue;
      const int crossings = box.crossings(arc_points);
      if (best == end || crossings < best_crossings) {
        best = j;
        best_crossings = crossings;
        best_box = box;
      }
      if (crossings == 0) break;
    }
    if (best != end) {
      keep[best] = true;
      taken.push_back(best_box);
    }
    i = end;
  }
  return keep;
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

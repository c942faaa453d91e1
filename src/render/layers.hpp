// The GPU side of each kind of map content. Each layer uploads its part of a Scene
// once and draws it per frame with no per-feature CPU work.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <span>
#include <string>
#include <vector>

#include "render/frame.hpp"
#include "render/gl.hpp"
#include "render/glyph_atlas.hpp"
#include "render/label_placement.hpp"
#include "render/program.hpp"
#include "render/scene.hpp"

namespace chronomap::render {

struct Shape;  // render/furniture.hpp

// A unit quad's corners, shared by the instanced layers.
class QuadCorners {
 public:
  // line: x 0..1 along, y -1..1 across; marker: -1..1 both; text: 0..1 both.
  enum class Kind { line, marker, text };
  explicit QuadCorners(Kind kind);
  // Binds the corners to attribute 0 of the current vertex array.
  void bind_to_attribute_0() const;
  // One float attribute of a layer's instance records: `size` floats, `offset` bytes in.
  struct Field {
    GLuint index;
    GLint size;
    std::size_t offset;
  };
  // Sets `vao` up for instanced quads: these corners on attribute 0, and `fields` of
  // the `stride`-byte records in `instances`, one record per instance.
  void set_up_instances(const GlVertexArray& vao, const GlBuffer& instances, std::size_t stride,
                        std::initializer_list<Field> fields) const;

 private:
  GlBuffer buffer_;
};

class FillLayer {
 public:
  FillLayer();
  void upload(const Scene& scene);
  void draw(const FrameTransform& frame) const;

 private:
  Program program_;
  GlVertexArray vao_;
  GlBuffer vertices_;
  GLint color_ = -1;
  struct Batch {
    Color color;
    std::vector<GLint> firsts;
    std::vector<GLsizei> counts;
    GLint cover_first = 0;
  };
  std::vector<Batch> batches_;
};

class LineLayer {
 public:
  LineLayer();
  void upload(const Scene& scene);
  // Draws the batches whose style `visible` accepts.
  template <typename Visible>
  void draw(const FrameTransform& frame, const Theme& theme, Visible visible) const {
    begin(frame);
    for (const auto& b : batches_)
      if (visible(b.style)) draw_batch(b, theme, frame.scale);
  }

 private:
  void begin(const FrameTransform& frame) const;
  void draw_batch(const LineBatch& batch, const Theme& theme, float scale) const;
  Program program_;
  QuadCorners corners_{QuadCorners::Kind::line};
  GlVertexArray vao_;
  GlBuffer segments_;
  GLint color_ = -1, width_ = -1;
  std::vector<LineBatch> batches_;
};

class MarkerLayer {
 public:
  MarkerLayer();
  void upload(const std::vector<Marker>& markers);
  void draw(const FrameTransform& frame) const;

 private:
  Program program_;
  QuadCorners corners_{QuadCorners::Kind::marker};
  GlVertexArray vao_;
  GlBuffer instances_;
  GLint scale_ = -1;
  GLsizei count_ = 0;
};

// A run of text to draw: map labels (anchored in projected units) or overlay text
// (anchored in image pixels).
struct TextItem {
  std::string text;
  float x = 0, y = 0;  // anchor
  float size = 14;     // design px
  Align align = Align::center;
  float offset_x = 0, offset_y = 0;
  Color color, halo;
  bool bold = false;
  // Map labels: items with the same group (>= 0) are places to try for one label, in
  // order of preference; the first that fits is drawn, the others not.
  int group = -1;
};

// The scene's place and country names as text items in the theme's sizes and colours
// (country names bold and first, so placement keeps them), each label as a group of
// the places it may take, best first (render/label_placement.hpp).
std::vector<TextItem> scene_label_items(const Scene& scene, const Theme& theme);

// Furniture shapes (render/furniture.hpp) in image pixels: convex fills and dashed,
// anti-aliased strokes, tessellated into triangles once per set_shapes().
class ShapeLayer {
 public:
  ShapeLayer();
  void set_shapes(const std::vector<Shape>& shapes);
  void draw(const FrameTransform& frame) const;
  [[nodiscard]] bool empty() const { return count_ == 0; }

 private:
  Program program_;
  GlVertexArray vao_;
  GlBuffer vertices_;
  GLsizei count_ = 0;
};

class TextLayer {
 public:
  TextLayer();
  // Lays out and uploads the texts; `screen_space` anchors are image pixels.
  void set_items(const std::vector<TextItem>& items, bool screen_space);
  void draw(const FrameTransform& frame, const LabelObstacles& obstacles = {}) const;
  GlyphAtlas& atlas(bool bold) { return bold ? bold_ : regular_; }

 private:
  struct Run {
    GLint first = 0;
    GLsizei count = 0;
    Color color, halo;
    float size = 14;
    bool bold = false;
    float anchor_x = 0, anchor_y = 0;      // as given (projected or image pixels)
    TextBox box;                           // the run's ink box around the anchor, design px
    int group = -1;
  };
  // Which runs to draw: all of them for overlays; for map labels, in order, for each
  // label the first of its places that lies inside the image, overlaps no label
  // already accepted and no marker, and crosses the fewest arcs (the first labels win).
  [[nodiscard]] std::vector<bool> declutter(const FrameTransform& frame, const LabelObstacles& obstacles) const;
  void upload_atlas(GlyphAtlas& atlas, const GlTexture& texture);
  Program program_;
  QuadCorners corners_{QuadCorners::Kind::text};
  GlVertexArray vao_;
  GlBuffer instances_;
  GlyphAtlas regular_, bold_;
  GlTexture regular_texture_, bold_texture_;
  std::vector<Run> runs_;
  bool screen_space_ = false;
  bool prebaked_ = false;  // the common characters are in the atlas
  GLint color_ = -1, halo_ = -1, halo_width_ = -1, screen_ = -1, scale_ = -1, atlas_ = -1, size_ = -1;
};

}  // namespace chronomap::render

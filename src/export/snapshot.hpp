// Render-to-image: the path "Save snapshot" and `chronomap render` share. Images
// larger than one GPU framebuffer are drawn tile by tile with the same shaders, a row
// of tiles at a time, and handed on as rows, so a file is written as it is drawn.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "core/image.hpp"
#include "render/frame_cache.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen.hpp"

namespace chronomap::exporting {

// Largest image side accepted, and the most pixels (1 GiB of RGBA).
inline constexpr int kMaxImageSide = 32768;
inline constexpr long long kMaxImagePixels = 1LL << 28;

// Draws images of one size with the current GL context and hands a sink every row,
// top first, in blocks. The offscreen target is kept from one image to the next, and
// so is the base map while camera, layers and scale stay (the window's FrameCache),
// when one tile holds the image: a series of frames redraws only what time moves.
class ImageRenderer {
 public:
  // `max_tile` caps the tile size (0: as large as the GPU allows). `series`: more
  // images will follow, so the base map is worth keeping (a single image skips the
  // cache's second target). Throws UsageError for a size out of range.
  ImageRenderer(int width, int height, int max_tile = 0, bool series = false);
  void render_rows(const render::MapRenderer& renderer, const render::View& view, const RowSink& sink);

 private:
  int width_, height_, tile_w_, tile_h_;
  bool series_;
  std::unique_ptr<render::OffscreenTarget> target_;
  render::FrameCache cache_;
};

// One image through an ImageRenderer, handed to `sink` as rows.
void render_rows(const render::MapRenderer& renderer, const render::View& view, int width, int height,
                 const RowSink& sink, int max_tile = 0);

// The same, into one image.
Image render_image(const render::MapRenderer& renderer, const render::View& view, int width, int height,
                   int max_tile = 0);

}  // namespace chronomap::exporting

// Tiled offscreen rendering, streamed out a row of tiles at a time.
#include "export/snapshot.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "render/offscreen.hpp"

namespace chronomap::exporting {
namespace {

// Rows read back from the GPU per block when one tile spans the image's width: the
// block buffer stays small whatever the image's height.
constexpr int kReadRows = 128;

}  // namespace

ImageRenderer::ImageRenderer(int width, int height, int max_tile, bool series)
    : width_(width), height_(height), series_(series) {
  if (width <= 0 || height <= 0 || width > kMaxImageSide || height > kMaxImageSide ||
      static_cast<long long>(width) * height > kMaxImagePixels) {
    throw UsageError("image size " + std::to_string(width) + "x" + std::to_string(height) + " is out of range");
  }
  int tile_side = std::min(render::OffscreenTarget::max_size(), 4096);
  // Tests force small tiles through the environment to check that a tiled image
  // equals an untiled one without rendering gigapixels.
  if (const char* forced = std::getenv("CHRONOMAP_MAX_TILE"); max_tile == 0 && forced != nullptr)
    max_tile = std::atoi(forced);
  if (max_tile > 0) tile_side = std::min(tile_side, std::max(max_tile, 16));
  tile_w_ = std::min(width, tile_side);
  tile_h_ = std::min(height, tile_side);
  target_ = std::make_unique<render::OffscreenTarget>(tile_w_, tile_h_);
}

void ImageRenderer::render_rows(const render::MapRenderer& renderer, const render::View& view, const RowSink& sink) {
  const int width = width_, height = height_, tile_w = tile_w_, tile_h = tile_h_;
  const render::OffscreenTarget& target = *target_;
  const auto row_bytes = static_cast<std::size_t>(width) * 4;

  if (tile_w == width) {
    // One tile per band: read back straight from the GPU a block of rows at a time.
    std::vector<std::uint8_t> block(row_bytes * static_cast<std::size_t>(std::min(kReadRows, tile_h)));
    for (int y0 = 0; y0 < height; y0 += tile_h) {
      if (series_ && tile_h == height)
        cache_.draw(renderer, view, target);
      else
        renderer.draw(view, target, width, height, {0, y0, tile_w, tile_h});
      const int h = std::min(tile_h, height - y0);
      for (int row = 0; row < h; row += kReadRows) {
        const int rows = std::min(kReadRows, h - row);
        target.read_rows(row, rows, block.data(), row_bytes);
        sink(block.data(), rows, row_bytes);
      }
    }
    return;
  }
  // Several tiles per band: the band is put together, then handed on.
  std::vector<std::uint8_t> band(row_bytes * static_cast<std::size_t>(tile_h));
  for (int y0 = 0; y0 < height; y0 += tile_h) {
    const int h = std::min(tile_h, height - y0);
    for (int x0 = 0; x0 < width; x0 += tile_w) {
      renderer.draw(view, target, width, height, {x0, y0, tile_w, tile_h});
      const int w = std::min(tile_w, width - x0);
      if (w == tile_w) {
        target.read_rows(0, h, band.data() + static_cast<std::size_t>(x0) * 4, row_bytes);
      } else {
        // The last tile of a band sticks out of the image: read it whole, keep its left part.
        std::vector<std::uint8_t> tile(static_cast<std::size_t>(tile_w) * 4 * static_cast<std::size_t>(h));
        target.read_rows(0, h, tile.data(), static_cast<std::size_t>(tile_w) * 4);
        for (int row = 0; row < h; ++row) {
          std::memcpy(band.data() + static_cast<std::size_t>(row) * row_bytes + static_cast<std::size_t>(x0) * 4,
                      tile.data() + static_cast<std::size_t>(row) * static_cast<std::size_t>(tile_w) * 4,
                      static_cast<std::size_t>(w) * 4);
        }
      }
    }
    sink(band.data(), h, row_bytes);
  }
}

void render_rows(const render::MapRenderer& renderer, const render::View& view, int width, int height,
                 const RowSink& sink, int max_tile) {
  ImageRenderer(width, height, max_tile).render_rows(renderer, view, sink);
}

Image render_image(const render::MapRenderer& renderer, const render::View& view, int width, int height,
                   int max_tile) {
  Image image;
  int next_row = 0;
  render_rows(
      renderer, view, width, height,
      [&](const std::uint8_t* rows, int count, std::size_t stride) {
        if (image.empty()) image = Image(width, height);
        for (int i = 0; i < count; ++i, ++next_row) {
          std::memcpy(image.data() + static_cast<std::size_t>(next_row) * static_cast<std::size_t>(width) * 4,
                      rows + static_cast<std::size_t>(i) * stride, static_cast<std::size_t>(width) * 4);
        }
      },
      max_tile);
  return image;
}

}  // namespace chronomap::exporting

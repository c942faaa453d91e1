// Tiled offscreen rendering into one image.
#include "export/snapshot.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

#include "core/error.hpp"
#include "render/offscreen.hpp"

namespace chronomap::exporting {

Image render_image(const render::MapRenderer& renderer, const render::View& view, int width, int height,
                   int max_tile) {
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
  const int tile_w = std::min(width, tile_side);
  const int tile_h = std::min(height, tile_side);
  const render::OffscreenTarget target(tile_w, tile_h);

  if (tile_w == width && tile_h == height) {
    target.bind();
    renderer.draw(view, width, height);
    return target.read_pixels();
  }
  Image image(width, height);
  const auto row_bytes = static_cast<std::size_t>(width) * 4;
  for (int y0 = 0; y0 < height; y0 += tile_h) {
    for (int x0 = 0; x0 < width; x0 += tile_w) {
      target.bind();
      renderer.draw(view, width, height, {x0, y0, tile_w, tile_h});
      const Image tile = target.read_pixels();
      const int w = std::min(tile_w, width - x0);
      const int h = std::min(tile_h, height - y0);
      for (int row = 0; row < h; ++row) {
        std::memcpy(image.data() + static_cast<std::size_t>(y0 + row) * row_bytes + static_cast<std::size_t>(x0) * 4,
                    tile.data() + static_cast<std::size_t>(row) * static_cast<std::size_t>(tile_w) * 4,
                    static_cast<std::size_t>(w) * 4);
      }
    }
  }
  return image;
}

}  // namespace chronomap::exporting

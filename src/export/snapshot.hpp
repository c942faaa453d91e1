// Render-to-image: the path "Save snapshot" and `chronomap render` share. Images
// larger than one GPU framebuffer are drawn tile by tile with the same shaders.
#pragma once

#include <filesystem>

#include "core/image.hpp"
#include "render/map_renderer.hpp"

namespace chronomap::exporting {

// Largest image side accepted, and the most pixels (1 GiB of RGBA).
inline constexpr int kMaxImageSide = 32768;
inline constexpr long long kMaxImagePixels = 1LL << 28;

// Draws `view` at width×height with the current GL context. `max_tile` caps the tile
// size (0: as large as the GPU allows).
Image render_image(const render::MapRenderer& renderer, const render::View& view, int width, int height,
                   int max_tile = 0);

}  // namespace chronomap::exporting

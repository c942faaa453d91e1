// Render-to-image: the path "Save snapshot" and `chronomap render` share. Images
// larger than one GPU framebuffer are drawn tile by tile with the same shaders, a row
// of tiles at a time, and handed on as rows, so a file is written as it is drawn.
#pragma once

#include <filesystem>
#include <optional>

#include "core/image.hpp"
#include "render/map_renderer.hpp"

namespace chronomap::exporting {

// Largest image side accepted, and the most pixels (1 GiB of RGBA).
inline constexpr int kMaxImageSide = 32768;
inline constexpr long long kMaxImagePixels = 1LL << 28;

// Draws `view` at width×height with the current GL context and hands `sink` every
// row, top first, in blocks. `max_tile` caps the tile size (0: as large as the GPU
// allows). Throws UsageError for a size out of range.
void render_rows(const render::MapRenderer& renderer, const render::View& view, int width, int height,
                 const RowSink& sink, int max_tile = 0);

// The same, into one image.
Image render_image(const render::MapRenderer& renderer, const render::View& view, int width, int height,
                   int max_tile = 0);

// The same, written to `path` in the format its extension names, row block by row
// block (never the whole image in memory). `dpi` goes into the file when known.
void render_to_file(const std::filesystem::path& path, const render::MapRenderer& renderer, const render::View& view,
                    int width, int height, std::optional<double> dpi = std::nullopt);

}  // namespace chronomap::exporting

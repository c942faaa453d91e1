// PDF and SVG output: the map drawn by Cairo from the same values the GL renderer
// draws (the Scene, the events and links with the View's time window and filter mask,
// the overlay's texts and the furniture display list), with the same layer order,
// colours, widths, label decluttering and the same embedded fonts, so a vector file
// matches the PNG of the same map. No GL context is needed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <vector>

#include "core/image.hpp"
#include "export/print_size.hpp"
#include "geo/projection.hpp"
#include "render/furniture.hpp"
#include "render/map_renderer.hpp"
#include "render/scene.hpp"
#include "render/time_data.hpp"

namespace chronomap::exporting {

enum class VectorFormat { pdf, svg };

// The page: an image of width×height pixels (the PNG's size) at `dpi` pixels per inch,
// so a page width*72/dpi points wide (A4 at 300 dpi: 2480x3508 px, 595x842 pt; a
// --size at the default 96 dpi: 1 px = 0.75 pt).
struct VectorPage {
  VectorFormat format = VectorFormat::pdf;
  int width = 0, height = 0;
  double dpi = kDesignDpi;
};

// What to draw, as the GL renderer is given it; events and links are projected here
// with `projection` (the scene's).
struct VectorContent {
  const render::Scene& scene;
  const geo::Projection& projection;
  const render::EventSet& events;
  std::span<const std::uint8_t> event_mask;  // one byte per event passing the filters; empty: all
  const std::vector<render::Link>& links;
  const std::vector<render::TextItem>& overlay;  // image pixels
  const render::Furniture& furniture;
  render::Theme theme = {};
};

// Writes the map atomically as a PDF or SVG. `text` (Title, Description, Software,
// Creation Time) goes into a PDF's document information. Events are drawn as hexagons
// when view.density says so, as points otherwise (a heatmap is a raster, and `auto`
// is resolved by the caller). Throws chronomap::Error naming
// the file when it cannot be written.
void write_vector(const std::filesystem::path& path, const VectorPage& page, const render::View& view,
                  const VectorContent& content, std::span<const ImageText> text = {});

// The same drawing into an RGBA image of the page's pixel size (Cairo's own
// rasteriser): what the vector files hold, checkable without a PDF reader.
Image draw_vector_image(int width, int height, const render::View& view, const VectorContent& content);

}  // namespace chronomap::exporting

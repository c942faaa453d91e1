// GeoTIFF output through GDAL's GTiff driver: the map's pixels with its CRS and the
// camera's geotransform, so GIS software (gdalinfo, QGIS) places the image exactly.
#pragma once

#include <array>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>

#include "core/image.hpp"
#include "geo/projection.hpp"
#include "render/frame.hpp"

namespace chronomap::exporting {

struct Georeference {
  std::string wkt;  // the map's CRS
  // GDAL's affine transform from pixel corners (column, row) to projected x/y:
  // x = g[0] + column * g[1], y = g[3] + row * g[5] (no rotation: g[2] = g[4] = 0).
  std::array<double, 6> geotransform{};
};

// Where a width×height image drawn by `camera` lies in `projection`: pixel (0, 0)'s
// top-left corner at the view's top-left, a pixel the camera's units per pixel wide
// and high. Throws UsageError when the projection has no WKT definition to record.
Georeference georeference(const render::Camera& camera, int width, int height,
                          const geo::Projection& projection);

// Writes an RGBA GeoTIFF, deflate-compressed, atomically; `produce` hands the sink all
// `height` rows, top first. `dpi` goes into the TIFF resolution tags; `text` into the
// TIFF tags (Title: DocumentName, Description: ImageDescription, Software, Creation
// Time: DateTime) and the others into GDAL metadata. Throws chronomap::Error naming
// the file on failure.
void write_geotiff_rows(const std::filesystem::path& path, int width, int height,
                        const std::function<void(const RowSink&)>& produce, const Georeference& georeference,
                        std::optional<double> dpi, std::span<const ImageText> text);

}  // namespace chronomap::exporting

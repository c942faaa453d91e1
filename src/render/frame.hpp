// What one draw of the map needs to place things: the camera over projected
// coordinates, the image it is drawn for, and the tile of that image being drawn.
#pragma once

#include "geo/types.hpp"

namespace chronomap::render {

// The map's camera: the projected point at the image centre and the size of a pixel
// in projected units, on each axis (equal for an undistorted map; an explicit
// plate-carrée --bbox may stretch).
struct Camera {
  geo::XY center;
  double units_per_pixel_x = 1;
  double units_per_pixel_y = 1;

  // The camera that shows `extent` in a width×height image: keep_aspect fits it
  // inside with a margin (a fraction of the image); otherwise it maps exactly.
  static Camera fit(const geo::Extent& extent, int width, int height, double margin = 0.0,
                    bool keep_aspect = true);
  // The projected point under image pixel (px, py), y down.
  [[nodiscard]] geo::XY unproject(double px, double py, int width, int height) const;
  // Zoom by `factor` (>1 zooms in) keeping the point under pixel (px, py) fixed.
  void zoom_at(double factor, double px, double py, int width, int height);
  // Moves the map by (dx, dy) pixels.
  void pan_pixels(double dx, double dy);
  // The projected extent a width×height image covers.
  [[nodiscard]] geo::Extent visible_extent(int width, int height) const;
};

// The part of an image a framebuffer holds (all of it, unless exporting in tiles).
struct Tile {
  int x = 0, y = 0, width = 0, height = 0;
};

// Uniform values shared by every layer for one frame.
struct FrameTransform {
  float to_pixel[4];  // pixel = xy * to_pixel[0..1] + to_pixel[2..3]
  float tile[4];      // tile origin and size in image pixels
  float scale = 1;    // design pixels -> output pixels (line widths, text, markers)
  float image[2];     // the whole image's width and height in pixels

  FrameTransform(const Camera& camera, int image_width, int image_height, const Tile& tile, float scale);
};

}  // namespace chronomap::render

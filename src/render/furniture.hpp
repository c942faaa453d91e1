// Map furniture as a display list: what a composed image carries over the map (title,
// date, caption, legend box with its swatches, scale bar, north arrow, inset locator,
// attribution), described once in image pixels and drawn by every backend (the GL
// renderer for the window, PNG, JPEG and GeoTIFF; the vector backend for PDF and SVG).
// No GL here.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "geo/types.hpp"
#include "render/frame.hpp"
#include "render/layers.hpp"
#include "render/scene.hpp"
#include "render/theme.hpp"

namespace chronomap::render {

// A line's look: colour, width and dash pattern (on, off, on, off... lengths), all in
// image pixels. An empty dash is a solid line.
struct Stroke {
  Color color;
  float width = 1;
  std::vector<float> dash;
};

// A path in image pixels (y down). A fill is drawn only for closed paths, and must be
// star-shaped about the mean of its points (convex shapes and the marker outlines of
// render/symbols.hpp are; the inset's countries are drawn by the inset, not as shapes).
struct Shape {
  std::vector<Vec2> points;
  bool closed = false;
  std::optional<Color> fill;
  std::optional<Stroke> stroke;
};

// A small locator map: the base map's fills and borders (the same Scene, so the same
// projection) drawn inside `box`, showing `shows`, with `frame` (the main map's visible
// extent, projected) outlined on it.
struct Inset {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // image pixels
  geo::Extent shows;                     // projected
  geo::Extent frame;                     // projected
  Color background, outline;
  float outline_width = 1.5f;            // image pixels
};

// Drawn in order: shapes, then the inset, then the texts (whose sizes are design
// pixels multiplied by the frame's scale, like every TextItem; anchors are image pixels).
struct Furniture {
  std::vector<Shape> shapes;
  std::optional<Inset> inset;
  std::vector<TextItem> texts;
};

// The width in pixels of one line of UTF-8 text drawn `size` pixels high, in the
// renderer's font (bold or regular): what furniture boxes are sized by.
float measure_text(std::string_view utf8, float size, bool bold);

// What the furniture covers over the map, in image pixels: the boxes around its filled
// shapes (panels, bands, swatches) and the inset. Map labels keep clear of them.
std::vector<TextBox> furniture_boxes(const Furniture& furniture);

// The camera that shows the inset's `shows` extent in its box (as an image of the box's size).
Camera inset_camera(const Inset& inset);

// Shape helpers, all in image pixels.
Shape rectangle(float x0, float y0, float x1, float y1, std::optional<Color> fill, std::optional<Stroke> stroke = {});
Shape polyline(std::vector<Vec2> points, Stroke stroke);
// A regular polygon approximating a disc of `radius`, or a marker outline of `sides`
// sides rotated by `rotation` radians.
Shape disc(float x, float y, float radius, std::optional<Color> fill, std::optional<Stroke> stroke = {},
           int sides = 32, float rotation = 0);

}  // namespace chronomap::render

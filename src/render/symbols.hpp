// The second cue beside colour: a marker shape per event category and a dash pattern
// per link kind, so a map printed in greyscale or read with a colour-vision deficiency
// still tells them apart. The event shader, the window's legend and the export legend
// all draw from these, so they agree.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "render/scene.hpp"

namespace chronomap::render {

enum class MarkerShape : std::uint8_t {
  circle,
  square,
  triangle,       // point up
  diamond,
  triangle_down,
  star,           // five points
  plus,
  cross,          // a plus turned 45 degrees
  hexagon,
  pentagon,
  hourglass,
};
inline constexpr std::size_t kMarkerShapeCount = 11;

// One shape per render::event_categories() entry, all different.
MarkerShape category_shape(std::uint8_t category);
std::string_view marker_shape_name(MarkerShape shape);

// The shape's outline for a marker of radius 1 (the disc's radius; other shapes are
// sized to about the disc's area), in y-down pixels around (0, 0), clockwise on
// screen. Every shape is star-shaped about its centre, so a fan of triangles from
// (0, 0) fills it, concave ones (star, plus, cross, hourglass) included.
std::vector<Vec2> marker_outline(MarkerShape shape);
// How far the shape reaches from its centre, in radii (its quad's half size).
float marker_extent(MarkerShape shape);

// A link kind's dash pattern along the arc: on, off, on, off... lengths in design
// pixels (multiplied by the frame's scale when drawn); empty: a solid line. At most
// four lengths (the arc shader's limit).
std::span<const float> link_kind_dash(std::uint8_t kind);

// How well an event's date and place are known, as the event shader's flags: a date
// known only to its week, month or year draws the category's shape as an outline (a
// ring); a place known only to its region or country adds a dashed circle around it.
enum PrecisionFlags : std::uint8_t { kDateImprecise = 1, kPlaceImprecise = 2 };
// The dashed circle's radius, in marker radii (shaders/marker_shapes.glsl has it too).
inline constexpr float kPlaceHaloRadius = 1.95f;
// Whether a store's geo_precision word ("city", "near", "region", "admin1", "country"...)
// places the event at the centroid of an area larger than a town's surroundings.
bool place_imprecise(std::string_view geo_precision);

}  // namespace chronomap::render

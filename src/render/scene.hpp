// The base map in lon/lat (BaseMap, loaded once) and its projected, GPU-ready form
// (Scene, rebuilt only when the projection changes). No GL here: tests and the CLI
// build scenes without a context.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "geo/projection.hpp"
#include "geo/vector_source.hpp"
#include "render/theme.hpp"

namespace chronomap::render {

struct Place {
  std::string label;
  geo::LonLat position;
  bool is_moscow = false;
};

struct BaseMap {
  geo::VectorLayer countries;
  std::optional<geo::VectorLayer> admin1;  // the city of Moscow
  std::vector<Place> places;               // capitals of the focus countries, Moscow
};

// Loads the countries from `boundaries` (any OGR source; empty: the shipped
// geodata/boundaries.gpkg, layer "countries") and Moscow from the shipped admin1 layer.
// Throws InputError for an unreadable source.
BaseMap load_base_map(const std::string& boundaries = {}, const std::string& layer = {});

struct Vec2 {
  float x = 0, y = 0;
};

struct RingSpan {
  int first = 0;
  int count = 0;
};

// Rings filled with one colour by stencil (even-odd), then covered by one quad.
struct FillBatch {
  Color color;
  FillStyle style = FillStyle::land;
  std::vector<RingSpan> rings;
  int cover_first = 0;  // 4 vertices, a triangle strip over the batch's extent
};

struct Segment {
  Vec2 from, to;
};

struct LineBatch {
  LineStyle style = LineStyle::border;
  int first = 0;  // into Scene::segments
  int count = 0;
};

struct Marker {
  Vec2 position;
  float radius = 4;  // design pixels
  Color fill, stroke;
};

struct Label {
  std::string text;  // UTF-8
  Vec2 anchor;       // projected
  LabelStyle style = LabelStyle::city;
  float offset_x = 0, offset_y = 0;  // design pixels from the anchor
  bool centered = true;              // else starts at the anchor (beside a marker)
};

struct Scene {
  std::string projection;  // the projection's spec
  std::vector<Vec2> fill_vertices;
  std::vector<FillBatch> fills;
  std::vector<Segment> segments;
  std::vector<LineBatch> lines;
  std::vector<Marker> markers;
  std::vector<Label> labels;
  geo::Extent default_extent;    // projected: the focus countries and Moscow together, or
                                 // without them, the countries loaded
  geo::Extent world_extent;      // projected: everything drawn
  geo::Extent countries_extent;  // projected: the boundaries' polygons
  bool has_focus = false;        // the boundaries hold a focus country (Mali, ...)
  Color sea = Theme{}.sea;       // the theme's sea, under the fills (an inset clears to it)
};

// Projects the base map with PROJ once; the result is what the renderer uploads.
Scene build_scene(const BaseMap& map, const geo::Projection& projection, const Theme& theme = {});


}  // namespace chronomap::render

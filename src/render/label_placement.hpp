// Where the map's names go, decided once for every backend: the GL text layer and the
// PDF/SVG writer give the same candidate boxes to place_labels() and draw what it keeps,
// so a vector figure labels the same places, in the same positions, as its PNG.
// No GL here.
#pragma once

#include <span>
#include <vector>

#include "render/glyph_atlas.hpp"
#include "render/scene.hpp"

namespace chronomap::render {

struct FrameTransform;

// What map labels keep clear of, besides each other and the image's edges: place
// markers (a label never covers one), boxes of furniture drawn over the map (never
// covered either), and the arcs of the links shown (a label crosses as few as it can).
struct LabelObstacles {
  struct Circle {
    Vec2 at;       // projected
    float radius;  // design px
  };
  std::vector<Circle> markers;
  std::vector<std::span<const Vec2>> arcs;  // projected points, NaN between parts
  std::vector<TextBox> keep_clear;          // image pixels
};

// One place a label may take: its ink box in image pixels, and its label's group.
// Consecutive places with the same group (>= 0) are the choices for one label, best
// first; a place with group -1 is a label with only that place.
struct LabelPlace {
  TextBox box;
  int group = -1;
};

// Which places to draw. Labels are taken in order (the first ones win); for each, the
// first of its places that lies inside the image, overlaps no label already placed, no
// marker and no kept-clear box, and crosses no arc; failing that, the one of those
// crossing the fewest arcs; none if every place is blocked.
std::vector<bool> place_labels(std::span<const LabelPlace> places, const FrameTransform& frame,
                               const LabelObstacles& obstacles);

}  // namespace chronomap::render

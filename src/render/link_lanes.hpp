// Links that join the same two places (the AES mutual defence and the Confederation
// between two capitals; a Moscow memorandum over a military-cooperation link) are
// drawn as separate curves side by side: each gets a lane, a signed sideways offset
// in design pixels that is greatest halfway along the arc and nothing at its ends, so
// the curves part between the places and meet at their markers. The rule is written
// once here; shaders/arc.vert mirrors lane_offset_at() and offset_segment() for the
// GPU, and hover tests and vector output use these functions. No GL here.
#pragma once

#include <span>
#include <utility>
#include <vector>

#include "render/scene.hpp"
#include "render/time_data.hpp"

namespace chronomap::render {

// Design pixels between the centre lines of neighbouring links (they are 2.4 wide).
constexpr float kLinkLaneSpacing = 6.0f;

// One lane per link, in design pixels (0 for a link alone). Links are grouped by
// their unordered pair of endpoints; within a group, in the input order, the lanes
// are centred on the shared path (±3 for two, -6, 0, 6 for three). The sign is for
// the link's own direction, from `from` to `to`: a link stored the other way round
// gets the opposite sign, so that it lies on the side its lane says.
std::vector<float> link_lanes(std::span<const Link> links);

// How far sideways (design pixels) a point at fraction t (0 at `from`, 1 at `to`) of
// a link's length lies: lane × √sin(πt), so the curves part soon after leaving a place.
float lane_offset_at(float lane, float t);

// A segment of an arc in image pixels (y down), from fraction t_a to t_b of the arc,
// moved along its left normal (-dy, dx) by lane_offset_at() × scale at each end.
std::pair<Vec2, Vec2> offset_segment(Vec2 a, Vec2 b, float t_a, float t_b, float lane, float scale);

// The fraction of the arc's projected length at each point of `points` (NaN points,
// where an arc is cut at a seam, take the fraction of the point before them).
std::vector<float> arc_fractions(std::span<const Vec2> points);

}  // namespace chronomap::render

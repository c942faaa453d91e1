// Cutting lines and polygons at a projection's seam, the meridian where the map's
// left and right edges meet (lon_0 + 180). A ring that crosses it, projected as is,
// joins a point on the left edge to one on the right: a smear across the whole map.
#pragma once

#include <vector>

#include "geo/types.hpp"

namespace chronomap::geo {

using Line = std::vector<LonLat>;

// Splits `line` where it crosses the seam, ending one part and starting the next on
// either edge at the latitude where it crosses. Points on the seam move a hair to the
// side of their neighbours so the projection puts them on the right edge.
std::vector<Line> cut_line_at_seam(const Line& line, double seam);

// Cuts a ring (closed or not) at the seam into rings that each lie on one side, each
// closed along the seam; a ring around a pole (one that crosses the seam an odd
// number of times) is closed along the seam and the pole. The pieces are for
// even-odd filling: drawn together, they cover exactly what the ring covered.
std::vector<Ring> cut_ring_at_seam(const Ring& ring, double seam);

}  // namespace chronomap::geo

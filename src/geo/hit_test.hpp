// Which feature lies under a point: what the GUI shows on hover.
#pragma once

#include "geo/vector_source.hpp"

namespace chronomap::geo {

// Even-odd rule over every ring, so holes are outside.
bool polygon_contains(const Polygon& polygon, LonLat point);

// The first feature of `layer` whose polygons contain `point`, or nullptr.
const Feature* feature_at(const VectorLayer& layer, LonLat point);

}  // namespace chronomap::geo

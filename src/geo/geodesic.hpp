// Great-circle (geodesic) paths on the WGS 84 ellipsoid, through PROJ's geodesic API,
// for drawing alliance links and measuring scale bars.
#pragma once

#include <vector>

#include "geo/types.hpp"

namespace chronomap::geo {

// Distance in metres along the geodesic between two points.
double geodesic_distance_m(LonLat from, LonLat to);

// Points along the geodesic from `from` to `to`, both ends included, no two
// consecutive points further apart than `max_step_m`. Longitudes are kept continuous
// (they may leave [-180, 180] when the path crosses the antimeridian).
std::vector<LonLat> geodesic_path(LonLat from, LonLat to, double max_step_m = 50'000.0);

// The point `distance_m` metres from `from` along the initial bearing `azimuth_deg`.
LonLat geodesic_destination(LonLat from, double azimuth_deg, double distance_m);

}  // namespace chronomap::geo

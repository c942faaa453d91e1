// The capitals the render tests place things at (WGS 84, from GeoNames).
#pragma once

#include "geo/types.hpp"

namespace chronomap::render::test {

inline constexpr geo::LonLat kBamako{-8.0029, 12.6392};
inline constexpr geo::LonLat kOuagadougou{-1.5197, 12.3714};
inline constexpr geo::LonLat kMoscow{37.6173, 55.7558};

}  // namespace chronomap::render::test

// Turning what a user typed for --projection into a PROJ CRS fit to draw a map on,
// without PROJ's guessing: PROJ matches an unknown word to the nearest CRS name
// ("foo" becomes Amersfoort) and accepts CRSs that are no map (geocentric, vertical).
// Internal to src/geo.
#pragma once

#include <proj.h>

#include <string>
#include <string_view>

namespace chronomap::geo {

// PROJ's reason for the context's last error, for messages.
std::string proj_reason(PJ_CONTEXT* ctx);

// Creates the CRS `definition` describes: a code (EPSG:3857), a PROJ string, WKT or
// PROJJSON, a URN, or a CRS name matched exactly (case-insensitive). Throws UsageError
// naming `spec` (what the user typed): "unknown CRS 'foo': ... closest names: ..." or
// "EPSG:4978 is a geocentric CRS, not a map projection". The caller owns the result.
PJ* create_map_crs(PJ_CONTEXT* ctx, const std::string& spec, const std::string& definition);

// The central meridian of `crs` in degrees (its +lon_0), 0 when it has none.
double central_meridian(PJ_CONTEXT* ctx, PJ* crs);

// Whether `crs` is azimuthal (its antipode is its rim, so it has no seam to cut at).
bool is_azimuthal(PJ_CONTEXT* ctx, PJ* crs);

}  // namespace chronomap::geo

// Which countries an event or a link concerns, beyond where it is drawn: the link
// endpoint's country (a city's, looked up by name near the link's point), and the
// filling of both for stores made before the store kept them.
#pragma once

#include <string>
#include <string_view>

#include "store/gazetteer.hpp"
#include "store/sqlite.hpp"

namespace chronomap::store {

// How far a city's gazetteer entry may lie from the point the link gives it.
inline constexpr double kEndpointKm = 50;

// The ISO3 country of a link endpoint: a country endpoint's own code; for a city, the
// country of the candidate for its name nearest to (lon, lat) within kEndpointKm, or of
// the resolved place when the candidates carry no position; "" for a point, or a city
// no gazetteer places there.
std::string endpoint_country(std::string_view type, std::string_view name, double lon, double lat,
                             const Geocode& candidates);

// Migration to schema 5, in the migration's transaction: each event's `involved` from
// the countries its actors name, and each city endpoint's country from the shipped
// gazetteer. Reads the shipped boundaries and gazetteer only when there is something
// to fill.
void backfill_involvement(Database& db);

}  // namespace chronomap::store

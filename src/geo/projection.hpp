// A map projection from lon/lat (WGS 84) to planar x/y, through PROJ. The renderer,
// the store's spatial queries and exports only ever see this small interface.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "geo/types.hpp"

namespace chronomap::geo {

struct NamedProjection {
  const char* id;     // what --projection and the GUI's menu take: "equalearth"
  const char* label;  // what the GUI shows: "Equal Earth"
  const char* crs;    // the CRS definition PROJ is given
};

// The projections chronomap offers by name; any other CRS string PROJ accepts
// ("EPSG:3857", "+proj=robin", WKT) works too.
std::span<const NamedProjection> named_projections();

// The id of the default projection of the map (a named one).
inline constexpr std::string_view kDefaultProjection = "laea-sahel";

class Projection {
 public:
  // Builds the projection a user asked for: a named one, a code (EPSG:3857), a PROJ
  // string, WKT/PROJJSON or an exact CRS name; only 2D projected or geographic CRSs.
  // Throws UsageError ("unknown CRS '...': reason", "... is a geocentric CRS, not a
  // map projection") otherwise.
  explicit Projection(std::string_view spec);

  [[nodiscard]] const std::string& spec() const;    // as given
  [[nodiscard]] const std::string& label() const;   // human-readable name
  [[nodiscard]] const std::string& crs() const;     // the CRS definition used
  [[nodiscard]] bool is_geographic() const;         // x/y are degrees (plate carrée)
  [[nodiscard]] std::string wkt() const;            // the target CRS as WKT (GeoTIFF)
  // The meridian where the map's left and right edges meet (lon_0 + 180, in
  // -180..180) when lines and polygons must be cut there; none for azimuthal
  // projections (no seam) and for a seam at ±180 (sources come split there).
  [[nodiscard]] std::optional<double> seam_longitude() const;

  // Projects one point; false when the point has no image in this projection (the
  // far side of an azimuthal projection). Latitudes beyond ±85.0511° are clamped for
  // projections that cannot reach the poles (Mercator).
  bool forward(LonLat in, XY& out) const;
  bool inverse(XY in, LonLat& out) const;

  // Projects many points in place; points with no image become NaN.
  void forward_many(std::span<const LonLat> in, std::vector<XY>& out) const;

  // The projected extent of a lon/lat box, sampling its edges and interior so curved
  // parallels and meridians are covered.
  [[nodiscard]] Extent project_extent(const Extent& lonlat_box) const;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;  // shared by copies; PROJ objects are not thread-safe
};

}  // namespace chronomap::geo

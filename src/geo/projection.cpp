// PROJ-backed projections: one PJ context per projection, lon/lat axis order forced
// with proj_normalize_for_visualization so callers never deal with EPSG axis order.
#include "geo/projection.hpp"

#include <proj.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "core/error.hpp"
#include "geo/map_crs.hpp"

namespace chronomap::geo {
namespace {

constexpr std::array<NamedProjection, 5> kNamed = {{
    {"laea-sahel", "Lambert azimuthal equal-area (Sahel to Moscow)",
     "+proj=laea +lat_0=32 +lon_0=12 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs +type=crs"},
    {"equalearth", "Equal Earth", "EPSG:8857"},
    {"webmercator", "Web Mercator", "EPSG:3857"},
    {"platecarree", "Plate carrée (lon/lat degrees)", "EPSG:4326"},
    {"robinson", "Robinson", "ESRI:54030"},
}};

constexpr double kMercatorLimit = 85.0511287798;

// Mercator-like projections send a pole to a huge but finite y without an error
// (2.4e8 m for EPSG:3857); there the poles must be clamped to the Mercator limit.
bool poles_at_infinity(PJ* transform) {
  auto y_at = [&](double lat, double& y) {
    proj_errno_reset(transform);
    const PJ_COORD c = proj_trans(transform, PJ_FWD, proj_coord(0, lat, 0, 0));
    y = c.xy.y;
    return proj_errno(transform) == 0 && std::isfinite(c.xy.x) && std::isfinite(y);
  };
  double at_limit = 0, at_pole = 0;
  if (!y_at(kMercatorLimit, at_limit)) return false;
  return !y_at(90.0, at_pole) || std::abs(at_pole) > 2 * std::abs(at_limit) + 1.0;
}

}  // namespace

std::span<const NamedProjection> named_projections() { return kNamed; }

struct Projection::Impl {
  std::string spec, label, crs;
  PJ_CONTEXT* ctx = nullptr;
  PJ* target = nullptr;     // the target CRS
  PJ* transform = nullptr;  // WGS 84 lon/lat -> target x/y
  bool geographic = false;
  bool clamp_poles = false;  // the poles lie at infinity (Mercator): clamp latitudes
  std::optional<double> seam;

  ~Impl() {
    if (transform != nullptr) proj_destroy(transform);
    if (target != nullptr) proj_destroy(target);
    if (ctx != nullptr) proj_context_destroy(ctx);
  }
};

Projection::Projection(std::string_view spec) : impl_(std::make_shared<Impl>()) {
  Impl& p = *impl_;
  p.spec = std::string(spec);
  p.label = p.spec;
  p.crs = p.spec;
  for (const auto& named : kNamed) {
    if (spec == named.id) {
      p.label = named.label;
      p.crs = named.crs;
    }
  }
  // A bare "+proj=..." string is an operation to PROJ; make it a CRS.
  if (p.crs.starts_with("+proj=") && p.crs.find("+type=crs") == std::string::npos) p.crs += " +type=crs";

  p.ctx = proj_context_create();
  proj_log_level(p.ctx, PJ_LOG_NONE);
  p.target = create_map_crs(p.ctx, p.spec, p.crs);
  p.geographic = proj_get_type(p.target) == PJ_TYPE_GEOGRAPHIC_2D_CRS;
  // Azimuthal projections map the antipode onto their rim: nothing to cut there. And
  // sources come split at ±180 (Natural Earth does it; RFC 7946 asks for it), so a
  // seam there needs no cutting either, which keeps every map with lon_0 = 0 as it was.
  const double seam = std::remainder(central_meridian(p.ctx, p.target) + 180.0, 360.0);
  if (!is_azimuthal(p.ctx, p.target) && std::abs(seam) < 180.0 - 1e-9) p.seam = seam;
  if (p.label == p.spec) {
    if (const char* name = proj_get_name(p.target); name != nullptr && *name != '\0' && std::string(name) != "unknown")
      p.label = name;
  }

  PJ* wgs84 = proj_create(p.ctx, "EPSG:4326");
  PJ* raw = proj_create_crs_to_crs_from_pj(p.ctx, wgs84, p.target, nullptr, nullptr);
  proj_destroy(wgs84);
  if (raw == nullptr) throw UsageError("unknown CRS '" + p.spec + "': no transformation from WGS 84: " + proj_reason(p.ctx));
  p.transform = proj_normalize_for_visualization(p.ctx, raw);
  proj_destroy(raw);
  if (p.transform == nullptr) throw UsageError("unknown CRS '" + p.spec + "': " + proj_reason(p.ctx));
  p.clamp_poles = poles_at_infinity(p.transform);
}

const std::string& Projection::spec() const { return impl_->spec; }
const std::string& Projection::label() const { return impl_->label; }
const std::string& Projection::crs() const { return impl_->crs; }
bool Projection::is_geographic() const { return impl_->geographic; }
std::optional<double> Projection::seam_longitude() const { return impl_->seam; }

std::string Projection::wkt() const {
  const char* wkt = proj_as_wkt(impl_->ctx, impl_->target, PJ_WKT1_GDAL, nullptr);
  return wkt != nullptr ? wkt : "";
}

bool Projection::forward(LonLat in, XY& out) const {
  if (!std::isfinite(in.lon) || !std::isfinite(in.lat) || std::abs(in.lat) > 90.0) return false;
  auto attempt = [&](double lat) {
    proj_errno_reset(impl_->transform);
    PJ_COORD c = proj_coord(in.lon, lat, 0, 0);
    c = proj_trans(impl_->transform, PJ_FWD, c);
    out = {c.xy.x, c.xy.y};
    return proj_errno(impl_->transform) == 0 && std::isfinite(out.x) && std::isfinite(out.y);
  };
  if (attempt(impl_->clamp_poles ? std::clamp(in.lat, -kMercatorLimit, kMercatorLimit) : in.lat)) return true;
  if (std::abs(in.lat) > kMercatorLimit) return attempt(std::copysign(kMercatorLimit, in.lat));
  return false;
}

bool Projection::inverse(XY in, LonLat& out) const {
  proj_errno_reset(impl_->transform);
  PJ_COORD c = proj_coord(in.x, in.y, 0, 0);
  c = proj_trans(impl_->transform, PJ_INV, c);
  out = {c.lp.lam, c.lp.phi};
  return proj_errno(impl_->transform) == 0 && std::isfinite(out.lon) && std::isfinite(out.lat);
}

void Projection::forward_many(std::span<const LonLat> in, std::vector<XY>& out) const {
  out.resize(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (!forward(in[i], out[i])) out[i] = {std::nan(""), std::nan("")};
  }
}

Extent Projection::project_extent(const Extent& box) const {
  Extent out;
  constexpr int kSteps = 32;
  for (int i = 0; i <= kSteps; ++i) {
    for (int j = 0; j <= kSteps; ++j) {
      const LonLat p{box.min_x + box.width() * i / kSteps, box.min_y + box.height() * j / kSteps};
      XY xy;
      if (forward(p, xy)) out.add(xy.x, xy.y);
    }
  }
  return out;
}

}  // namespace chronomap::geo

// Exact CRS lookup and the check that a CRS can be a map (2D projected or geographic).
#include "geo/map_crs.hpp"

#include <array>
#include <cstdlib>
#include <memory>

#include "core/error.hpp"

namespace chronomap::geo {
namespace {

constexpr std::array<PJ_TYPE, 2> kMapTypes = {PJ_TYPE_GEOGRAPHIC_2D_CRS, PJ_TYPE_PROJECTED_CRS};
constexpr int kClosestNames = 5;

using Object = std::unique_ptr<PJ, decltype(&proj_destroy)>;
using ObjectList = std::unique_ptr<PJ_OBJ_LIST, decltype(&proj_list_destroy)>;

// Everything PROJ reads unambiguously; anything else is taken as a CRS name.
bool is_definition(std::string_view text) {
  if (text.starts_with('+') || text.starts_with("proj=") || text.starts_with('{') ||
      text.find('[') != std::string_view::npos || text.starts_with("urn:") || text.starts_with("http")) {
    return true;
  }
  // AUTHORITY:CODE (EPSG:3857, ESRI:54030, IAU_2015:30100): no blanks, one colon after
  // an authority name.
  const auto colon = text.find(':');
  return colon != std::string_view::npos && colon > 0 && text.find(' ') == std::string_view::npos;
}

ObjectList find_by_name(PJ_CONTEXT* ctx, const std::string& name, bool approximate, int limit) {
  return {proj_create_from_name(ctx, nullptr, name.c_str(), kMapTypes.data(), kMapTypes.size(), approximate ? 1 : 0,
                                static_cast<std::size_t>(limit), nullptr),
          &proj_list_destroy};
}

PJ* create_by_exact_name(PJ_CONTEXT* ctx, const std::string& spec) {
  const ObjectList exact = find_by_name(ctx, spec, false, 1);
  if (exact && proj_list_get_count(exact.get()) > 0) return proj_list_get(ctx, exact.get(), 0);
  std::string closest;
  if (const ObjectList near = find_by_name(ctx, spec, true, kClosestNames); near) {
    for (int i = 0; i < proj_list_get_count(near.get()); ++i) {
      const Object crs(proj_list_get(ctx, near.get(), i), &proj_destroy);
      const char* auth = proj_get_id_auth_name(crs.get(), 0);
      const char* code = proj_get_id_code(crs.get(), 0);
      closest += std::string(closest.empty() ? "" : "; ") + proj_get_name(crs.get());
      if (auth != nullptr && code != nullptr) closest += std::string(" (") + auth + ":" + code + ")";
    }
  }
  throw UsageError("unknown CRS '" + spec + "': no CRS has exactly this name; " +
                   (closest.empty() ? std::string("give a code such as EPSG:3857, a PROJ string or WKT")
                                    : "closest names: " + closest));
}

const char* kind_of(PJ_TYPE type) {
  switch (type) {
    case PJ_TYPE_GEOCENTRIC_CRS: return "a geocentric CRS";
    case PJ_TYPE_GEOGRAPHIC_3D_CRS: return "a 3D geographic CRS";
    case PJ_TYPE_VERTICAL_CRS: return "a vertical CRS";
    case PJ_TYPE_COMPOUND_CRS: return "a compound CRS (horizontal + vertical; give its horizontal part)";
    case PJ_TYPE_ENGINEERING_CRS: return "an engineering CRS";
    case PJ_TYPE_TEMPORAL_CRS: return "a temporal CRS";
    default: return "not a 2D projected or geographic CRS";
  }
}

// The CRS the map is drawn in: a bound CRS (one with +towgs84) draws in its source.
PJ_TYPE map_type(PJ_CONTEXT* ctx, PJ* crs) {
  PJ_TYPE type = proj_get_type(crs);
  if (type == PJ_TYPE_BOUND_CRS) {
    const Object source(proj_get_source_crs(ctx, crs), &proj_destroy);
    type = source ? proj_get_type(source.get()) : PJ_TYPE_UNKNOWN;
  }
  return type;
}

std::string proj_string_of(PJ_CONTEXT* ctx, PJ* crs) {
  const char* text = proj_as_proj_string(ctx, crs, PJ_PROJ_5, nullptr);
  return text != nullptr ? text : "";
}

}  // namespace

std::string proj_reason(PJ_CONTEXT* ctx) {
  const int code = proj_context_errno(ctx);
  const char* text = code != 0 ? proj_context_errno_string(ctx, code) : nullptr;
  return text != nullptr ? text : "not a CRS PROJ knows";
}

PJ* create_map_crs(PJ_CONTEXT* ctx, const std::string& spec, const std::string& definition) {
  PJ* created = is_definition(definition) ? proj_create(ctx, definition.c_str()) : create_by_exact_name(ctx, definition);
  if (created == nullptr) throw UsageError("unknown CRS '" + spec + "': " + proj_reason(ctx));
  Object crs(created, &proj_destroy);
  if (!proj_is_crs(crs.get())) throw UsageError("unknown CRS '" + spec + "': not a coordinate reference system");
  const PJ_TYPE type = map_type(ctx, crs.get());
  if (type != PJ_TYPE_PROJECTED_CRS && type != PJ_TYPE_GEOGRAPHIC_2D_CRS) {
    throw UsageError(spec + " is " + kind_of(type) + ", not a map projection");
  }
  return crs.release();
}

double central_meridian(PJ_CONTEXT* ctx, PJ* crs) {
  const std::string text = proj_string_of(ctx, crs);
  const auto at = text.find("+lon_0=");
  return at == std::string::npos ? 0.0 : std::strtod(text.c_str() + at + 7, nullptr);
}

bool is_azimuthal(PJ_CONTEXT* ctx, PJ* crs) {
  const std::string text = proj_string_of(ctx, crs);
  for (const char* method : {"laea", "aeqd", "ortho", "stere", "sterea", "gnom", "nsper", "tpers", "ups", "geos"}) {
    if (text.find(std::string("+proj=") + method + " ") != std::string::npos) return true;
  }
  return false;
}

}  // namespace chronomap::geo

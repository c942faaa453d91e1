// Density modes, the ramp, ground units at the map's centre, per-day counts and the
// hexagon lattice; the shaders in shaders/density*.{glsl,vert,frag} mirror hex_cell().
#include "render/density.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <utility>

#include "geo/geodesic.hpp"

namespace chronomap::render {
namespace {

constexpr std::array<unsigned, kRampStops> kRamp = {0xfff2c2, 0xf0605d, 0xb3124e, 0x5c0a4f, 0x1e0824};
constexpr double kSqrt3 = 1.7320508075688772;

// The largest 1, 2 or 5 times a power of ten at or below v (v > 0).
double nice_floor(double v) {
  const double decade = std::pow(10.0, std::floor(std::log10(v)));
  for (const double m : {5.0, 2.0, 1.0})
    if (m * decade <= v * (1.0 + 1e-9)) return m * decade;
  return decade;
}

// 0.05, 0.5, 5, 50, 1,500: three significant digits below 1000, thousands grouped.
std::string format_value(double v) {
  char text[32];
  if (v < 1000.0) {
    std::snprintf(text, sizeof text, "%.3g", v);
    return text;
  }
  std::snprintf(text, sizeof text, "%.0f", v);
  std::string digits = text, out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

void distinct_counts(std::vector<DayNumber> days, std::vector<DayNumber>& distinct, std::vector<std::size_t>& counts) {
  std::sort(days.begin(), days.end());
  for (std::size_t i = 0; i < days.size(); ++i) {
    if (distinct.empty() || distinct.back() != days[i]) {
      distinct.push_back(days[i]);
      counts.push_back(0);
    }
    counts.back() = i + 1;
  }
}

// How many of `days` are <= day.
std::size_t at_most(const std::vector<DayNumber>& distinct, const std::vector<std::size_t>& counts, double day) {
  const auto it = std::upper_bound(distinct.begin(), distinct.end(), day,
                                   [](double d, DayNumber x) { return d < static_cast<double>(x); });
  return it == distinct.begin() ? 0 : counts[static_cast<std::size_t>(it - distinct.begin()) - 1];
}

}  // namespace

std::optional<DensityMode> parse_density_mode(std::string_view text) {
  for (const DensityMode m : {DensityMode::automatic, DensityMode::points, DensityMode::heatmap, DensityMode::hexagons})
    if (density_mode_name(m) == text) return m;
  return std::nullopt;
}

std::string_view density_mode_name(DensityMode mode) {
  switch (mode) {
    case DensityMode::automatic: return "auto";
    case DensityMode::points: return "points";
    case DensityMode::heatmap: return "heatmap";
    case DensityMode::hexagons: return "hexagons";
  }
  return "auto";
}

Color density_ramp_stop(std::uint8_t index) { return rgb(kRamp[std::min<std::size_t>(index, kRamp.size() - 1)]); }

Color density_ramp_color(float t) {
  const float x = std::clamp(t, 0.0f, 1.0f) * static_cast<float>(kRampStops - 1);
  const auto i = static_cast<std::uint8_t>(std::min(std::floor(x), static_cast<float>(kRampStops - 2)));
  const float f = x - static_cast<float>(i);
  const Color a = density_ramp_stop(i), b = density_ramp_stop(static_cast<std::uint8_t>(i + 1));
  return {a.r + (b.r - a.r) * f, a.g + (b.g - a.g) * f, a.b + (b.b - a.b) * f, 1.0f};
}

Color density_color(double value, double low) {
  if (!(value > 0) || !(low > 0)) return {0, 0, 0, 0};
  const double t = std::log(std::max(value, low) / low) / (static_cast<double>(kRampDecades) * std::log(10.0));
  const double opacity = 0.8 + 0.12 * std::clamp(t * 3.0, 0.0, 1.0);
  Color c = density_ramp_color(static_cast<float>(t));
  c.a = static_cast<float>(opacity * std::clamp(value / low, 0.0, 1.0));
  return c;
}

GroundScale ground_scale_at_center(const geo::Projection& projection, const Camera& camera) {
  constexpr double kStepPx = 10.0;
  auto distance_km = [&](geo::XY a, geo::XY b) {
    geo::LonLat la, lb;
    if (!projection.inverse(a, la) || !projection.inverse(b, lb)) return 0.0;
    const double d = geo::geodesic_distance_m(la, lb) / 1000.0;
    return std::isfinite(d) ? d : 0.0;
  };
  const geo::XY c = camera.center;
  const double hx = kStepPx / 2 * camera.units_per_pixel_x, hy = kStepPx / 2 * camera.units_per_pixel_y;
  GroundScale g;
  g.km_per_px_x = distance_km({c.x - hx, c.y}, {c.x + hx, c.y}) / kStepPx;
  g.km_per_px_y = distance_km({c.x, c.y - hy}, {c.x, c.y + hy}) / kStepPx;
  if (!(g.km_per_px_x > 0) || !(g.km_per_px_y > 0)) g = {};
  return g;
}

double single_event_peak(const GroundScale& ground, float scale) {
  const double radius = kHeatRadiusPx * scale;
  const double per_px2 = 3.0 / (std::numbers::pi * radius * radius);  // the quartic kernel at its centre
  return ground.km2_per_px() > 0 ? per_px2 / ground.km2_per_px() * 100.0 : per_px2;
}

DensityLegend density_legend(DensityMode effective, const GroundScale& ground, float scale) {
  DensityLegend legend;
  legend.mode = effective;
  legend.ground_known = ground.km2_per_px() > 0;
  if (effective == DensityMode::heatmap) {
    legend.low = nice_floor(single_event_peak(ground, scale) / 3.0);
  } else if (effective == DensityMode::hexagons) {
    legend.low = 1;
    const double s = kHexSizePx * scale;
    legend.hex_area_km2 = 1.5 * kSqrt3 * s * s * ground.km2_per_px();
    legend.hex_across_km = kSqrt3 * s * ground.km_per_px_x;
  }
  return legend;
}

std::string DensityLegend::unit() const {
  if (mode == DensityMode::hexagons) return "events per hexagon";
  return ground_known ? "events per 100 km²" : "events per pixel² (no ground scale here)";
}

std::string DensityLegend::note() const {
  if (mode != DensityMode::hexagons || !(hex_area_km2 > 0)) return "";
  std::string text = "hexagons of ";
  text += format_value(hex_area_km2);
  text += " km² (";
  text += format_value(hex_across_km);
  text += " km across) at the map's centre";
  return text;
}

std::vector<std::string> DensityLegend::tick_labels() const {
  std::vector<std::string> labels;
  for (int k = 0; k <= static_cast<int>(kRampDecades); ++k) {
    std::string label = k == static_cast<int>(kRampDecades) ? "≥ " : "";
    label += format_value(low * std::pow(10.0, k));
    labels.push_back(std::move(label));
  }
  return labels;
}

DayCounts::DayCounts(std::vector<DayNumber> start_days, std::vector<DayNumber> end_days) {
  distinct_counts(std::move(start_days), start_days_, starts_);
  distinct_counts(std::move(end_days), end_days_, ends_);
}

std::size_t DayCounts::started_by(double day) const { return at_most(start_days_, starts_, day); }

std::size_t DayCounts::visible(const TimeFilter& filter) const {
  const std::size_t started = started_by(static_cast<double>(filter.cursor));
  // Events that ended before the window started; all of them started before the cursor.
  const std::size_t ended = at_most(end_days_, ends_, std::ceil(static_cast<double>(filter.window_start)) - 1.0);
  return started > ended ? started - ended : 0;
}

DensityMode effective_density(DensityMode mode, std::size_t visible_events, int image_width, int image_height,
                              float scale) {
  if (mode != DensityMode::automatic) return mode;
  const double design_megapixels =
      static_cast<double>(image_width) * image_height / (static_cast<double>(scale) * static_cast<double>(scale)) / 1e6;
  return static_cast<double>(visible_events) > kAutoEventsPerMegapixel * design_megapixels ? DensityMode::heatmap
                                                                                          : DensityMode::points;
}

HexCell hex_cell(const HexGrid& grid, float x, float y) {
  // Float arithmetic in the order of hex_cell() in shaders/density.glsl.
  const float px = x - grid.anchor_x, py = y - grid.anchor_y;
  const float qf = (0.57735026f * px - 0.33333334f * py) / grid.size;
  const float rf = (0.6666667f * py) / grid.size;
  const float sf = -qf - rf;
  float q = std::floor(qf + 0.5f), r = std::floor(rf + 0.5f), s = std::floor(sf + 0.5f);
  const float dq = std::abs(q - qf), dr = std::abs(r - rf), ds = std::abs(s - sf);
  if (dq > dr && dq > ds) {
    q = -r - s;
  } else if (dr > ds) {
    r = -q - s;
  }
  return {static_cast<int>(q), static_cast<int>(r)};
}

geo::XY hex_center(const HexGrid& grid, HexCell cell) {
  const double s = grid.size;
  return {static_cast<double>(grid.anchor_x) + s * kSqrt3 * (cell.q + cell.r / 2.0),
          static_cast<double>(grid.anchor_y) + s * 1.5 * cell.r};
}

HexGrid hex_grid(const Camera& camera, int image_width, int image_height, const Tile& tile, float scale) {
  HexGrid grid;
  grid.size = kHexSizePx * scale;
  const double s = grid.size;
  // The image's centre in pixels from the projected origin, and the lattice centre
  // near it (any lattice centre would do; a near one keeps
  // the shaders' numbers small).
  const double mx = camera.center.x / camera.units_per_pixel_x, my = -camera.center.y / camera.units_per_pixel_y;
  const double q = std::round((kSqrt3 / 3 * mx - my / 3) / s), r = std::round((2.0 / 3 * my) / s);
  const double lx = s * kSqrt3 * (q + r / 2), ly = s * 1.5 * r;
  grid.anchor_x = static_cast<float>(image_width / 2.0 + (lx - mx));
  grid.anchor_y = static_cast<float>(image_height / 2.0 + (ly - my));
  // Cells whose hexagon touches the tile: the axial box of its corners, one cell wider.
  double q_min = 1e300, q_max = -1e300, r_min = 1e300, r_max = -1e300;
  for (const int cx : {tile.x, tile.x + tile.width}) {
    for (const int cy : {tile.y, tile.y + tile.height}) {
      const double px = cx - static_cast<double>(grid.anchor_x), py = cy - static_cast<double>(grid.anchor_y);
      const double aq = (kSqrt3 / 3 * px - py / 3) / s, ar = (2.0 / 3 * py) / s;
      q_min = std::min(q_min, aq), q_max = std::max(q_max, aq);
      r_min = std::min(r_min, ar), r_max = std::max(r_max, ar);
    }
  }
  grid.q0 = static_cast<int>(std::floor(q_min)) - 1;
  grid.r0 = static_cast<int>(std::floor(r_min)) - 1;
  grid.nq = static_cast<int>(std::ceil(q_max)) + 2 - grid.q0;
  grid.nr = static_cast<int>(std::ceil(r_max)) + 2 - grid.r0;
  return grid;
}

}  // namespace chronomap::render

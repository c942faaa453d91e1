// The density layer's rules as plain values (no GL): which layer a frame shows
// (points, a heatmap or hexagons, or `auto`), the colour ramp and its units, the
// hexagon grid and the CPU reference of its cell assignment (shaders/density.glsl),
// and the per-day counts the automatic switch reads without scanning the events.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "geo/projection.hpp"
#include "render/frame.hpp"
#include "render/theme.hpp"
#include "render/time_data.hpp"

namespace chronomap::render {

// What the events are drawn as. `automatic` draws points, and a heatmap once the
// events passing the time window exceed kAutoEventsPerMegapixel per million design
// pixels of the image (1,600 events on a 1600x1000 image at scale 1).
enum class DensityMode { automatic, points, heatmap, hexagons };
inline constexpr double kAutoEventsPerMegapixel = 1000.0;

// "auto", "points", "heatmap", "hexagons"; nullopt for anything else.
std::optional<DensityMode> parse_density_mode(std::string_view text);
std::string_view density_mode_name(DensityMode mode);

// The heatmap's kernel (quartic, integral 1) reaches this far from each event, and a
// hexagon is this far from its centre to a corner: design pixels, times the frame's
// scale, so a print at --scale 2 looks like the screen.
inline constexpr float kHeatRadiusPx = 24.0f;
inline constexpr float kHexSizePx = 16.0f;

// The ramp from the lowest density shown to the highest, five stops of falling
// lightness (pale yellow, orange, red, crimson, deep violet) that read on the light
// land and sea; below the lowest value it fades to transparent, and zero is clear.
inline constexpr std::size_t kRampStops = 5;
Color density_ramp_color(float t);  // t in 0..1, opaque
Color density_ramp_stop(std::uint8_t index);
// The ramp spans this many decades, logarithmically, from its low value.
inline constexpr float kRampDecades = 3.0f;
// The colour of a density `value` (in the legend's unit) whose ramp starts at `low`:
// the ramp's colour at its logarithmic place, 80 % to 92 % opaque, fading out below
// `low`; alpha 0 for nothing. The CPU side of shaders/density_ramp.frag, for backends
// that draw without it (the vector writer's hexagons).
Color density_color(double value, double low);
// The clear gap between neighbouring hexagons, design px.
inline constexpr float kHexGapPx = 1.5f;

// Ground size of an image pixel at the map's centre (geodesic, on WGS 84), for the
// legend's units. Zero when the centre has no inverse in the projection.
struct GroundScale {
  double km_per_px_x = 0, km_per_px_y = 0;
  [[nodiscard]] double km2_per_px() const { return km_per_px_x * km_per_px_y; }
};
GroundScale ground_scale_at_center(const geo::Projection& projection, const Camera& camera);

// The legend of a density frame: the effective mode, the ramp's low value (its top is
// low * 10^kRampDecades) in the ramp's unit, and the texts that name them.
struct DensityLegend {
  DensityMode mode = DensityMode::points;
  double low = 1;            // events per 100 km² (heatmap) or per hexagon
  double hex_area_km2 = 0;   // hexagons only
  double hex_across_km = 0;  // hexagons only: from one flat side to the other
  bool ground_known = true;  // false where the map's centre has no inverse projection
  [[nodiscard]] std::string unit() const;     // "events per 100 km²", "events per hexagon"
  [[nodiscard]] std::string note() const;     // "hexagons of 1,240 km² (38 km across)", or ""
  [[nodiscard]] std::vector<std::string> tick_labels() const;  // one a decade, the last "≥ ..."
};

// The heatmap's and the hexagons' legend for a frame; the heatmap's low value is a
// 1-2-5 number at or below a third of one lone event's peak, so one event shows.
DensityLegend density_legend(DensityMode effective, const GroundScale& ground, float scale);
// The peak density of one lone event, events per 100 km², at this ground scale.
double single_event_peak(const GroundScale& ground, float scale);

// Counts of events by day, for how many pass a time window in two binary searches.
class DayCounts {
 public:
  DayCounts() = default;
  DayCounts(std::vector<DayNumber> start_days, std::vector<DayNumber> end_days);
  explicit DayCounts(const EventSet& events) : DayCounts(events.start_days, events.end_days) {}
  // Events with start <= cursor and end >= window_start (event_visible()).
  [[nodiscard]] std::size_t visible(const TimeFilter& filter) const;
  // Events with start <= day: with the events sorted by start day, where those that
  // start after `day` begin.
  [[nodiscard]] std::size_t started_by(double day) const;

 private:
  // Distinct days and, for each, how many events start (end) on it or before.
  std::vector<DayNumber> start_days_, end_days_;
  std::vector<std::size_t> starts_, ends_;
};

// The mode a frame draws: `automatic` resolved by the number of events passing the
// window over the image's area in design pixels; the others as they are.
DensityMode effective_density(DensityMode mode, std::size_t visible_events, int image_width, int image_height,
                              float scale);

// Pointy-top hexagons in image pixels, anchored to the map: the lattice is fixed to
// projected coordinates (it moves with the map when panning), and `anchor` is one of
// its centres in image pixels near the image's centre, so the shaders work with small
// numbers. The cell range covers a tile and a margin; tiles of one image share it.
struct HexCell {
  int q = 0, r = 0;  // axial coordinates
  bool operator==(const HexCell&) const = default;
};
struct HexGrid {
  float size = kHexSizePx;   // centre to corner, image px
  float anchor_x = 0, anchor_y = 0;
  int q0 = 0, r0 = 0, nq = 0, nr = 0;  // the cells counted: q0..q0+nq-1, r0..r0+nr-1
};
HexGrid hex_grid(const Camera& camera, int image_width, int image_height, const Tile& tile, float scale);
// The cell holding image pixel (x, y): the CPU reference of hex_cell() in the shaders.
HexCell hex_cell(const HexGrid& grid, float x, float y);
// The centre of a cell in image pixels.
geo::XY hex_center(const HexGrid& grid, HexCell cell);

}  // namespace chronomap::render

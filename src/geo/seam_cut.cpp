// Seam cutting in longitudes relative to the central meridian (seam - 180): r in
// [-180, 180], so the seam is r = ±180 and a crossing is a jump of more than 180.
#include "geo/seam_cut.hpp"

#include <cmath>
#include <optional>

namespace chronomap::geo {
namespace {

// How far inside an edge a point on the seam is put (degrees, about 1 cm): enough for
// PROJ to see which side it is on, too little to see.
constexpr double kNudge = 1e-7;
// Closing edges along the seam and the pole are sampled this often (degrees), so
// they follow the curved edge of the map instead of cutting across it.
constexpr double kSampleStep = 1.0;

double wrap(double degrees) { return std::remainder(degrees, 360.0); }  // to [-180, 180]
double relative(double lon, double seam) { return wrap(lon - seam - 180.0); }
int side_of(double lon, double seam) { return relative(lon, seam) > 0 ? 1 : -1; }

struct Walker {
  double seam;
  int side = 0;  // -1 or +1: the edge the last point lies nearest; 0 before any

  // `p`, or for a point on the seam, the same point nudged to `side`'s edge.
  LonLat placed(const LonLat& p, int fallback_side) const {
    if (std::abs(relative(p.lon, seam)) <= 180.0 - kNudge) return p;
    return absolute((side != 0 ? side : fallback_side) * (180.0 - kNudge), p.lat);
  }
  LonLat absolute(double r, double lat) const { return {wrap(r + seam + 180.0), lat}; }
};

struct Crossing {
  double lat;
  int from_side, to_side;
};

// Where the edge a -> b (relative longitudes ra, rb) crosses the seam, if it does.
std::optional<Crossing> crossing(double ra, double rb, const LonLat& a, const LonLat& b) {
  if (ra * rb >= 0 || std::abs(ra - rb) <= 180.0) return std::nullopt;
  const double da = 180.0 - std::abs(ra), db = 180.0 - std::abs(rb);
  const double t = da + db > 0 ? da / (da + db) : 0.5;
  return Crossing{a.lat + t * (b.lat - a.lat), ra > 0 ? 1 : -1, rb > 0 ? 1 : -1};
}

// Points along the seam on `side` from lat_from to lat_to, both excluded.
void walk_seam(const Walker& w, int side, double lat_from, double lat_to, Ring& out) {
  const int steps = static_cast<int>(std::abs(lat_to - lat_from) / kSampleStep);
  for (int i = 1; i < steps; ++i) out.push_back(w.absolute(side * (180.0 - kNudge), lat_from + (lat_to - lat_from) * i / steps));
}

// Points along the pole from one edge to the other, both edges included.
void walk_pole(const Walker& w, int from_side, double pole, Ring& out) {
  const int steps = static_cast<int>(360.0 / kSampleStep);
  for (int i = 0; i <= steps; ++i) {
    const double r = from_side * (180.0 - kNudge) * (1.0 - 2.0 * i / steps);
    out.push_back(w.absolute(r, pole));
  }
}

}  // namespace

std::vector<Line> cut_line_at_seam(const Line& line, double seam) {
  Walker w{seam};
  std::vector<Line> parts(1);
  for (std::size_t i = 0; i < line.size(); ++i) {
    const int fallback = i + 1 < line.size() ? side_of(line[i + 1].lon, seam) : 1;
    const LonLat p = w.placed(line[i], fallback);
    const double r = relative(p.lon, seam);
    if (!parts.back().empty()) {
      const LonLat& prev = parts.back().back();
      if (const auto c = crossing(relative(prev.lon, seam), r, prev, p)) {
        parts.back().push_back(w.absolute(c->from_side * (180.0 - kNudge), c->lat));
        parts.push_back({w.absolute(c->to_side * (180.0 - kNudge), c->lat)});
      }
    }
    w.side = r > 0 ? 1 : -1;
    parts.back().push_back(p);
  }
  if (parts.back().empty()) parts.pop_back();
  return parts;
}

std::vector<Ring> cut_ring_at_seam(const Ring& ring, double seam) {
  Line open(ring.begin(), ring.end());
  if (open.size() > 1 && open.front().lon == open.back().lon && open.front().lat == open.back().lat) open.pop_back();
  if (open.size() < 3) return {ring};
  open.push_back(open.front());  // walk every edge, the closing one too
  std::vector<Line> parts = cut_line_at_seam(open, seam);
  if (parts.size() == 1) return {parts.front()};
  // The ring's first and last parts are one piece that the start of the walk split.
  parts.front().insert(parts.front().begin(), parts.back().begin(), parts.back().end() - 1);
  parts.pop_back();

  double mean_lat = 0;
  for (const auto& p : open) mean_lat += p.lat;
  const double pole = mean_lat < 0 ? -90.0 : 90.0;
  const Walker w{seam};
  std::vector<Ring> out;
  for (auto& part : parts) {
    const LonLat start = part.front(), end = part.back();
    const int start_side = side_of(start.lon, seam), end_side = side_of(end.lon, seam);
    if (start_side == end_side) {
      walk_seam(w, end_side, end.lat, start.lat, part);
    } else {  // around a pole: down the seam to it, along it, back up the other edge
      walk_seam(w, end_side, end.lat, pole, part);
      walk_pole(w, end_side, pole, part);
      walk_seam(w, start_side, pole, start.lat, part);
    }
    out.push_back(std::move(part));
  }
  return out;
}

}  // namespace chronomap::geo

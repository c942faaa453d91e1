// Base-map loading and projection into GPU-ready batches (fills, lines, markers, labels).
#include "render/scene.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/paths.hpp"
#include "geo/seam_cut.hpp"

namespace chronomap::render {
namespace {

bool is_focus_country(const geo::Feature& f) {
  return f.focus || f.iso_a3 == "MLI" || f.iso_a3 == "BFA" || f.iso_a3 == "NER";
}

class SceneBuilder {
 public:
  SceneBuilder(const geo::Projection& projection, const Theme& theme, Scene& scene)
      : seam_(projection.seam_longitude()), projection_(projection), theme_(theme), scene_(scene) {}

  // Projects a ring into the fill vertices, cut at the seam; returns the spans of its
  // pieces (none if degenerate).
  std::vector<RingSpan> add_fill_ring(const geo::Ring& ring) {
    if (!seam_) return span_list(add_fill_piece(ring));
    std::vector<RingSpan> spans;
    for (const auto& piece : geo::cut_ring_at_seam(ring, *seam_)) {
      if (const RingSpan span = add_fill_piece(piece); span.count > 0) spans.push_back(span);
    }
    return spans;
  }

  RingSpan add_fill_piece(const geo::Ring& ring) {
    RingSpan span{static_cast<int>(scene_.fill_vertices.size()), 0};
    for (const auto& p : ring) {
      geo::XY xy;
      if (!projection_.forward(p, xy)) continue;
      scene_.fill_vertices.push_back({static_cast<float>(xy.x), static_cast<float>(xy.y)});
      scene_.world_extent.add(xy.x, xy.y);
      ++span.count;
    }
    if (span.count < 3) {
      scene_.fill_vertices.resize(static_cast<std::size_t>(span.first));
      span.count = 0;
    }
    return span;
  }

  void add_fill_batch(FillBatch batch) {
    if (batch.rings.empty()) return;
    geo::Extent e;
    for (const auto& ring : batch.rings)
      for (int i = ring.first; i < ring.first + ring.count; ++i) {
        const auto& v = scene_.fill_vertices[static_cast<std::size_t>(i)];
        e.add(v.x, v.y);
      }
    batch.cover_first = static_cast<int>(scene_.fill_vertices.size());
    for (const auto& corner : {geo::XY{e.min_x, e.min_y}, geo::XY{e.max_x, e.min_y}, geo::XY{e.min_x, e.max_y},
                               geo::XY{e.max_x, e.max_y}}) {
      scene_.fill_vertices.push_back({static_cast<float>(corner.x), static_cast<float>(corner.y)});
    }
    scene_.fills.push_back(std::move(batch));
  }

  // Projects a polyline into segments, cut at the seam, skipping points with no image.
  void add_polyline(const std::vector<geo::LonLat>& points, bool closed, std::vector<Segment>& out) {
    if (!seam_) return add_polyline_piece(points, closed, out);
    std::vector<geo::LonLat> line = points;
    if (closed && !line.empty()) line.push_back(line.front());
    for (const auto& piece : geo::cut_line_at_seam(line, *seam_)) add_polyline_piece(piece, false, out);
  }

  void add_polyline_piece(const std::vector<geo::LonLat>& points, bool closed, std::vector<Segment>& out) {
    std::optional<Vec2> previous, first;
    for (const auto& p : points) {
      geo::XY xy;
      if (!projection_.forward(p, xy)) {
        previous.reset();
        continue;
      }
      const Vec2 v{static_cast<float>(xy.x), static_cast<float>(xy.y)};
      if (previous) out.push_back({*previous, v});
      if (!first) first = v;
      previous = v;
    }
    if (closed && previous && first) out.push_back({*previous, *first});
  }

  void add_line_batch(LineStyle style, const std::vector<Segment>& segments) {
    // A segment longer than half the world wraps around the projection's seam
    // (the antimeridian): drawing it would cross the whole map.
    const double limit = 0.5 * scene_.world_extent.width();
    LineBatch batch{style, static_cast<int>(scene_.segments.size()), 0};
    for (const auto& s : segments) {
      if (std::abs(static_cast<double>(s.to.x - s.from.x)) > limit) continue;
      scene_.segments.push_back(s);
      ++batch.count;
    }
    if (batch.count > 0) scene_.lines.push_back(batch);
  }

  std::optional<Vec2> project(geo::LonLat p) const {
    geo::XY xy;
    if (!projection_.forward(p, xy)) return std::nullopt;
    return Vec2{static_cast<float>(xy.x), static_cast<float>(xy.y)};
  }

 private:
  static std::vector<RingSpan> span_list(RingSpan span) {
    if (span.count == 0) return {};
    return {span};
  }

  std::optional<double> seam_;
  const geo::Projection& projection_;
  const Theme& theme_;
  Scene& scene_;
};

// The area-weighted centroid of the largest ring of a feature, in projected units:
// where its name goes.
std::optional<Vec2> label_point(const Scene& scene, const std::vector<RingSpan>& shells) {
  double best_area = 0;
  std::optional<Vec2> best;
  for (const auto& ring : shells) {
    double a = 0, cx = 0, cy = 0;
    for (int i = 0; i < ring.count; ++i) {
      const auto& p = scene.fill_vertices[static_cast<std::size_t>(ring.first + i)];
      const auto& q = scene.fill_vertices[static_cast<std::size_t>(ring.first + (i + 1) % ring.count)];
      const double px = p.x, py = p.y, qx = q.x, qy = q.y;
      const double cross = px * qy - qx * py;
      a += cross;
      cx += (px + qx) * cross;
      cy += (py + qy) * cross;
    }
    if (std::abs(a) > best_area && a != 0) {
      best_area = std::abs(a);
      best = Vec2{static_cast<float>(cx / (3 * a)), static_cast<float>(cy / (3 * a))};
    }
  }
  return best;
}

void add_to_extent(const Scene& scene, RingSpan span, geo::Extent& extent) {
  for (int i = span.first; i < span.first + span.count; ++i) {
    const auto& v = scene.fill_vertices[static_cast<std::size_t>(i)];
    extent.add(v.x, v.y);
  }
}

}  // namespace

BaseMap load_base_map(const std::string& boundaries, const std::string& layer) {
  const std::string shipped = geodata_file("boundaries.gpkg").string();
  BaseMap map;
  if (boundaries.empty()) {
    map.countries = geo::read_vector_layer(shipped, layer.empty() ? "countries" : layer);
  } else {
    map.countries = geo::read_vector_layer(boundaries, layer);
  }
  for (auto& f : map.countries.features) f.focus = is_focus_country(f);
  std::error_code ec;
  if (std::filesystem::is_regular_file(shipped, ec)) map.admin1 = geo::read_vector_layer(shipped, "admin1");
  // The focus countries' capitals and Moscow: the endpoints of the alliance links.
  map.places = {{"Bamako", {-8.0029, 12.6392}, false},
                {"Ouagadougou", {-1.5197, 12.3714}, false},
                {"Niamey", {2.1098, 13.5137}, false},
                {"Moscow · Москва", {37.6173, 55.7558}, true}};
  return map;
}

Scene build_scene(const BaseMap& map, const geo::Projection& projection, const Theme& theme) {
  Scene scene;
  scene.projection = projection.spec();
  scene.sea = theme.sea;
  SceneBuilder builder(projection, theme, scene);

  FillBatch land{theme.land, FillStyle::land, {}, 0};
  std::map<std::string, FillBatch> focus;  // by ISO code, for a stable order
  std::vector<Segment> borders, focus_borders, moscow_outline, graticule;
  std::vector<std::pair<std::string, std::vector<RingSpan>>> focus_shells;

  for (const auto& f : map.countries.features) {
    auto& batch = f.focus ? focus.try_emplace(f.iso_a3.empty() ? f.name : f.iso_a3,
                                              FillBatch{theme.fill(FillStyle::focus, f.iso_a3), FillStyle::focus, {}, 0})
                                .first->second
                          : land;
    std::vector<RingSpan> shells;
    for (const auto& polygon : f.polygons) {
      for (std::size_t r = 0; r < polygon.rings.size(); ++r) {
        const std::vector<RingSpan> spans = builder.add_fill_ring(polygon.rings[r]);
        if (spans.empty()) continue;
        for (const auto& span : spans) {
          batch.rings.push_back(span);
          if (r == 0) shells.push_back(span);
          add_to_extent(scene, span, scene.countries_extent);
        }
        builder.add_polyline(polygon.rings[r], true, f.focus ? focus_borders : borders);
      }
    }
    for (const auto& line : f.lines) builder.add_polyline(line, false, borders);
    if (f.focus) {
      focus_shells.emplace_back(f.name, shells);
      for (const auto& s : shells) add_to_extent(scene, s, scene.default_extent);
    }
  }

  FillBatch moscow{theme.moscow, FillStyle::moscow, {}, 0};
  if (map.admin1) {
    for (const auto& f : map.admin1->features)
      for (const auto& polygon : f.polygons)
        for (const auto& ring : polygon.rings) {
          for (const auto& span : builder.add_fill_ring(ring)) moscow.rings.push_back(span);
          builder.add_polyline(ring, true, moscow_outline);
        }
  }

  // Graticule every 10 degrees, sampled every degree so it curves with the projection.
  for (int lon = -180; lon <= 180; lon += 10) {
    std::vector<geo::LonLat> meridian;
    for (int lat = -80; lat <= 80; ++lat) meridian.push_back({static_cast<double>(lon), static_cast<double>(lat)});
    builder.add_polyline(meridian, false, graticule);
  }
  for (int lat = -80; lat <= 80; lat += 10) {
    std::vector<geo::LonLat> parallel;
    for (int lon = -180; lon <= 180; ++lon) parallel.push_back({static_cast<double>(lon), static_cast<double>(lat)});
    builder.add_polyline(parallel, false, graticule);
  }

  scene.has_focus = !focus_shells.empty();
  builder.add_fill_batch(std::move(land));
  for (auto& [code, batch] : focus) builder.add_fill_batch(std::move(batch));
  builder.add_fill_batch(std::move(moscow));
  builder.add_line_batch(LineStyle::graticule, graticule);
  builder.add_line_batch(LineStyle::border, borders);
  builder.add_line_batch(LineStyle::focus_border, focus_borders);
  builder.add_line_batch(LineStyle::moscow_outline, moscow_outline);

  for (const auto& [name, shells] : focus_shells) {
    // On the centroid; where a capital's name would collide with it, the renderer's
    // declutter drops the capital's (country names come first).
    if (auto at = label_point(scene, shells)) scene.labels.push_back({name, *at, LabelStyle::country, 0, 0, true});
  }
  for (const auto& place : map.places) {
    const auto at = builder.project(place.position);
    if (!at) continue;
    const float radius = place.is_moscow ? theme.moscow_marker_radius : theme.place_radius;
    scene.markers.push_back({*at, radius, place.is_moscow ? theme.moscow : theme.place_fill, theme.place_stroke});
    scene.labels.push_back({place.label, *at, LabelStyle::city, radius + 4.0f, 0, false});
    if (place.is_moscow && !focus_shells.empty()) scene.default_extent.add(at->x, at->y);
  }
  // Boundaries without the focus countries: open on what they hold instead of on
  // Moscow alone (a view of one point is one solid colour).
  if (scene.default_extent.empty()) scene.default_extent = scene.countries_extent;
  if (scene.default_extent.empty()) scene.default_extent = scene.world_extent;
  // Room below the focus countries for their southern borders and the legend.
  scene.default_extent.min_y -= 0.08 * scene.default_extent.height();
  return scene;
}

}  // namespace chronomap::render

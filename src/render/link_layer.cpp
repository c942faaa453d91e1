// Links as geodesic arcs of instanced segments with per-link dates; see shaders/arc.*.
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "geo/geodesic.hpp"
#include "geo/seam_cut.hpp"
#include "render/symbols.hpp"
#include "render/time_layers.hpp"

namespace chronomap::render {
namespace {

struct ArcInstance {
  float from[2];
  float to[2];
  float days[2];
  float along[2];
  float kind;
};

}  // namespace

ProjectedLink project_link(const Link& link, const geo::Projection& projection) {
  ProjectedLink out;
  const auto path = geo::geodesic_path(link.from, link.to, 25'000.0);
  const auto seam = projection.seam_longitude();
  const std::vector<geo::Line> parts = seam ? geo::cut_line_at_seam(path, *seam) : std::vector<geo::Line>{path};
  for (const auto& part : parts) {
    // An arc that crosses the seam goes on at the other edge: a NaN point between
    // its parts draws no segment across the map (NaN fails every comparison, so
    // hover tests skip it too).
    if (!out.points.empty()) out.points.push_back({std::nanf(""), std::nanf("")});
    for (const auto& p : part) {
      geo::XY xy;
      if (projection.forward(p, xy)) out.points.push_back({static_cast<float>(xy.x), static_cast<float>(xy.y)});
    }
  }
  return out;
}

LinkLayer::LinkLayer() : program_("arc"), vao_(make_vertex_array()), instances_(make_buffer()) {
  width_ = program_.uniform("u_width");
  cursor_ = program_.uniform("u_cursor");
  window_start_ = program_.uniform("u_window_start");
  colors_ = program_.uniform("u_colors");
  phase_ = program_.uniform("u_phase");
  dash_ = program_.uniform("u_dash_period");
  animate_ = program_.uniform("u_animate");
  units_per_pixel_ = program_.uniform("u_units_per_pixel");
  scale_ = program_.uniform("u_scale");
  dashes_ = program_.uniform("u_dashes");
  corners_.set_up_instances(vao_, instances_, sizeof(ArcInstance),
                            {{1, 2, offsetof(ArcInstance, from)},
                             {2, 2, offsetof(ArcInstance, to)},
                             {3, 2, offsetof(ArcInstance, days)},
                             {4, 2, offsetof(ArcInstance, along)},
                             {5, 1, offsetof(ArcInstance, kind)}});
}

void LinkLayer::upload(const std::vector<Link>& links, const geo::Projection& projection) {
  std::vector<ArcInstance> instances;
  projected_.clear();
  for (const auto& link : links) {
    projected_.push_back(project_link(link, projection));
    const auto& points = projected_.back().points;
    float along = 0;
    for (std::size_t i = 1; i < points.size(); ++i) {
      if (std::isnan(points[i].x) || std::isnan(points[i - 1].x)) continue;
      const float length = std::hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
      instances.push_back({{points[i - 1].x, points[i - 1].y},
                           {points[i].x, points[i].y},
                           {static_cast<float>(link.start), static_cast<float>(link.end)},
                           {along, along + length},
                           static_cast<float>(link.kind)});
      along += length;
    }
  }
  count_ = upload_records(instances_, instances);
}

void LinkLayer::draw(const FrameTransform& frame, const TimeFilter& filter, const Camera& camera, float phase,
                     bool animate) const {
  if (count_ == 0) return;
  program_.use();
  program_.set_frame(frame);
  glUniform1f(width_, 2.4f * frame.scale);
  glUniform1f(cursor_, filter.cursor);
  glUniform1f(window_start_, filter.window_start);
  glUniform1f(phase_, phase);
  glUniform1f(dash_, static_cast<float>(18.0 * static_cast<double>(frame.scale) * camera.units_per_pixel_x));
  glUniform1i(animate_, animate ? 1 : 0);
  glUniform1f(units_per_pixel_, static_cast<float>(camera.units_per_pixel_x));
  glUniform1f(scale_, frame.scale);
  std::vector<float> dashes(4 * link_kinds().size(), 0.0f);
  for (std::size_t k = 0; k < link_kinds().size(); ++k) {
    const auto dash = link_kind_dash(static_cast<std::uint8_t>(k));
    std::copy(dash.begin(), dash.end(), dashes.begin() + static_cast<std::ptrdiff_t>(4 * k));
  }
  glUniform4fv(dashes_, static_cast<GLsizei>(link_kinds().size()), dashes.data());
  set_color_array(colors_, link_kinds().size(), link_kind_color);
  glBindVertexArray(vao_.get());
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, count_);
  glBindVertexArray(0);
}

}  // namespace chronomap::render

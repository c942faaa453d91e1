// Links as geodesic arcs of instanced segments with per-link dates; see shaders/arc.*.
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "geo/geodesic.hpp"
#include "geo/seam_cut.hpp"
#include "render/link_lanes.hpp"
#include "render/symbols.hpp"
#include "render/time_layers.hpp"

namespace chronomap::render {

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
                             {5, 1, offsetof(ArcInstance, kind)},
                             {6, 2, offsetof(ArcInstance, lane)}});
}

void LinkLayer::upload(const std::vector<Link>& links, const geo::Projection& projection) {
  std::vector<ArcInstance>& instances = arcs_;
  instances.clear();
  arc_link_.clear();
  projected_.clear();
  days_.clear();
  const std::vector<float> lanes = link_lanes(links);
  for (std::size_t l = 0; l < links.size(); ++l) {
    const auto& link = links[l];
    projected_.push_back(project_link(link, projection));
    projected_.back().lane = lanes[l];
    days_.emplace_back(link.start, link.end);
    const auto& points = projected_.back().points;
    const std::size_t first = instances.size();
    float along = 0;
    for (std::size_t i = 1; i < points.size(); ++i) {
      if (std::isnan(points[i].x) || std::isnan(points[i - 1].x)) continue;
      const float length = std::hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
      instances.push_back({{points[i - 1].x, points[i - 1].y},
                           {points[i].x, points[i].y},
                           {static_cast<float>(link.start), static_cast<float>(link.end)},
                           {along, along + length},
                           static_cast<float>(link.kind),
                           {lanes[l], 0.0f}});
      arc_link_.push_back(static_cast<std::uint32_t>(projected_.size() - 1));
      along += length;
    }
    // The whole length, for each segment's fraction of it (the same sums as arc_fractions()).
    for (std::size_t i = first; i < instances.size(); ++i) instances[i].lane[1] = along;
  }
  if (mask_.size() != links.size()) mask_.clear();  // other links: every one passes
  send();
}

void LinkLayer::set_mask(std::vector<std::uint8_t> passes) {
  mask_ = passes.size() == projected_.size() ? std::move(passes) : std::vector<std::uint8_t>{};
  send();
}

void LinkLayer::send() {
  std::vector<ArcInstance> passing;
  const std::vector<ArcInstance>* instances = &arcs_;
  if (!mask_.empty()) {
    for (std::size_t i = 0; i < arcs_.size(); ++i)
      if (mask_[arc_link_[i]] != 0) passing.push_back(arcs_[i]);
    instances = &passing;
  }
  count_ = upload_records(instances_, *instances);
}

std::vector<std::span<const Vec2>> LinkLayer::shown_arcs(const TimeFilter& filter) const {
  std::vector<std::span<const Vec2>> out;
  for (std::size_t i = 0; i < projected_.size() && i < days_.size(); ++i) {
    if (!mask_.empty() && mask_[i] == 0) continue;  // filtered out
    if (link_state(filter, static_cast<float>(days_[i].first), static_cast<float>(days_[i].second)) !=
        LinkState::hidden)
      out.emplace_back(projected_[i].points);
  }
  return out;
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

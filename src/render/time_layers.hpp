// The dated layers: events (markers) and links (geodesic arcs), projected once per
// projection and filtered by time on the GPU.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "geo/projection.hpp"
#include "render/frame.hpp"
#include "render/event_mask.hpp"
#include "render/gl.hpp"
#include "render/layers.hpp"
#include "render/program.hpp"
#include "render/time_data.hpp"

namespace chronomap::render {

class EventLayer {
 public:
  EventLayer();
  // Projects and uploads in SpanIndex order: longer-lasting events below, and within
  // each span class oldest first, so newer ones lie on top.
  void upload(const EventSet& events, const geo::Projection& projection);
  // Draws the ranges of the draw order that `filter` can show (the shader drops the
  // rest of each range).
  // `rim` outlines each marker (the theme's event_rim).
  void draw(const FrameTransform& frame, const TimeFilter& filter, bool size_by_fatalities, const Color& rim) const;
  [[nodiscard]] std::size_t size() const { return static_cast<std::size_t>(count_); }
  // Which events pass the filters, by EventSet index (empty: all); kept until the
  // next upload.
  void set_mask(std::span<const std::uint8_t> passes);

 private:
  void point_instances_at(std::size_t first) const;
  std::vector<std::size_t> order_;  // EventSet index of each instance
  EventMask mask_;
  Program program_;
  QuadCorners corners_{QuadCorners::Kind::marker};
  GlVertexArray vao_;
  GlBuffer instances_;
  GLsizei count_ = 0;
  SpanIndex index_;
  GLint cursor_ = -1, window_start_ = -1, fade_ = -1, scale_ = -1, size_by_ = -1, colors_ = -1, shapes_ = -1,
        extents_ = -1, rim_ = -1;
};

// A link's arc as projected segments, for drawing and for hover hit tests.
struct ProjectedLink {
  std::vector<Vec2> points;  // a NaN point where the arc is cut at the projection's seam
  float lane = 0;            // sideways offset among parallel links, design px (link_lanes.hpp)
};

class LinkLayer {
 public:
  LinkLayer();
  void upload(const std::vector<Link>& links, const geo::Projection& projection);
  // Which links pass the filters (a country, a source), one byte per link of the last
  // upload (empty: all); kept across uploads of as many links. Links are few: the
  // passing ones' segments are uploaded again.
  void set_mask(std::vector<std::uint8_t> passes);
  void draw(const FrameTransform& frame, const TimeFilter& filter, const Camera& camera, float phase,
            bool animate) const;
  // Every link's arc, whether it passes or not (indices as uploaded).
  [[nodiscard]] const std::vector<ProjectedLink>& projected() const { return projected_; }
  // The projected arcs of the links `filter` shows (for labels to keep clear of).
  [[nodiscard]] std::vector<std::span<const Vec2>> shown_arcs(const TimeFilter& filter) const;

 private:
  struct ArcInstance {
    float from[2];
    float to[2];
    float days[2];
    float along[2];
    float kind;
    float lane[2];  // the link's lane (design px) and its arc's projected length
  };
  void send();
  std::vector<ArcInstance> arcs_;       // every link's segments
  std::vector<std::uint32_t> arc_link_;  // the link of each segment
  std::vector<std::uint8_t> mask_;
  Program program_;
  QuadCorners corners_{QuadCorners::Kind::line};
  GlVertexArray vao_;
  GlBuffer instances_;
  GLsizei count_ = 0;
  std::vector<ProjectedLink> projected_;
  std::vector<std::pair<DayNumber, DayNumber>> days_;  // each link's start and end
  GLint width_ = -1, cursor_ = -1, window_start_ = -1, colors_ = -1, phase_ = -1, dash_ = -1, animate_ = -1,
        units_per_pixel_ = -1, scale_ = -1, dashes_ = -1;
};

// Geodesic arc points of a link in projected units (skipping unprojectable points),
// lane 0: the lane comes from link_lanes() over all the links drawn together.
ProjectedLink project_link(const Link& link, const geo::Projection& projection);

}  // namespace chronomap::render

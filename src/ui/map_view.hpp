// The map as the window shows it: the base map, its projected scene, the renderer and
// the camera, with the mouse's pan, zoom and hover. Drawing goes through the same
// MapRenderer as exports, into an offscreen target resolved to the window.
#pragma once

#include <algorithm>
#include <memory>
#include <optional>
#include <string>

#include "core/image.hpp"
#include "geo/projection.hpp"
#include "render/frame_cache.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen.hpp"
#include "render/scene.hpp"

namespace chronomap::ui {

struct Hover {
  geo::LonLat position;
  std::string country;  // empty over the sea
  std::string link;     // the label of the link under the cursor, if any
};

class MapView {
 public:
  // Needs the window's GL context current. Throws on unreadable boundaries or CRS.
  MapView(render::BaseMap base_map, const std::string& projection);

  // Rebuilds the scene in another projection, keeping the area in view.
  void set_projection(const std::string& spec);
  [[nodiscard]] const geo::Projection& projection() const { return projection_; }

  // The dated layers; projected now and again after each projection change.
  void set_time_data(render::EventSet events, std::vector<render::Link> links);
  [[nodiscard]] const render::EventSet& events() const { return events_; }
  [[nodiscard]] const std::vector<render::Link>& links() const { return links_; }

  // Frames the focus countries and Moscow in the part of the window above `bottom_inset`
  // pixels (the timeline panel).
  void fit_default(int width, int height, int bottom_inset = 0);
  // Framebuffer pixels; the caller skips these when ImGui wants the mouse.
  void pan(double dx, double dy) { view_.camera.pan_pixels(dx, dy); }
  void zoom_at(double factor, double px, double py);
  void update_hover(double px, double py);
  void clear_hover() { hover_.reset(); }
  [[nodiscard]] const std::optional<Hover>& hover() const { return hover_; }

  // Pixels at the bottom covered by panels, left out when framing.
  void set_bottom_inset(int pixels);
  [[nodiscard]] int bottom_inset() const { return bottom_inset_; }
  // Draws into the window's default framebuffer at its size.
  void draw(int width, int height);
  // The current view at another size (same area, fitted), for "Save snapshot".
  [[nodiscard]] Image snapshot(int width, int height, float scale) const;
  // The camera of such a snapshot (where a GeoTIFF of it lies).
  [[nodiscard]] render::Camera snapshot_camera(int width, int height) const;

  render::View& view() { return view_; }
  // The density ramp and units of the frame last drawn (mode points when none).
  [[nodiscard]] render::DensityLegend density_legend() const {
    return renderer_.density_legend(view_, std::max(width_, 1), std::max(height_, 1));
  }
  [[nodiscard]] const std::string& renderer_name() const { return renderer_name_; }

 private:
  [[nodiscard]] std::string link_at(double px, double py) const;

  render::BaseMap base_map_;
  geo::Projection projection_;
  render::Scene scene_;
  render::MapRenderer renderer_;
  render::View view_;
  render::EventSet events_;
  std::vector<render::Link> links_;
  DayNumber data_start_ = 0;  // first day of the events, kept: hover must not scan them
  std::unique_ptr<render::OffscreenTarget> target_;
  render::FrameCache cache_;
  int width_ = 0, height_ = 0, bottom_inset_ = 0;
  std::optional<Hover> hover_;
  std::string renderer_name_;
};

}  // namespace chronomap::ui

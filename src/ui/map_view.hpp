// The map as the window shows it: the base map, its projected scene, the renderer and
// the camera, with the mouse's pan, zoom and hover. Drawing goes through the same
// MapRenderer as exports, into an offscreen target resolved to the window.
#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/image.hpp"
#include "export/composer.hpp"
#include "export/vector_writer.hpp"
#include "export/time_source.hpp"
#include "geo/projection.hpp"
#include "render/frame_cache.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen.hpp"
#include "render/pick_index.hpp"
#include "render/scene.hpp"

namespace chronomap::ui {

struct Hover {
  geo::LonLat position;
  std::string country;  // empty over the sea
  std::string link;     // the labels of the links under the cursor, '; '-joined
  std::vector<render::PickHit> events;  // the shown events under the cursor, nearest first
  std::vector<std::size_t> links;       // indices of the shown links under the cursor
};

class MapView {
 public:
  // Needs the window's GL context current. Throws on unreadable boundaries or CRS.
  MapView(render::BaseMap base_map, const std::string& projection);

  // Rebuilds the scene in another projection, keeping the area in view.
  void set_projection(const std::string& spec);
  // Redraws the map in another theme (render::light_theme(), dark_theme()).
  void set_theme(const render::Theme& theme);
  [[nodiscard]] const geo::Projection& projection() const { return projection_; }

  // The dated layers; projected now and again after each projection change.
  void set_time_data(render::EventSet events, std::vector<render::Link> links);
  [[nodiscard]] const render::EventSet& events() const { return events_; }
  [[nodiscard]] const std::vector<render::Link>& links() const { return links_; }
  // Whether any link shows at the current time (a scan of the few links).
  [[nodiscard]] bool links_shown() const;
  // The same, with the store's event ids and the links' records, for picking.
  void set_time_data(exporting::TimeData data);
  [[nodiscard]] const std::vector<std::int64_t>& event_ids() const { return event_ids_; }
  [[nodiscard]] const std::vector<store::LinkRecord>& link_records() const { return link_records_; }
  [[nodiscard]] const render::PickIndex& pick_index() const { return picks_; }
  // The time filter the map draws with now.
  [[nodiscard]] render::TimeFilter time_filter() const { return {view_.time, data_start_}; }
  // The shown events within a few pixels of a framebuffer position, nearest first.
  [[nodiscard]] std::vector<render::PickHit> events_at(double px, double py) const;
  // Map units to framebuffer pixels and back, in the current camera.
  [[nodiscard]] geo::XY to_pixels(geo::XY map) const;
  [[nodiscard]] geo::Extent visible_extent() const { return view_.camera.visible_extent(width_, height_); }
  // Centres the camera on an event (by index in events()), keeping the zoom.
  void centre_on(std::uint32_t event);

  // The filters of the window: which categories show (the legend's entries toggle
  // them), and which events pass the other filters (one byte per event, empty: all).
  // Applied on the GPU with the time filter; filter_generation() changes with each.
  void set_category_shown(std::uint8_t category, bool shown);
  [[nodiscard]] bool category_shown(std::uint8_t category) const {
    return category >= hidden_categories_.size() || !hidden_categories_[category];
  }
  void set_store_filter(std::vector<std::uint8_t> passes);
  // Whether event i passes every filter (the time window aside).
  [[nodiscard]] bool passes(std::size_t i) const { return passes_.empty() || passes_[i] != 0; }
  [[nodiscard]] std::uint64_t filter_generation() const { return filter_generation_; }
  // One byte per event as the GPU takes it (empty: every event passes).
  [[nodiscard]] const std::vector<std::uint8_t>& passes() const { return passes_; }
  // The links that pass the filters (store::links_of() the store filter: an end in its
  // country, its source), by the store's link ids; nullopt: all. The map's arcs, their
  // hover and the timeline's link bars follow.
  void set_link_filter(const std::optional<std::vector<std::int64_t>>& passing_ids);
  [[nodiscard]] bool link_passes(std::size_t i) const { return link_passes_.empty() || link_passes_[i] != 0; }
  // The links that pass, for an export's legend and caption.
  [[nodiscard]] const std::vector<render::Link>& shown_links() const { return shown_links_; }

  // Frames the focus countries and Moscow in the part of the window above `bottom_inset`
  // pixels (the timeline panel).
  void fit_default(int width, int height, int bottom_inset = 0);
  // Framebuffer pixels; the caller skips these when ImGui wants the mouse.
  void pan(double dx, double dy) { view_.camera.pan_pixels(dx, dy); }
  void zoom_at(double factor, double px, double py);
  void update_hover(double px, double py);
  void clear_hover() { hover_.reset(); }
  [[nodiscard]] const std::optional<Hover>& hover() const { return hover_; }

  // Shows `extent` (projected) in the part of the window above the panels at its
  // bottom, as shown_extent() will then say (a project's view, a bookmark).
  void fit_extent(const geo::Extent& extent);
  // Pixels at the bottom covered by panels, left out when framing.
  void set_bottom_inset(int pixels);
  [[nodiscard]] int bottom_inset() const { return bottom_inset_; }
  // Draws into the window's default framebuffer at its size.
  void draw(int width, int height);
  // The part of the map the window shows above the panels at its bottom (projected).
  [[nodiscard]] geo::Extent shown_extent() const;
  // The current view composed at another size (same area, fitted into the map frame)
  // with the layout's furniture, for "Save snapshot": the composer and renderer of
  // `chronomap render`. `words` gives the caption's filters, sources and attribution;
  // the events, links and mask are the window's.
  [[nodiscard]] Image snapshot(int width, int height, float scale, const exporting::Layout& layout,
                               exporting::MapContent words);
  // The same composition written as a PDF or SVG page by the vector backend, as
  // `chronomap render --out x.pdf` writes it (events as points unless the view draws
  // hexagons; a heatmap is a raster and is refused). `text` goes into a PDF's metadata.
  void snapshot_vector(const std::filesystem::path& path, const exporting::VectorPage& page, float scale,
                       const exporting::Layout& layout, exporting::MapContent words,
                       std::span<const ImageText> text) const;
  // The camera of such a snapshot (where a GeoTIFF of it lies).
  [[nodiscard]] render::Camera snapshot_camera(int width, int height, float scale,
                                               const exporting::Layout& layout) const;
  // The data sets the events come from (file names).
  [[nodiscard]] const std::vector<std::string>& sources() const { return sources_; }
  [[nodiscard]] const render::Scene& scene() const { return scene_; }
  // The view such a snapshot is drawn with, and the renderer that draws the map (the
  // exports draw their frames with it: same layers, filters and data).
  [[nodiscard]] render::View snapshot_view(int width, int height, float scale, const exporting::Layout& layout) const;
  render::MapRenderer& renderer() { return renderer_; }

  render::View& view() { return view_; }
  // The density ramp and units of the frame last drawn (mode points when none).
  [[nodiscard]] render::DensityLegend density_legend() const {
    return renderer_.density_legend(view_, std::max(width_, 1), std::max(height_, 1));
  }
  [[nodiscard]] const std::string& renderer_name() const { return renderer_name_; }

 private:
  [[nodiscard]] std::vector<std::size_t> links_at(double px, double py) const;
  void rebuild_pick_index();

  render::BaseMap base_map_;
  geo::Projection projection_;
  render::Theme theme_;
  render::Scene scene_;
  render::MapRenderer renderer_;
  render::View view_;
  render::EventSet events_;
  std::vector<render::Link> links_;
  std::vector<std::int64_t> event_ids_;
  std::vector<store::LinkRecord> link_records_;
  std::vector<std::string> sources_;
  render::PickIndex picks_;
  DayNumber data_start_ = 0;  // first day of the events, kept: hover must not scan them
  void apply_filters();
  std::vector<bool> hidden_categories_;       // by category index
  std::vector<std::uint8_t> store_passes_;    // by event; empty: all
  std::vector<std::uint8_t> passes_;          // both together, by event; empty: all
  std::vector<std::uint8_t> link_passes_;     // by link; empty: all
  std::vector<render::Link> shown_links_;     // the links link_passes_ passes
  std::uint64_t filter_generation_ = 0;
  std::unique_ptr<render::OffscreenTarget> target_;
  render::FrameCache cache_;
  int width_ = 0, height_ = 0, bottom_inset_ = 0;
  std::optional<Hover> hover_;
  std::string renderer_name_;
};

}  // namespace chronomap::ui

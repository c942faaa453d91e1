// Window-side map: camera interaction and drawing through the shared renderer.
#include "ui/map_view.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "export/snapshot.hpp"
#include "geo/hit_test.hpp"
#include "render/default_view.hpp"
#include "render/link_lanes.hpp"

namespace chronomap::ui {
namespace {

constexpr double kLinkHoverPixels = 4.5;

}  // namespace

MapView::MapView(render::BaseMap base_map, const std::string& projection)
    : base_map_(std::move(base_map)), projection_(projection) {
  scene_ = render::build_scene(base_map_, projection_);
  renderer_.set_scene(scene_);
  renderer_name_ = render::describe_gl_renderer();
}

void MapView::set_time_data(render::EventSet events, std::vector<render::Link> links) {
  events_ = std::move(events);
  links_ = std::move(links);
  data_start_ = events_.size() > 0 ? events_.day_range().first : 0;
  renderer_.set_events(events_, projection_);
  renderer_.set_links(links_, projection_);
  rebuild_pick_index();
  store_passes_.clear();  // a new data set: the store's filters are asked again
  set_link_filter(std::nullopt);
  apply_filters();
}

bool MapView::links_shown() const {
  const render::TimeFilter filter = time_filter();
  for (std::size_t i = 0; i < links_.size(); ++i)
    if (link_passes(i) && render::link_state(filter, static_cast<float>(links_[i].start),
                                             static_cast<float>(links_[i].end)) != render::LinkState::hidden)
      return true;
  return false;
}

void MapView::set_link_filter(const std::optional<std::vector<std::int64_t>>& passing_ids) {
  link_passes_.clear();
  if (passing_ids && link_records_.size() == links_.size()) {
    std::vector<std::int64_t> passing = *passing_ids;
    std::sort(passing.begin(), passing.end());
    link_passes_.resize(links_.size());
    for (std::size_t i = 0; i < links_.size(); ++i)
      link_passes_[i] = static_cast<std::uint8_t>(std::binary_search(passing.begin(), passing.end(), link_records_[i].id));
  }
  renderer_.set_link_mask(link_passes_);
  shown_links_.clear();
  for (std::size_t i = 0; i < links_.size(); ++i)
    if (link_passes(i)) shown_links_.push_back(links_[i]);
  ++filter_generation_;
}

void MapView::set_category_shown(std::uint8_t category, bool shown) {
  if (hidden_categories_.size() <= category) hidden_categories_.resize(std::size_t{category} + 1, false);
  hidden_categories_[category] = !shown;
  apply_filters();
}

void MapView::set_store_filter(std::vector<std::uint8_t> passes) {
  store_passes_ = passes.size() == events_.size() ? std::move(passes) : std::vector<std::uint8_t>{};
  apply_filters();
}

void MapView::apply_filters() {
  const bool any_hidden = std::find(hidden_categories_.begin(), hidden_categories_.end(), true) != hidden_categories_.end();
  passes_.clear();
  if (any_hidden || !store_passes_.empty()) {
    passes_.resize(events_.size());
    for (std::size_t i = 0; i < events_.size(); ++i) {
      passes_[i] = static_cast<std::uint8_t>(category_shown(events_.categories[i]) &&
                                             (store_passes_.empty() || store_passes_[i] != 0));
    }
  }
  renderer_.set_event_mask(passes_);
  ++filter_generation_;
}

void MapView::set_time_data(exporting::TimeData data) {
  event_ids_ = std::move(data.event_ids);
  link_records_ = std::move(data.link_records);
  sources_ = std::move(data.sources);
  set_time_data(std::move(data.events), std::move(data.links));
}

void MapView::rebuild_pick_index() {
  std::vector<geo::XY> projected;
  projection_.forward_many(events_.positions, projected);
  picks_ = render::PickIndex(std::move(projected));
}

void MapView::fit_default(int width, int height, int bottom_inset) {
  const int visible = std::max(height - bottom_inset, height / 3);
  const geo::Extent extent =
      render::default_view_extent(scene_, render::data_extent(events_, links_, projection_));
  view_.camera = render::Camera::fit(extent, width, visible, 0.07, true);
  view_.camera.pan_pixels(0, -(height - visible) / 2.0);
}

void MapView::fit_extent(const geo::Extent& extent) {
  const int width = std::max(width_, 1), height = std::max(height_, 1);
  const int visible = std::max(height - bottom_inset_, 1);
  view_.camera = render::Camera::fit(extent, width, visible, 0.0, true);
  view_.camera.center.y -= 0.5 * (height - visible) * view_.camera.units_per_pixel_y;
}

void MapView::set_theme(const render::Theme& theme) {
  theme_ = theme;
  scene_ = render::build_scene(base_map_, projection_, theme_);
  renderer_.set_theme(theme_);
  renderer_.set_scene(scene_);
}

void MapView::set_projection(const std::string& spec) {
  geo::Projection next(spec);  // throws before anything changes
  // Keep the area in view: the lon/lat box under the window, re-projected.
  geo::Extent lonlat;
  if (width_ > 0 && height_ > 0) {
    for (int i = 0; i <= 8; ++i) {
      for (int j = 0; j <= 8; ++j) {
        geo::LonLat ll;
        if (projection_.inverse(view_.camera.unproject(width_ * i / 8.0, height_ * j / 8.0, width_, height_), ll))
          lonlat.add(ll.lon, ll.lat);
      }
    }
  }
  projection_ = std::move(next);
  scene_ = render::build_scene(base_map_, projection_, theme_);
  renderer_.set_scene(scene_);
  renderer_.set_events(events_, projection_);
  renderer_.set_links(links_, projection_);
  rebuild_pick_index();
  const geo::Extent projected = lonlat.empty() ? geo::Extent{} : projection_.project_extent(lonlat);
  if (projected.empty() || width_ == 0) {
    fit_default(std::max(width_, 1), std::max(height_, 1));
  } else {
    view_.camera = render::Camera::fit(projected, width_, height_, 0.0, true);
  }
}

void MapView::zoom_at(double factor, double px, double py) {
  // Keep the zoom between the whole world and a few hundred metres per screen.
  const double world = std::max(scene_.world_extent.width(), scene_.world_extent.height());
  const double next = view_.camera.units_per_pixel_x / factor;
  if (next > world / 100.0 || (projection_.is_geographic() ? next < 1e-6 : next < 0.5)) return;
  view_.camera.zoom_at(factor, px, py, width_, height_);
}

void MapView::update_hover(double px, double py) {
  geo::LonLat ll;
  if (width_ == 0 || !projection_.inverse(view_.camera.unproject(px, py, width_, height_), ll) ||
      std::abs(ll.lat) > 90.0 || std::abs(ll.lon) > 180.0) {
    hover_.reset();
    return;
  }
  Hover h{ll, {}, {}, events_at(px, py), links_at(px, py)};
  if (const auto* f = geo::feature_at(base_map_.countries, ll)) h.country = f->name;
  for (const std::size_t i : h.links) {
    if (!h.link.empty()) h.link += "; ";
    h.link += links_[i].label;
  }
  hover_ = std::move(h);
}

std::vector<render::PickHit> MapView::events_at(double px, double py) const {
  if (width_ == 0 || !view_.layers.events) return {};
  // The markers' radius (5 px at scale 1) and a pixel of slack.
  const double radius = 6.0 * static_cast<double>(view_.scale) *
                        std::max(view_.camera.units_per_pixel_x, view_.camera.units_per_pixel_y);
  return picks_.query(view_.camera.unproject(px, py, width_, height_), radius, events_, time_filter(), passes_);
}

geo::XY MapView::to_pixels(geo::XY v) const {
  const auto& camera = view_.camera;
  return {(v.x - camera.center.x) / camera.units_per_pixel_x + width_ / 2.0,
          (camera.center.y - v.y) / camera.units_per_pixel_y + height_ / 2.0};
}

void MapView::centre_on(std::uint32_t event) {
  if (event >= picks_.size()) return;
  const geo::XY at = picks_.position(event);
  if (std::isfinite(at.x) && std::isfinite(at.y)) view_.camera.center = at;
}

std::vector<std::size_t> MapView::links_at(double px, double py) const {
  // Links are few (tens): a linear scan of their projected arcs in pixel space, each
  // moved to its lane as the shader draws it (render::offset_segment). Every link
  // within 4.5 pixels, nearest first: overlapping arcs are all reported, and parallel
  // ones (6 design px apart) each on its own away from their ends.
  const render::TimeFilter filter = time_filter();
  auto to_px = [&](const render::Vec2& v) {
    const geo::XY p = to_pixels({static_cast<double>(v.x), static_cast<double>(v.y)});
    return render::Vec2{static_cast<float>(p.x), static_cast<float>(p.y)};
  };
  const auto& projected = renderer_.links().projected();
  std::vector<std::pair<double, std::size_t>> near;
  if (!view_.layers.links) return {};
  for (std::size_t i = 0; i < links_.size() && i < projected.size(); ++i) {
    if (!link_passes(i)) continue;
    const auto& link = links_[i];
    if (render::link_state(filter, static_cast<float>(link.start), static_cast<float>(link.end)) ==
        render::LinkState::hidden)
      continue;
    const auto& points = projected[i].points;
    const std::vector<float> along = render::arc_fractions(points);
    double best = kLinkHoverPixels;
    for (std::size_t k = 1; k < points.size(); ++k) {
      const auto [pa, pb] = render::offset_segment(to_px(points[k - 1]), to_px(points[k]), along[k - 1], along[k],
                                                   projected[i].lane, view_.scale);
      const geo::XY a{pa.x, pa.y}, b{pb.x, pb.y};
      const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
      const double t = len2 > 0 ? std::clamp(((px - a.x) * dx + (py - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
      const double d = std::hypot(px - (a.x + t * dx), py - (a.y + t * dy));
      best = std::min(best, d);
    }
    if (best < kLinkHoverPixels) near.emplace_back(best, i);
  }
  std::sort(near.begin(), near.end());
  std::vector<std::size_t> out;
  for (const auto& [d, i] : near) out.push_back(i);
  return out;
}

void MapView::set_bottom_inset(int pixels) { bottom_inset_ = pixels; }

void MapView::draw(int width, int height) {
  if (width <= 0 || height <= 0) return;
  if (!target_ || target_->width() != width || target_->height() != height) {
    // Resizing keeps the centre and the scale; only more or less of the map shows.
    if (width_ == 0 || height_ == 0) fit_default(width, height, bottom_inset_);
    target_ = std::make_unique<render::OffscreenTarget>(width, height);
  }
  width_ = width;
  height_ = height;
  cache_.draw(renderer_, view_, *target_);
  target_->blit_into(0);
}

geo::Extent MapView::shown_extent() const {
  geo::Extent extent;
  const int rows = std::max(height_ - bottom_inset_, 1);
  const geo::XY a = view_.camera.unproject(0, 0, width_, height_);
  const geo::XY b = view_.camera.unproject(width_, rows, width_, height_);
  extent.add(a.x, a.y);
  extent.add(b.x, b.y);
  return extent;
}

Image MapView::snapshot(int width, int height, float scale, const exporting::Layout& layout,
                        exporting::MapContent words) {
  exporting::Composer composer(layout, width, height, scale);
  render::View view = view_;
  view.scale = scale;
  view.time.animate_links = false;  // a still image: solid arcs, as the command line draws them
  view.camera = composer.fit(shown_extent(), 0.0, true);
  words.events = &events_;
  words.links = &shown_links_;
  words.mask = passes_;
  renderer_.set_furniture(
      composer.compose(words, scene_, projection_, view, renderer_.density_legend(view, width, height)));
  Image image;
  try {
    image = exporting::render_image(renderer_, view, width, height);
  } catch (...) {
    renderer_.set_furniture({});
    throw;
  }
  renderer_.set_furniture({});  // the window shows its own legend and panels
  return image;
}

void MapView::snapshot_vector(const std::filesystem::path& path, const exporting::VectorPage& page, float scale,
                              const exporting::Layout& layout, exporting::MapContent words,
                              std::span<const ImageText> text) const {
  if (view_.layers.events && view_.density == render::DensityMode::heatmap) {
    throw UsageError("File: a heatmap is a raster; PDF and SVG draw events as points or hexagons (Layers → Events as)");
  }
  render::View view = snapshot_view(page.width, page.height, scale, layout);
  render::DensityLegend density;
  if (view.density == render::DensityMode::hexagons) {
    density = render::density_legend(view.density, render::ground_scale_at_center(projection_, view.camera), scale);
  } else {
    view.density = render::DensityMode::points;
  }
  words.events = &events_;
  words.links = &links_;
  words.mask = passes_;
  exporting::Composer composer(layout, page.width, page.height, scale);
  const render::Furniture furniture = composer.compose(words, scene_, projection_, view, density);
  exporting::write_vector(path, page, view, {scene_, projection_, events_, passes_, links_, {}, furniture, theme_},
                          text);
}

render::View MapView::snapshot_view(int width, int height, float scale, const exporting::Layout& layout) const {
  render::View view = view_;
  view.scale = scale;
  view.time.animate_links = false;  // stills: solid arcs
  view.camera = snapshot_camera(width, height, scale, layout);
  return view;
}

render::Camera MapView::snapshot_camera(int width, int height, float scale, const exporting::Layout& layout) const {
  return exporting::Composer(layout, width, height, scale).fit(shown_extent(), 0.0, true);
}

}  // namespace chronomap::ui

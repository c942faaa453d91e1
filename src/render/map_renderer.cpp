// Layer order: sea, graticule (seen over the sea only), land, borders, Moscow,
// density (heatmap or hexagons, under names and links), links, labels, places,
// events (above their places and names), overlay.
#include "render/map_renderer.hpp"

namespace chronomap::render {

MapRenderer::MapRenderer(Theme theme) : theme_(theme) {}

void MapRenderer::set_scene(const Scene& scene) {
  fills_.upload(scene);
  lines_.upload(scene);
  markers_.upload(scene.markers);
  labels_.set_items(scene_label_items(scene, theme_), false);
  ++scene_generation_;
  check_gl("uploading the scene");
}

void MapRenderer::set_events(const EventSet& events, const geo::Projection& projection) {
  events_.upload(events, projection);
  density_.upload(events, projection);
  data_start_ = events.size() > 0 ? events.day_range().first : 0;
  if (mask_.size() != events.size()) mask_.clear();  // another data set: every event passes
  events_.set_mask(mask_);
  density_.set_mask(mask_);
  check_gl("uploading events");
}

void MapRenderer::set_event_mask(std::vector<std::uint8_t> passes) {
  mask_ = std::move(passes);
  events_.set_mask(mask_);
  density_.set_mask(mask_);
  check_gl("uploading the filter mask");
}

void MapRenderer::set_links(const std::vector<Link>& links, const geo::Projection& projection) {
  links_.upload(links, projection);
  check_gl("uploading links");
}

void MapRenderer::set_overlay(const std::vector<TextItem>& items) { overlay_.set_items(items, true); }

void MapRenderer::draw(const View& view, const OffscreenTarget& target, int image_width, int image_height,
                       const Tile& tile) const {
  target.draw_multisampled(tile, [&](const Tile& band) { draw_base(view, image_width, image_height, band); });
  draw_dynamic(view, image_width, image_height, tile);
}

void MapRenderer::draw_base(const View& view, int image_width, int image_height, const Tile& tile) const {
  const FrameTransform frame(view.camera, image_width, image_height, tile, view.scale);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glClearColor(theme_.sea.r, theme_.sea.g, theme_.sea.b, 1.0f);
  glClearStencil(0);
  glStencilMask(0xff);
  glClear(GL_COLOR_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);

  const auto& layers = view.layers;
  if (layers.graticule) lines_.draw(frame, theme_, [](LineStyle s) { return s == LineStyle::graticule; });
  if (layers.land) fills_.draw(frame);
  if (layers.borders) {
    lines_.draw(frame, theme_,
                [](LineStyle s) { return s == LineStyle::border || s == LineStyle::focus_border; });
  }
  if (layers.moscow) lines_.draw(frame, theme_, [](LineStyle s) { return s == LineStyle::moscow_outline; });
  check_gl("drawing the base map");
}

void MapRenderer::draw_dynamic(const View& view, int image_width, int image_height, const Tile& tile) const {
  const FrameTransform frame(view.camera, image_width, image_height, tile, view.scale);
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  const auto& layers = view.layers;
  const TimeFilter filter(view.time, data_start_);
  const DensityMode density =
      layers.events ? density_.effective(view.density, filter, image_width, image_height, view.scale) : DensityMode::points;
  if (density != DensityMode::points) density_.draw(density, frame, filter, view.camera, image_width, image_height, tile);
  if (layers.links) links_.draw(frame, filter, view.camera, view.time.animation_phase, view.time.animate_links);
  if (layers.labels) labels_.draw(frame);
  if (layers.places) markers_.draw(frame);  // a capital's dot stays visible under a country's name
  // Events last: a dated event matters more than the name under it.
  if (density == DensityMode::points && layers.events) events_.draw(frame, filter, view.time.size_by_fatalities);
  overlay_.draw(frame);
  check_gl("drawing the map");
}

DensityLegend MapRenderer::density_legend(const View& view, int image_width, int image_height) const {
  const DensityMode mode = view.layers.events ? density_.effective(view.density, TimeFilter(view.time, data_start_),
                                                                     image_width, image_height, view.scale)
                                              : DensityMode::points;
  return density_.legend(mode, view.camera, view.scale);
}

}  // namespace chronomap::render

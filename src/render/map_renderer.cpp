// Layer order: sea, graticule (seen over the sea only), land, borders, Moscow,
// density (heatmap or hexagons, under names and links), links, labels, places,
// events (above their places and names), overlay.
#include "render/map_renderer.hpp"

#include <cmath>

namespace chronomap::render {

MapRenderer::MapRenderer(Theme theme) : theme_(theme) {}

void MapRenderer::set_scene(const Scene& scene) {
  fills_.upload(scene);
  lines_.upload(scene);
  markers_.upload(scene.markers);
  labels_.set_items(scene_label_items(scene, theme_), false);
  label_markers_.clear();
  for (const auto& m : scene.markers) label_markers_.push_back({m.position, m.radius});
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

void MapRenderer::set_link_mask(std::vector<std::uint8_t> passes) {
  links_.set_mask(std::move(passes));
  check_gl("uploading the links' filter mask");
}

void MapRenderer::set_overlay(const std::vector<TextItem>& items) { overlay_.set_items(items, true); }

namespace {

bool same_inset(const std::optional<Inset>& a, const std::optional<Inset>& b) {
  if (a.has_value() != b.has_value()) return false;
  if (!a) return true;
  const auto same_extent = [](const geo::Extent& p, const geo::Extent& q) {
    return p.min_x == q.min_x && p.min_y == q.min_y && p.max_x == q.max_x && p.max_y == q.max_y;
  };
  const auto same_color = [](Color p, Color q) { return p.r == q.r && p.g == q.g && p.b == q.b && p.a == q.a; };
  return a->x0 == b->x0 && a->y0 == b->y0 && a->x1 == b->x1 && a->y1 == b->y1 && same_extent(a->shows, b->shows) &&
         same_extent(a->frame, b->frame) && same_color(a->background, b->background) &&
         same_color(a->outline, b->outline) && a->outline_width == b->outline_width;
}

// The main frame's extent on the inset, in image pixels.
Shape inset_outline(const Inset& inset) {
  const Camera camera = inset_camera(inset);
  const float width = inset.x1 - inset.x0, height = inset.y1 - inset.y0;
  const auto to_image = [&](double x, double y) {
    return Vec2{inset.x0 + width / 2.0f + static_cast<float>((x - camera.center.x) / camera.units_per_pixel_x),
                inset.y0 + height / 2.0f - static_cast<float>((y - camera.center.y) / camera.units_per_pixel_y)};
  };
  const Vec2 a = to_image(inset.frame.min_x, inset.frame.max_y), b = to_image(inset.frame.max_x, inset.frame.min_y);
  return rectangle(a.x, a.y, b.x, b.y, Color{inset.outline.r, inset.outline.g, inset.outline.b, 0.18f},
                   Stroke{inset.outline, inset.outline_width, {}});
}

}  // namespace

void MapRenderer::set_furniture(const Furniture& furniture) {
  shapes_.set_shapes(furniture.shapes);
  label_keep_clear_ = furniture_boxes(furniture);
  overlay_.set_items(furniture.texts, true);
  if (!same_inset(inset_, furniture.inset)) {
    inset_ = furniture.inset;
    inset_shapes_.set_shapes(inset_ ? std::vector<Shape>{inset_outline(*inset_)} : std::vector<Shape>{});
    ++scene_generation_;
  }
  check_gl("uploading the map furniture");
}

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
  if (inset_) draw_inset(*inset_, view.scale, tile);
  check_gl("drawing the base map");
}

void MapRenderer::draw_inset(const Inset& inset, float scale, const Tile& tile) const {
  // The box, in the framebuffer's rows (GL counts them from the bottom of the tile).
  const int x0 = static_cast<int>(std::lround(inset.x0)), y0 = static_cast<int>(std::lround(inset.y0));
  const int x1 = static_cast<int>(std::lround(inset.x1)), y1 = static_cast<int>(std::lround(inset.y1));
  if (x1 <= tile.x || x0 >= tile.x + tile.width || y1 <= tile.y || y0 >= tile.y + tile.height) return;
  glEnable(GL_SCISSOR_TEST);
  glScissor(x0 - tile.x, tile.height - (y1 - tile.y), x1 - x0, y1 - y0);
  glClearColor(inset.background.r, inset.background.g, inset.background.b, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
  // The same fills and borders, through the inset's camera, as if the box were an
  // image of its own whose tile starts where this one does.
  const FrameTransform frame(inset_camera(inset), x1 - x0, y1 - y0, {tile.x - x0, tile.y - y0, tile.width, tile.height},
                             scale * 0.5f);
  fills_.draw(frame);
  lines_.draw(frame, theme_, [](LineStyle s) { return s == LineStyle::border || s == LineStyle::focus_border; });
  inset_shapes_.draw(FrameTransform(Camera{}, 1, 1, tile, scale));
  glDisable(GL_SCISSOR_TEST);
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
  if (layers.labels) {
    LabelObstacles obstacles;
    if (layers.places) obstacles.markers = label_markers_;
    if (layers.links) obstacles.arcs = links_.shown_arcs(filter);
    obstacles.keep_clear = label_keep_clear_;
    labels_.draw(frame, obstacles);
  }
  if (layers.places) markers_.draw(frame);  // a capital's dot stays visible under a country's name
  // Events last: a dated event matters more than the name under it.
  if (density == DensityMode::points && layers.events)
    events_.draw(frame, filter, view.time.size_by_fatalities, theme_.event_rim);
  shapes_.draw(frame);
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

// The one renderer: draws a Scene through a View into an offscreen target (which the
// window blits to the screen and exports read back), whole or one tile of a larger image.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "render/density_layer.hpp"
#include "render/frame.hpp"
#include "render/furniture.hpp"
#include "render/layers.hpp"
#include "render/offscreen.hpp"
#include "render/scene.hpp"
#include "render/theme.hpp"
#include "render/time_data.hpp"
#include "render/time_layers.hpp"

namespace chronomap::render {

struct LayerToggles {
  bool land = true;       // country fills
  bool borders = true;
  bool graticule = true;
  bool moscow = true;     // Moscow's outline and fill
  bool places = true;     // capitals and Moscow markers
  bool labels = true;
  bool events = true;
  bool links = true;
};

// Everything about how the map is looked at, apart from the data: plain values the
// GUI edits and the command line builds without a window.
struct View {
  Camera camera;
  LayerToggles layers;
  float scale = 1.0f;  // design px -> output px (line widths, text, markers)
  TimeState time;
  DensityMode density = DensityMode::automatic;  // events as points, a heatmap or hexagons
};

class MapRenderer {
 public:
  // Needs a current OpenGL 3.3 core context; compiles the shaders.
  explicit MapRenderer(Theme theme = {});

  void set_scene(const Scene& scene);
  // The dated layers, projected once here (again after a projection change).
  void set_events(const EventSet& events, const geo::Projection& projection);
  void set_links(const std::vector<Link>& links, const geo::Projection& projection);
  // Which events pass the filters (category, country, actor, text...), one byte per
  // event of the last set_events() (empty: all). Kept across projection changes; the
  // GPU applies it with the time filter, so a frame costs no more.
  void set_event_mask(std::vector<std::uint8_t> passes);
  // Which links pass the filters (their country, their source), one byte per link of
  // the last set_links() (empty: all); kept across projection changes.
  void set_link_mask(std::vector<std::uint8_t> passes);
  [[nodiscard]] const LinkLayer& links() const { return links_; }
  // Text drawn over the map in image pixels (titles, dates, legends).
  void set_overlay(const std::vector<TextItem>& items);
  // The map's furniture (render/furniture.hpp): its shapes and texts over everything,
  // its inset with the base map (a new inset changes scene_generation()).
  void set_furniture(const Furniture& furniture);

  // Draws into `target`, whose size is tile.width×tile.height: the base map into its
  // multisampled buffer (polygon edges need the samples), then, resolved, the rest
  // single-sampled (events, arcs and text anti-alias in their shaders; a quarter of
  // the fragments and of the rasteriser's memory).
  void draw(const View& view, const OffscreenTarget& target, int image_width, int image_height,
            const Tile& tile) const;
  void draw(const View& view, const OffscreenTarget& target) const {
    draw(view, target, target.width(), target.height(), {0, 0, target.width(), target.height()});
  }
  // The two halves of draw(), each into the bound framebuffer: the static base map
  // (sea, land, borders), which only changes with the camera, and what moves with
  // time (links, events) plus labels and overlay. FrameCache redraws the first only
  // when needed.
  void draw_base(const View& view, int image_width, int image_height, const Tile& tile) const;
  void draw_dynamic(const View& view, int image_width, int image_height, const Tile& tile) const;
  // Changes whenever set_scene() uploads a new base map or set_furniture() a new inset.
  [[nodiscard]] std::uint64_t scene_generation() const { return scene_generation_; }

  // The density layer's ramp and units for `view` at that image size (mode points when
  // the events are drawn as points).
  [[nodiscard]] DensityLegend density_legend(const View& view, int image_width, int image_height) const;

  [[nodiscard]] const Theme& theme() const { return theme_; }
  // Another theme: takes effect with the next set_scene() (a Scene built with it).
  void set_theme(const Theme& theme) { theme_ = theme; }
  TextLayer& overlay_text() { return overlay_; }

 private:
  void draw_inset(const Inset& inset, float scale, const Tile& tile) const;
  Theme theme_;
  FillLayer fills_;
  LineLayer lines_;
  MarkerLayer markers_;
  TextLayer labels_;
  TextLayer overlay_;
  ShapeLayer shapes_;
  ShapeLayer inset_shapes_;  // the main frame's outline on the inset
  std::optional<Inset> inset_;
  EventLayer events_;
  LinkLayer links_;
  DensityLayer density_;
  std::vector<std::uint8_t> mask_;
  std::vector<LabelObstacles::Circle> label_markers_;  // the scene's place markers
  std::vector<TextBox> label_keep_clear_;              // the furniture's boxes
  DayNumber data_start_ = 0;
  std::uint64_t scene_generation_ = 0;
};

}  // namespace chronomap::render

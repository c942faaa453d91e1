// The map composer: one layout of an exported map for the window's "Save snapshot"
// and for `chronomap render`. The image is a map frame over a caption band; the
// frame's corners carry the title block (top left) and, each in the corner where it
// covers the fewest events, the legend of what is shown, the inset locator and the
// north arrow with the scale bar. Sizes are design pixels (1/96 inch) times the
// image's scale, so an A4 at 300 dpi and a screen image have the same proportions.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "geo/projection.hpp"
#include "render/density.hpp"
#include "render/frame.hpp"
#include "render/furniture.hpp"
#include "render/map_renderer.hpp"
#include "render/scene.hpp"
#include "render/time_data.hpp"
#include "store/records.hpp"

namespace chronomap::exporting {

// Which furniture an image carries, and its words: the export settings a user picks
// (command-line options, the snapshot dialog). Attribution is always drawn, unless the
// image is plain.
struct Layout {
  std::string title, subtitle;
  bool date_stamp = true;   // the frame's date under the title
  bool caption = true;      // what the map shows, in the band under the frame
  bool legend = true;       // the categories and link kinds on the map
  bool scale_bar = true;
  bool miles = false;       // a second bar in miles
  bool north_arrow = true;
  bool inset = true;        // a locator map
  // The map alone, edge to edge, with no furniture and no band (a raster for GIS; the
  // attribution is still written into the file's metadata).
  bool plain = false;
};

// What the map holds, for the legend and the caption.
struct MapContent {
  const render::EventSet* events = nullptr;
  std::span<const std::uint8_t> mask;  // which events pass the filters (empty: all)
  const std::vector<render::Link>* links = nullptr;
  std::string filters;                 // "category coup; country Mali", or ""
  std::vector<std::string> sources;    // data set names
  std::string attribution;
};

// The ground distance one image pixel spans at (px, py), in metres, measured
// horizontally along a geodesic; nullopt where the projection has no inverse there.
std::optional<double> metres_per_pixel(const geo::Projection& projection, const render::Camera& camera, double px,
                                       double py, int width, int height);

// The direction of true north at image pixel (px, py), in degrees clockwise from
// straight up; nullopt where the projection cannot say (off the globe).
std::optional<double> north_angle(const geo::Projection& projection, const render::Camera& camera, double px,
                                  double py, int width, int height);

// A scale bar for a frame of width × frame_height pixels seen through `camera`: a round length (1, 2 or 5 times a power of ten) near
// `target_px` long, or a note saying why there is none (the scale varies by more than
// a fifth across the frame, or cannot be measured); a bar whose scale varies by more
// than 3% says so under it.
struct ScaleBar {
  double metres = 0;      // the bar's ground length
  double pixels = 0;      // its length in the image
  std::string label;      // "500 km"
  std::string note;       // why there is no bar (then metres == 0)
  double variation = 0;   // largest / smallest scale across the frame, less one
};
ScaleBar scale_bar(const geo::Projection& projection, const render::Camera& camera, int width, int frame_height,
                   double target_px, bool miles);

// "Events 16 July – 14 August 2025 · category coup · 12 events (34 fatalities),
// 5 active links · Sources: ...": what a frame shows, for the caption and metadata.
std::string caption_text(const render::TimeState& time, const MapContent& content);

// The filters in force, for the caption: "Filters: category coup, country MLI, actor
// Wagner, categories coup, attack" (the last: those left shown when the legend hid
// `hidden_categories`); "" when there are none.
std::string filter_text(const store::EventFilter& filter, const std::vector<std::string>& hidden_categories = {});

// Splits `words` into at most `lines` lines no wider than `width` px at `size` in the
// renderer's regular font (render::measure_text); the last line ends in "…" when the
// text does not fit.
std::vector<std::string> wrap_words(const std::string& words, float size, float width, std::size_t lines);

// The first line of geodata/ATTRIBUTION.md (its short form), or "" if missing. With
// `default_events` false, the part naming the shipped event data set is left out.
std::string short_attribution(bool default_events = true);

class Composer {
 public:
  Composer(Layout layout, int width, int height, float scale);

  // The map frame is the image's rows [0, frame_height()); the band below holds the
  // caption and the attribution.
  [[nodiscard]] int frame_height() const { return frame_height_; }
  // The image's camera that shows `extent` inside the frame (margin: a fraction of it).
  [[nodiscard]] render::Camera fit(const geo::Extent& extent, double margin, bool keep_aspect) const;
  // The projected extent the frame shows under the image camera.
  [[nodiscard]] geo::Extent frame_extent(const render::Camera& camera) const;

  // The furniture for one frame: `view` is what the renderer draws (its camera the
  // image's), `density` its legend when events are drawn as a heatmap or hexagons.
  [[nodiscard]] render::Furniture compose(const MapContent& content, const render::Scene& scene,
                                          const geo::Projection& projection, const render::View& view,
                                          const render::DensityLegend& density);

  [[nodiscard]] const Layout& layout() const { return layout_; }

 private:
  const std::vector<render::Vec2>& projected(const render::EventSet& events, const geo::Projection& projection);

  Layout layout_;
  int width_, height_, frame_height_;
  float scale_;  // design px -> image px
  float k_;      // small images get smaller furniture
  // Event positions projected once for every frame of a series.
  const render::EventSet* projected_for_ = nullptr;
  std::size_t projected_count_ = 0;
  std::string projected_projection_;
  std::vector<render::Vec2> projected_;
};

}  // namespace chronomap::exporting

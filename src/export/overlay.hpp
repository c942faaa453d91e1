// What an exported map carries over the map itself: the date of the frame, a legend
// of event categories (or the density ramp with its units) and link kinds, and the
// data's attribution.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "render/density.hpp"
#include "render/layers.hpp"
#include "render/time_data.hpp"

namespace chronomap::exporting {

struct OverlayContent {
  std::optional<DayNumber> date;  // drawn large at the top left
  std::string title;              // above the date, when given
  bool legend = true;             // categories and link kinds present in the data
  // With a heatmap or hexagons, the legend shows their ramp and unit instead of the
  // categories (MapRenderer::density_legend for the frame).
  render::DensityLegend density;
  std::string attribution;        // one line at the bottom right
};

// Text items (in image pixels) for an image of width×height at `scale`.
std::vector<render::TextItem> build_overlay(const OverlayContent& content, const render::EventSet& events,
                                            const std::vector<render::Link>& links, int width, int height,
                                            float scale);

// The first line of geodata/ATTRIBUTION.md (its short form), or "" if missing. With
// `default_events` false, the part naming the shipped event data set is left out.
std::string short_attribution(bool default_events = true);

}  // namespace chronomap::exporting

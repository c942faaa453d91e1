// Overlay layout: the date block at the top left, the legend at the bottom left, the
// attribution at the bottom right. Legend swatches are ● glyphs in the item's colour;
// the density ramp is a row of █ glyphs.
#include "export/overlay.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>

#include "core/paths.hpp"

namespace chronomap::exporting {
namespace {

const render::Color kInk = render::rgb(0x1f1d1a);
const render::Color kHalo = render::rgb(0xffffff, 0.9f);

render::TextItem text(std::string s, float x, float y, float size, bool bold, render::Color color = kInk,
                      render::Align align = render::Align::left) {
  return {std::move(s), x, y, size, align, 0, 0, color, kHalo, bold};
}

// The density ramp above the rows that start at `bottom`: its unit, a bar of the
// ramp's colours (overlapping █ glyphs), a value under each decade and, for
// hexagons, their ground size.
void add_density_ramp(std::vector<render::TextItem>& items, const render::DensityLegend& legend, float margin,
                      float bottom, float s, float k) {
  constexpr int kSteps = 24;
  const float bar = 168.0f * s, row = 17.0f * s;
  const std::string note = legend.note();
  float y = bottom - (note.empty() ? 0.0f : row) - 2.0f * row;
  std::string unit = legend.unit();
  if (!unit.empty()) unit[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(unit[0])));
  items.push_back(text(unit, margin, y, 13.0f * k, true));
  y += row;
  for (int i = 0; i < kSteps; ++i) {
    const float t = (static_cast<float>(i) + 0.5f) / kSteps;
    items.push_back(text("█", margin + bar * t, y, 13.0f * k, false, render::density_ramp_color(t),
                         render::Align::center));
  }
  y += row;
  const auto labels = legend.tick_labels();
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const float x = margin + bar * static_cast<float>(i) / static_cast<float>(labels.size() - 1);
    const auto align = i == 0 ? render::Align::left : i + 1 == labels.size() ? render::Align::right : render::Align::center;
    items.push_back(text(labels[i], x, y, 11.0f * k, false, kInk, align));
  }
  if (!note.empty()) items.push_back(text(note, margin, y + row, 11.0f * k, false));
}

}  // namespace

std::string short_attribution(bool default_events) {
  std::ifstream in(geodata_file("ATTRIBUTION.md"));
  std::string line;
  std::getline(in, line);
  if (!default_events) {
    if (const auto events = line.find("; events:"); events != std::string::npos) line.erase(events);
  }
  return line;
}

std::vector<render::TextItem> build_overlay(const OverlayContent& content, const render::EventSet& events,
                                            const std::vector<render::Link>& links, int width, int height,
                                            float scale) {
  std::vector<render::TextItem> items;
  // Small images get a smaller overlay, so the legend never covers most of the map.
  // Text sizes are design pixels (the renderer multiplies them by `scale`); positions
  // are image pixels, so they carry the scale themselves.
  const float k = std::clamp(static_cast<float>(std::min(width, height)) / 900.0f, 0.75f, 1.0f);
  const float s = scale * k;
  const float margin = 18.0f * s;
  float y = margin + 12.0f * s;
  if (!content.title.empty()) {
    items.push_back(text(content.title, margin, y, 22.0f * k, true));
    y += 30.0f * s;
  }
  if (content.date) {
    items.push_back(text(format_long(*content.date), margin, y, 28.0f * k, true));
  }
  if (content.legend) {
    const bool density = content.density.mode != render::DensityMode::points;
    std::set<std::uint8_t> categories;
    if (!density) categories.insert(events.categories.begin(), events.categories.end());
    std::set<std::uint8_t> kinds;
    for (const auto& link : links) kinds.insert(link.kind);
    std::vector<std::pair<std::string, render::Color>> rows;
    for (const auto c : categories) rows.emplace_back(std::string(render::event_categories()[c]), render::category_color(c));
    for (const auto kind : kinds) rows.emplace_back(std::string(render::link_kind_label(kind)), render::link_kind_color(kind));
    const float row = 17.0f * s;
    float ly = static_cast<float>(height) - margin - row * static_cast<float>(rows.size()) + row * 0.5f;
    if (density) add_density_ramp(items, content.density, margin, ly - row, s, k);
    for (const auto& [label, color] : rows) {
      items.push_back(text("●", margin, ly, 16.0f * k, false, color));
      items.push_back(text(label, margin + 18.0f * s, ly, 13.0f * k, false));
      ly += row;
    }
  }
  if (!content.attribution.empty()) {
    // Shrunk to fit narrow images: DejaVu Sans averages about 0.56 em a character.
    const auto characters = static_cast<float>(render::decode_utf8(content.attribution).size());
    const float fitting = (static_cast<float>(width) - 2.0f * margin) / (0.56f * characters * scale);
    items.push_back(text(content.attribution, static_cast<float>(width) - margin, static_cast<float>(height) - margin,
                         std::min(10.5f * k, fitting), false, render::rgb(0x45423d), render::Align::right));
  }
  return items;
}

}  // namespace chronomap::exporting

// The map's colours, widths and type sizes in one place, so the window, exports and
// legends agree. Design pixels: multiplied by the frame's scale when drawn.
#pragma once

#include <string_view>

namespace chronomap::render {

struct Color {
  float r = 0, g = 0, b = 0, a = 1;
};

constexpr Color rgb(unsigned hex, float alpha = 1.0f) {
  return {static_cast<float>((hex >> 16) & 0xffu) / 255.0f, static_cast<float>((hex >> 8) & 0xffu) / 255.0f,
          static_cast<float>(hex & 0xffu) / 255.0f, alpha};
}

enum class FillStyle { land, focus, moscow };
enum class LineStyle { graticule, border, focus_border, moscow_outline };
enum class LabelStyle { country, city };

struct Theme {
  Color sea = rgb(0xc9dde8);
  Color land = rgb(0xeeebe4);
  Color moscow = rgb(0xc0392b);
  Color graticule = rgb(0xffffff, 0.55f);
  Color border = rgb(0x9d978c);
  Color focus_border = rgb(0x3d3a35);
  Color moscow_outline = rgb(0x7b1d14);
  Color label = rgb(0x24221f);
  Color label_halo = rgb(0xffffff, 0.85f);
  Color place_fill = rgb(0x24221f);
  Color place_stroke = rgb(0xffffff);

  float graticule_width = 0.8f;
  float border_width = 0.7f;
  float focus_border_width = 1.6f;
  float moscow_outline_width = 1.4f;
  float country_label_size = 17.0f;
  float city_label_size = 12.5f;
  float place_radius = 3.5f;
  float moscow_marker_radius = 6.0f;

  // Each focus country's fill, by ISO 3166-1 alpha-3 code; distinct from one another,
  // from context land and from the sea.
  [[nodiscard]] Color focus_fill(std::string_view iso_a3) const;
  [[nodiscard]] Color fill(FillStyle style, std::string_view iso_a3 = {}) const;
  [[nodiscard]] Color line(LineStyle style) const;
  [[nodiscard]] float line_width(LineStyle style) const;
};

}  // namespace chronomap::render

// The map's colours, widths and type sizes in one place, so the window, exports and
// legends agree. Design pixels: multiplied by the frame's scale when drawn.
#pragma once

#include <optional>
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

// The defaults are the light print theme (light_theme()); dark_theme() is for screens.
struct Theme {
  Color sea = rgb(0xc9dde8);
  Color land = rgb(0xeeebe4);
  // Pale tints for the three focus countries, apart from the event and link colours
  // (render::category_color, link_kind_color) so a marker never sinks into its country.
  Color focus_mli = rgb(0xf2d9ae);  // sand
  Color focus_bfa = rgb(0xd4e6b0);  // pale green
  Color focus_ner = rgb(0xe6c6d8);  // pale mauve
  Color focus_other = rgb(0xf3e7b8);
  // Moscow's area and marker: a colour no event category or link kind has.
  Color moscow = rgb(0x0d3b4f);  // deep petrol
  Color graticule = rgb(0xffffff, 0.55f);
  Color border = rgb(0x9d978c);
  Color focus_border = rgb(0x3d3a35);
  Color moscow_outline = rgb(0x06202b);
  Color label = rgb(0x24221f);
  Color label_halo = rgb(0xffffff, 0.85f);
  Color place_fill = rgb(0x24221f);
  Color place_stroke = rgb(0xffffff);
  Color event_rim = rgb(0x141414);  // the edge that keeps overlapping event markers apart

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

// Light: pale land on a pale sea, dark labels, for print. Dark: dark land on a darker
// sea, light labels with dark halos, for screens.
Theme light_theme();
Theme dark_theme();
// "light" or "dark"; nothing for another name.
std::optional<Theme> named_theme(std::string_view name);
inline constexpr std::string_view kThemeNames = "light, dark";

}  // namespace chronomap::render

// The named themes and their colour lookups.
#include "render/theme.hpp"

namespace chronomap::render {

Theme light_theme() { return {}; }

Theme dark_theme() {
  Theme t;
  t.sea = rgb(0x17212b);
  t.land = rgb(0x33363b);
  t.focus_mli = rgb(0x6b5226);
  t.focus_bfa = rgb(0x44583a);
  t.focus_ner = rgb(0x603a58);
  t.focus_other = rgb(0x56512f);
  t.moscow = rgb(0xe0b000);  // gold
  t.graticule = rgb(0xffffff, 0.12f);
  t.border = rgb(0x686c72);
  t.focus_border = rgb(0xd6d1c7);
  t.moscow_outline = rgb(0xf3dc7a);
  t.label = rgb(0xf0ece4);
  t.label_halo = rgb(0x0e1115, 0.85f);
  t.place_fill = rgb(0xf0ece4);
  t.place_stroke = rgb(0x0e1115);
  t.event_rim = rgb(0xf4f1ea);
  return t;
}

std::optional<Theme> named_theme(std::string_view name) {
  if (name == "light") return light_theme();
  if (name == "dark") return dark_theme();
  return std::nullopt;
}

Color Theme::focus_fill(std::string_view iso_a3) const {
  if (iso_a3 == "MLI") return focus_mli;
  if (iso_a3 == "BFA") return focus_bfa;
  if (iso_a3 == "NER") return focus_ner;
  return focus_other;  // any other focus country
}

Color Theme::fill(FillStyle style, std::string_view iso_a3) const {
  switch (style) {
    case FillStyle::land: return land;
    case FillStyle::focus: return focus_fill(iso_a3);
    case FillStyle::moscow: return moscow;
  }
  return land;
}

Color Theme::line(LineStyle style) const {
  switch (style) {
    case LineStyle::graticule: return graticule;
    case LineStyle::border: return border;
    case LineStyle::focus_border: return focus_border;
    case LineStyle::moscow_outline: return moscow_outline;
  }
  return border;
}

float Theme::line_width(LineStyle style) const {
  switch (style) {
    case LineStyle::graticule: return graticule_width;
    case LineStyle::border: return border_width;
    case LineStyle::focus_border: return focus_border_width;
    case LineStyle::moscow_outline: return moscow_outline_width;
  }
  return border_width;
}

}  // namespace chronomap::render

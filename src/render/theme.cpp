// Colour lookups of the default theme.
#include "render/theme.hpp"

namespace chronomap::render {

Color Theme::focus_fill(std::string_view iso_a3) const {
  if (iso_a3 == "MLI") return rgb(0xe0995e);  // ochre
  if (iso_a3 == "BFA") return rgb(0x6aaa7b);  // green
  if (iso_a3 == "NER") return rgb(0x9c86c9);  // violet
  return rgb(0xd8b45a);                       // any other focus country
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

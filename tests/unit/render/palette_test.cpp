// The palette survives print and colour blindness: every pair of event categories
// stays apart in CIE L*a*b* (CIE76 distance, ΔE) as seen with normal vision, with
// protanopia and deuteranopia (simulated with Machado, Oliveira and Fernandes 2009's
// matrices at severity 1.0, on linear RGB), and printed in greyscale (the CIE Y
// luminance alone). The thresholds, for small marks seen apart rather than large
// patches side by side (where ΔE 2.3 is about a just noticeable difference):
//   normal vision 20: a glance tells them apart at 10 px;
//   protanopia and deuteranopia 12: about five just noticeable differences; the
//     marker shape is the second cue;
//   greyscale 5: eleven categories spread over the lightness a marker can take on a
//     pale map (L* 25 to 85) cannot be more than 6 apart, so in greyscale the shape
//     is the main cue and lightness a help.
// Link kinds (which carry a dash pattern besides) are held to the same thresholds;
// Moscow and the focus countries' fills must not be mistaken for any event or link
// colour, in either theme.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <span>
#include <set>
#include <string>
#include <vector>

#include "render/symbols.hpp"
#include "render/theme.hpp"
#include "render/time_data.hpp"

namespace chronomap::render {
namespace {

struct Lab {
  double l = 0, a = 0, b = 0;
};

enum class Vision { normal, protanopia, deuteranopia, greyscale };
constexpr std::array<Vision, 4> kVisions = {Vision::normal, Vision::protanopia, Vision::deuteranopia,
                                            Vision::greyscale};
const char* name(Vision v) {
  switch (v) {
    case Vision::normal: return "normal vision";
    case Vision::protanopia: return "protanopia";
    case Vision::deuteranopia: return "deuteranopia";
    case Vision::greyscale: return "greyscale";
  }
  return "";
}

using Matrix = std::array<std::array<double, 3>, 3>;
// Machado et al. 2009, severity 1.0.
constexpr Matrix kProtanopia = {{{0.152286, 1.052583, -0.204868},
                                 {0.114503, 0.786281, 0.099216},
                                 {-0.003882, -0.048116, 1.051998}}};
constexpr Matrix kDeuteranopia = {{{0.367322, 0.860646, -0.227968},
                                   {0.280085, 0.672501, 0.047413},
                                   {-0.011820, 0.042940, 0.968881}}};

double linear(float srgb) {
  const double c = srgb;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

// Linear sRGB (D65) to CIE L*a*b*.
Lab to_lab(double r, double g, double b) {
  const double x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
  const double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
  const double z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b;
  auto f = [](double t) { return t > 216.0 / 24389.0 ? std::cbrt(t) : (24389.0 / 27.0 * t + 16.0) / 116.0; };
  const double fx = f(x / 0.95047), fy = f(y), fz = f(z / 1.08883);
  return {116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)};
}

Lab seen(const Color& c, Vision vision) {
  const std::array<double, 3> rgb = {linear(c.r), linear(c.g), linear(c.b)};
  if (vision == Vision::greyscale) {
    const double y = 0.2126729 * rgb[0] + 0.7151522 * rgb[1] + 0.0721750 * rgb[2];
    return to_lab(y, y, y);
  }
  if (vision == Vision::normal) return to_lab(rgb[0], rgb[1], rgb[2]);
  const Matrix& m = vision == Vision::protanopia ? kProtanopia : kDeuteranopia;
  std::array<double, 3> out{};
  for (std::size_t i = 0; i < 3; ++i)
    out[i] = std::clamp(m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2], 0.0, 1.0);
  return to_lab(out[0], out[1], out[2]);
}

double delta_e(const Lab& p, const Lab& q) { return std::hypot(p.l - q.l, p.a - q.a, p.b - q.b); }

double threshold(Vision v, double normal, double deficient, double grey) {
  return v == Vision::normal ? normal : v == Vision::greyscale ? grey : deficient;
}

std::vector<Color> category_colors() {
  std::vector<Color> out;
  for (std::size_t i = 0; i < event_categories().size(); ++i)
    out.push_back(category_color(static_cast<std::uint8_t>(i)));
  return out;
}

std::vector<Color> link_colors() {
  std::vector<Color> out;
  for (std::size_t i = 0; i < link_kinds().size(); ++i) out.push_back(link_kind_color(static_cast<std::uint8_t>(i)));
  return out;
}

// The smallest ΔE between two of `colors` under `vision`, naming the pair.
double closest_pair(const std::vector<Color>& colors, std::span<const std::string_view> names, Vision vision,
                    std::string& pair) {
  double least = 1e9;
  for (std::size_t i = 0; i < colors.size(); ++i) {
    for (std::size_t j = i + 1; j < colors.size(); ++j) {
      const double d = delta_e(seen(colors[i], vision), seen(colors[j], vision));
      if (d < least) {
        least = d;
        pair = std::string(names[i]) + " and " + std::string(names[j]);
      }
    }
  }
  return least;
}

TEST(Palette, SimulationMatchesKnownValues) {
  // White stays white in every simulation (the matrices' rows sum to 1), and pure red
  // under protanopia loses most of its lightness (a known trait of protanopia).
  const Lab white = seen(rgb(0xffffff), Vision::protanopia);
  EXPECT_NEAR(white.l, 100.0, 0.1);
  EXPECT_NEAR(seen(rgb(0xffffff), Vision::deuteranopia).l, 100.0, 0.1);
  EXPECT_NEAR(to_lab(1, 0, 0).l, 53.24, 0.05);  // sRGB red, a published L*
  EXPECT_LT(seen(rgb(0xff0000), Vision::protanopia).l, 45.0);
  // Red and green, told apart by anyone else, nearly merge under deuteranopia.
  EXPECT_GT(delta_e(seen(rgb(0xd03030), Vision::normal), seen(rgb(0x3a9a30), Vision::normal)), 60.0);
  EXPECT_LT(delta_e(seen(rgb(0xd03030), Vision::deuteranopia), seen(rgb(0x8a8a30), Vision::deuteranopia)), 25.0);
}

void expect_apart_in_every_vision(const std::vector<Color>& colors, std::span<const std::string_view> names) {
  for (const Vision v : kVisions) {
    std::string pair;
    const double least = closest_pair(colors, names, v, pair);
    EXPECT_GE(least, threshold(v, 20.0, 12.0, 5.0)) << name(v) << ": " << pair << " are too close";
  }
}

TEST(Palette, CategoriesStayApartInEveryVision) { expect_apart_in_every_vision(category_colors(), event_categories()); }

TEST(Palette, LinkKindsStayApartInEveryVision) { expect_apart_in_every_vision(link_colors(), link_kinds()); }

TEST(Palette, MoscowAndTheFocusCountriesUseNoEventOrLinkColour) {
  std::vector<Color> marks = category_colors();
  for (const auto& c : link_colors()) marks.push_back(c);
  for (const auto* theme_name : {"light", "dark"}) {
    const Theme theme = *named_theme(theme_name);
    const std::vector<std::pair<std::string, Color>> areas = {
        {"Moscow", theme.moscow}, {"Mali", theme.focus_fill("MLI")}, {"Burkina Faso", theme.focus_fill("BFA")},
        {"Niger", theme.focus_fill("NER")}};
    for (const auto& [area, color] : areas) {
      for (std::size_t i = 0; i < marks.size(); ++i) {
        const double d = delta_e(seen(color, Vision::normal), seen(marks[i], Vision::normal));
        EXPECT_GE(d, 20.0) << area << " is too close to event or link colour " << i << " in the " << theme_name
                           << " theme";
      }
    }
  }
}

TEST(Palette, EachThemeIsReadable) {
  for (const auto& theme_name : {"light", "dark"}) {
    const auto theme = named_theme(theme_name);
    ASSERT_TRUE(theme);
    auto lab = [](const Color& c) { return seen(c, Vision::normal); };
    EXPECT_GE(delta_e(lab(theme->label), lab(theme->label_halo)), 60.0) << theme_name << ": labels on their halo";
    EXPECT_GE(delta_e(lab(theme->land), lab(theme->sea)), 8.0) << theme_name << ": land against the sea";
    EXPECT_GE(delta_e(lab(theme->border), lab(theme->land)), 15.0) << theme_name << ": borders on land";
    EXPECT_GE(delta_e(lab(theme->place_fill), lab(theme->place_stroke)), 60.0) << theme_name << ": capital dots";
    for (const auto* iso : {"MLI", "BFA", "NER"}) {
      EXPECT_GE(delta_e(lab(theme->focus_fill(iso)), lab(theme->land)), 8.0) << theme_name << ": " << iso;
      EXPECT_GE(delta_e(lab(theme->focus_fill(iso)), lab(theme->label)), 50.0) << theme_name << ": label over " << iso;
    }
    // Every event colour stands off the plain land it is mostly drawn on.
    for (const auto& c : category_colors())
      EXPECT_GE(delta_e(lab(c), lab(theme->land)), 15.0) << theme_name << ": an event colour on land";
  }
  EXPECT_FALSE(named_theme("sepia"));
}

TEST(Symbols, EveryCategoryHasItsOwnShapeAndEveryLinkKindItsOwnDash) {
  std::set<MarkerShape> shapes;
  for (std::size_t i = 0; i < event_categories().size(); ++i) {
    const MarkerShape s = category_shape(static_cast<std::uint8_t>(i));
    EXPECT_TRUE(shapes.insert(s).second) << event_categories()[i] << " shares its shape";
    const auto outline = marker_outline(s);
    ASSERT_GE(outline.size(), 3u);
    // The outline stays inside the quad the shader draws it on.
    for (const auto& p : outline) EXPECT_LE(std::max(std::abs(p.x), std::abs(p.y)), marker_extent(s) + 1e-5f);
  }
  std::set<std::vector<float>> dashes;
  for (std::size_t k = 0; k < link_kinds().size(); ++k) {
    const auto dash = link_kind_dash(static_cast<std::uint8_t>(k));
    EXPECT_LE(dash.size(), 4u);
    EXPECT_TRUE(dashes.insert({dash.begin(), dash.end()}).second) << link_kinds()[k] << " shares its dash";
  }
}

TEST(Symbols, CoarsePlacesAreTold) {
  EXPECT_TRUE(place_imprecise("region"));   // ACLED geo_precision 3
  EXPECT_TRUE(place_imprecise("country"));  // the shipped data's Mali-wide event
  EXPECT_TRUE(place_imprecise("admin1"));
  EXPECT_FALSE(place_imprecise("city"));
  EXPECT_FALSE(place_imprecise("near"));
  EXPECT_FALSE(place_imprecise(""));
}

}  // namespace
}  // namespace chronomap::render

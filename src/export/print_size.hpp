// Image sizes for print: paper formats, and the design unit that line widths, markers
// and text are defined in. One design pixel is 1/96 inch (a CSS pixel, 0.2646 mm; a
// point is 4/3 of one): an image of N dpi draws at View::scale = N / 96, so an A4 at
// 300 dpi and a 4K image at 192 dpi have the same proportions, and the default, 96 dpi,
// is scale 1 (what every render drew before sizes for print existed).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace chronomap::exporting {

inline constexpr double kDesignDpi = 96.0;

struct Paper {
  const char* name;            // "A4", lower case accepted on input
  double width_mm, height_mm;  // portrait
};

std::span<const Paper> papers();
// "A3, A4, A5, letter": for help texts and messages.
std::string paper_names();
// The paper named `name` (any case); nullopt for any other.
std::optional<Paper> find_paper(std::string_view name);

struct PixelSize {
  int width = 0, height = 0;
};

// The paper's size in pixels at `dpi`, rounded to the nearest pixel (A4 at 300 dpi:
// 2480x3508 portrait, 3508x2480 landscape).
PixelSize paper_pixels(const Paper& paper, bool landscape, double dpi);

// The View::scale that draws design units at `dpi`.
inline float scale_for_dpi(double dpi) { return static_cast<float>(dpi / kDesignDpi); }

}  // namespace chronomap::exporting

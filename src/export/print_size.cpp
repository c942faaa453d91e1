// Paper formats (ISO 216 A series and US letter) and their sizes in pixels.
#include "export/print_size.hpp"

#include <array>
#include <cctype>
#include <cmath>

namespace chronomap::exporting {
namespace {

constexpr double kMmPerInch = 25.4;

constexpr std::array<Paper, 4> kPapers = {{
    {"A3", 297.0, 420.0},
    {"A4", 210.0, 297.0},
    {"A5", 148.0, 210.0},
    {"letter", 215.9, 279.4},  // 8.5 x 11 inches
}};

bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

}  // namespace

std::span<const Paper> papers() { return kPapers; }

std::string paper_names() {
  std::string names;
  for (const auto& p : kPapers) {
    if (!names.empty()) names += ", ";
    names += p.name;
  }
  return names;
}

std::optional<Paper> find_paper(std::string_view name) {
  for (const auto& p : kPapers) {
    if (same_name(p.name, name)) return p;
  }
  return std::nullopt;
}

PixelSize paper_pixels(const Paper& paper, bool landscape, double dpi) {
  const auto pixels = [&](double mm) { return static_cast<int>(std::lround(mm / kMmPerInch * dpi)); };
  const int w = pixels(paper.width_mm), h = pixels(paper.height_mm);
  return landscape ? PixelSize{h, w} : PixelSize{w, h};
}

}  // namespace chronomap::exporting

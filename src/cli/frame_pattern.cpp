// Validating and expanding %d frame-name patterns without handing user text to printf.
#include "cli/frame_pattern.hpp"

#include <cctype>

namespace chronomap::cli {
namespace {

// Finds the %[0][width]d directive; returns its position and length, or npos.
struct Directive {
  std::size_t position = std::string_view::npos, length = 0;
  int width = 0;
  bool zero = false;
  bool valid = true;
};

Directive scan(std::string_view p) {
  Directive found;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i] != '%') continue;
    if (i + 1 < p.size() && p[i + 1] == '%') {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    const bool zero = j < p.size() && p[j] == '0';
    int width = 0;
    while (j < p.size() && std::isdigit(static_cast<unsigned char>(p[j]))) width = width * 10 + (p[j++] - '0');
    if (j >= p.size() || p[j] != 'd' || width > 12 || found.position != std::string_view::npos) {
      found.valid = false;
      return found;
    }
    found = {i, j - i + 1, width, zero, true};
    i = j;
  }
  return found;
}

}  // namespace

bool is_frame_pattern(std::string_view pattern) {
  const Directive d = scan(pattern);
  return d.valid && d.position != std::string_view::npos;
}

std::string frame_name(std::string_view pattern, int index) {
  const Directive d = scan(pattern);
  std::string number = std::to_string(index);
  if (static_cast<int>(number.size()) < d.width) number.insert(0, static_cast<std::size_t>(d.width) - number.size(), d.zero ? '0' : ' ');
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (i == d.position) {
      out += number;
      i += d.length - 1;
    } else if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] == '%') {
      out += '%';
      ++i;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

}  // namespace chronomap::cli

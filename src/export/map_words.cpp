// The words and measures a composed map states: its caption (period, filters, counts,
// sources) and its wrapping, the attribution, and the ground measures behind the scale bar and the
// north arrow. Declared in export/composer.hpp; the layout that places them is
// composer.cpp.
#include "export/composer.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numbers>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/paths.hpp"
#include "geo/geodesic.hpp"
#include "render/furniture.hpp"

namespace chronomap::exporting {
namespace {

// "16 July – 14 August 2025": the first date's year (and month) left out when the
// second repeats them.
std::string date_range(DayNumber first, DayNumber last) {
  if (first >= last) return format_long(last);
  const CivilDate a = from_day_number(first), b = from_day_number(last);
  std::string from = format_long(first);
  if (a.year == b.year) {
    from.erase(from.rfind(' '));                                    // "16 July"
    if (a.month == b.month) from.erase(from.find(' '));             // "16"
  }
  from += " – ";
  from += format_long(last);
  return from;
}

std::string thousands(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

std::optional<double> metres_per_pixel(const geo::Projection& projection, const render::Camera& camera, double px,
                                       double py, int width, int height) {
  constexpr double kHalf = 5.0;
  geo::LonLat a, b;
  if (!projection.inverse(camera.unproject(px - kHalf, py, width, height), a) ||
      !projection.inverse(camera.unproject(px + kHalf, py, width, height), b)) {
    return std::nullopt;
  }
  const double metres = geo::geodesic_distance_m(a, b);
  if (!std::isfinite(metres) || metres <= 0) return std::nullopt;
  return metres / (2 * kHalf);
}

std::optional<double> north_angle(const geo::Projection& projection, const render::Camera& camera, double px,
                                  double py, int width, int height) {
  geo::LonLat here;
  if (!projection.inverse(camera.unproject(px, py, width, height), here)) return std::nullopt;
  // A step towards the pole (away from it at the pole itself), projected back.
  const double step = here.lat > 89.9 ? -0.01 : 0.01;
  geo::XY a, b;
  if (!projection.forward(here, a) || !projection.forward({here.lon, here.lat + step}, b)) return std::nullopt;
  // Image pixels: x right, y down (projected y is up).
  double dx = (b.x - a.x) / camera.units_per_pixel_x, dy = -(b.y - a.y) / camera.units_per_pixel_y;
  if (step < 0) dx = -dx, dy = -dy;
  if (dx == 0 && dy == 0) return std::nullopt;
  return std::atan2(dx, -dy) * 180.0 / std::numbers::pi;
}

ScaleBar scale_bar(const geo::Projection& projection, const render::Camera& camera, int width, int frame_height,
                   double target_px, bool miles) {
  ScaleBar bar;
  // `camera` maps the frame alone (width × frame_height) to projected units.
  const auto at = [&](double fx, double fy) {
    return metres_per_pixel(projection, camera, fx * width, fy * frame_height, width, frame_height);
  };
  const auto centre = at(0.5, 0.5);
  if (!centre) {
    bar.note = "No scale bar: the map's centre has no ground position";
    return bar;
  }
  double low = *centre, high = *centre;
  for (const double fx : {0.15, 0.5, 0.85}) {
    for (const double fy : {0.15, 0.5, 0.85}) {
      if (const auto m = at(fx, fy)) {
        low = std::min(low, *m);
        high = std::max(high, *m);
      }
    }
  }
  bar.variation = high / low - 1.0;
  if (bar.variation > 0.20) {
    bar.note = "No scale bar: the scale varies by " + std::to_string(static_cast<int>(std::lround(bar.variation * 100))) +
               "% across this map";
    return bar;
  }
  const double unit = miles ? 1609.344 : 1000.0;
  const double wanted = *centre * target_px / unit;  // in km or miles
  const double decade = std::pow(10.0, std::floor(std::log10(wanted)));
  double length = decade;
  for (const double f : {2.0, 5.0})
    if (decade * f <= wanted) length = decade * f;
  bar.metres = length * unit;
  bar.pixels = bar.metres / *centre;
  std::string number = length >= 1 ? thousands(static_cast<std::size_t>(std::lround(length))) : std::to_string(length);
  if (length < 1) {
    while (number.back() == '0') number.pop_back();
  }
  bar.label = number + (miles ? " mi" : " km");
  return bar;
}

std::string caption_text(const render::TimeState& time, const MapContent& content) {
  static const render::EventSet kNoEvents;
  static const std::vector<render::Link> kNoLinks;
  const render::EventSet& events = content.events ? *content.events : kNoEvents;
  const std::vector<render::Link>& links = content.links ? *content.links : kNoLinks;
  const render::TimeFilter filter(time, events.size() > 0 ? events.day_range().first : 0);
  std::size_t shown = 0;
  double fatalities = 0;
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (!content.mask.empty() && content.mask[i] == 0) continue;
    if (time.mode != render::TimeMode::everything &&
        !render::event_visible(filter, static_cast<float>(events.start_days[i]), static_cast<float>(events.end_days[i])))
      continue;
    ++shown;
    fatalities += static_cast<double>(events.fatalities[i]);
  }
  std::size_t active = 0, ended = 0;
  for (const auto& link : links) {
    if (time.mode == render::TimeMode::everything) {
      ++active;
      continue;
    }
    const auto state = render::link_state(filter, static_cast<float>(link.start), static_cast<float>(link.end));
    active += state == render::LinkState::active ? 1u : 0u;
    ended += state == render::LinkState::ended ? 1u : 0u;
  }
  std::string out;
  switch (time.mode) {
    case render::TimeMode::window:
      out = "Events " + date_range(static_cast<DayNumber>(filter.window_start), time.cursor);
      break;
    case render::TimeMode::cumulative:
      out = "All events to " + format_long(time.cursor);
      break;
    case render::TimeMode::everything:
      out = "All events";
      break;
  }
  if (!content.filters.empty()) {
    out += " · ";
    out += content.filters;
  }
  out += " · ";
  out += thousands(shown);
  out += shown == 1 ? " event" : " events";
  if (fatalities > 0) {
    out += " (";
    out += thousands(static_cast<std::size_t>(std::lround(fatalities)));
    out += " fatalities reported)";
  }
  out += ", ";
  out += thousands(active);
  out += active == 1 ? " active link" : " active links";
  if (ended > 0) {
    out += ", ";
    out += thousands(ended);
    out += " ended";
  }
  if (!content.sources.empty()) {
    out += " · Sources: ";
    for (std::size_t i = 0; i < content.sources.size(); ++i) {
      if (i > 0) out += ", ";
      out += content.sources[i];
    }
  }
  return out;
}

std::string filter_text(const store::EventFilter& filter, const std::vector<std::string>& hidden_categories) {
  std::vector<std::string> parts;
  if (!filter.category.empty()) parts.push_back("category " + filter.category);
  if (!filter.country.empty()) parts.push_back("country " + filter.country);
  if (!filter.actor.empty()) parts.push_back("actor " + filter.actor);
  if (!filter.text.empty()) parts.push_back("text \"" + filter.text + "\"");
  if (!filter.source.empty()) parts.push_back("source " + filter.source);
  if (filter.min_fatalities && filter.max_fatalities) {
    parts.push_back(std::to_string(*filter.min_fatalities) + "–" + std::to_string(*filter.max_fatalities) +
                    " fatalities");
  } else if (filter.min_fatalities) {
    parts.push_back("at least " + std::to_string(*filter.min_fatalities) + " fatalities");
  } else if (filter.max_fatalities) {
    parts.push_back("at most " + std::to_string(*filter.max_fatalities) + " fatalities");
  }
  if (!filter.date_precision.empty()) parts.push_back("dated to the " + filter.date_precision);
  if (!hidden_categories.empty()) {
    std::string shown;
    for (const auto name : render::event_categories()) {
      if (std::find(hidden_categories.begin(), hidden_categories.end(), name) != hidden_categories.end()) continue;
      if (!shown.empty()) shown += ", ";
      shown += name;
    }
    parts.push_back("categories " + (shown.empty() ? std::string("none") : shown));
  }
  std::string out;
  for (const auto& p : parts) {
    out += out.empty() ? "Filters: " : ", ";
    out += p;
  }
  return out;
}

std::vector<std::string> wrap_words(const std::string& words, float size, float width, std::size_t lines) {
  std::vector<std::string> out;
  std::string line;
  std::size_t at = 0;
  while (at < words.size()) {
    std::size_t end = words.find(' ', at);
    if (end == std::string::npos) end = words.size();
    const std::string word = words.substr(at, end - at);
    std::string longer = line;
    if (!longer.empty()) longer += ' ';
    longer += word;
    if (!line.empty() && render::measure_text(longer, size, false) > width) {
      out.push_back(line);
      line = word;
      if (out.size() == lines) break;
    } else {
      line = longer;
    }
    at = end + 1;
  }
  if (out.size() < lines && !line.empty()) {
    out.push_back(line);
  } else if (out.size() == lines) {
    std::string& last = out.back();
    while (!last.empty() && render::measure_text(last + " …", size, false) > width) last.pop_back();
    last += " …";
  }
  return out;
}

std::string short_attribution(bool default_events) {
  std::ifstream in(geodata_file("ATTRIBUTION.md"));
  std::string line;
  std::getline(in, line);
  if (!default_events) {
    if (const auto events = line.find("; events:"); events != std::string::npos) line.erase(events);
  }
  return line;
}

}  // namespace chronomap::exporting

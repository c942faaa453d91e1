// What the time layers draw, as plain columns (no GL, no SQLite): events as dated
// points, links as dated pairs of endpoints, and the time filter the GPU applies.
// The CPU reference of that filter lives here too, so tests compare the two.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "geo/types.hpp"
#include "render/theme.hpp"

namespace chronomap::render {

// Event categories with a colour each; anything else is "other".
std::span<const std::string_view> event_categories();
std::uint8_t category_index(std::string_view category);
Color category_color(std::uint8_t index);

// Link kinds with a colour each; anything else is "other".
std::span<const std::string_view> link_kinds();
std::uint8_t link_kind_index(std::string_view kind);
Color link_kind_color(std::uint8_t index);
std::string_view link_kind_label(std::uint8_t index);

inline constexpr DayNumber kOpenStart = -1'000'000;  // "since always"
inline constexpr DayNumber kOpenEnd = 1'000'000;     // "still going"

struct EventSet {
  std::vector<geo::LonLat> positions;
  std::vector<DayNumber> start_days;
  std::vector<DayNumber> end_days;       // == start for one-day events
  std::vector<std::uint8_t> categories;  // category_index()
  std::vector<float> fatalities;         // 0 when unknown
  std::vector<std::uint8_t> precision;   // render::PrecisionFlags: 0 for a day and a town

  [[nodiscard]] std::size_t size() const { return positions.size(); }
  void reserve(std::size_t n);
  void add(geo::LonLat position, DayNumber start, DayNumber end, std::uint8_t category, float fatalities = 0,
           std::uint8_t precision = 0);
  // First and last day of any event, for the timeline's range.
  [[nodiscard]] std::pair<DayNumber, DayNumber> day_range() const;
};

struct Link {
  geo::LonLat from, to;
  DayNumber start = kOpenStart, end = kOpenEnd;
  std::uint8_t kind = 0;  // link_kind_index()
  std::string label;
};

// How the time cursor selects: a window of days ending at the cursor, everything
// from the start of the data up to the cursor (cumulative), or all of time.
enum class TimeMode { window, cumulative, everything };

struct TimeState {
  DayNumber cursor = 0;
  int window_days = 30;
  TimeMode mode = TimeMode::window;
  bool size_by_fatalities = false;
  bool animate_links = true;
  float animation_phase = 0;  // seconds; moves the links' dashes
};

// The uniforms the shaders filter with, derived from a TimeState once per frame.
struct TimeFilter {
  float cursor = 0;        // last day shown
  float window_start = 0;  // first day shown
  float fade_span = 0;     // days over which older events fade; 0: no fading

  TimeFilter(const TimeState& state, DayNumber data_start);
  TimeFilter() = default;
};

// The CPU reference of the shaders' event test: does an event spanning
// [start, end] show under `filter`?
inline bool event_visible(const TimeFilter& f, float start, float end) {
  return start <= f.cursor && end >= f.window_start;
}

// The CPU side of shaders/event.vert's look, for backends that draw without it (the
// vector writer): older events fade to 30 % over the window's span...
inline float event_fade(const TimeFilter& f, float end) {
  if (f.fade_span <= 0) return 1.0f;
  const float age = f.cursor - std::min(end, f.cursor);
  return 1.0f - 0.7f * std::clamp(age / f.fade_span, 0.0f, 1.0f);
}
// ...and a disc's radius in design pixels: 5, or 3 to 24 by fatalities.
inline float event_radius(float fatalities, bool size_by_fatalities) {
  return size_by_fatalities ? std::clamp(3.0f + 1.8f * std::sqrt(fatalities), 3.0f, 24.0f) : 5.0f;
}

// Events ordered for drawing so that a frame submits only those its window can touch.
// Events fall into span classes by how many days they last (one, up to 7, 31, 366,
// more); each class is sorted by start day. An event shown under a filter starts on
// or before the cursor and no earlier than the window's start less its class's
// longest span, so per class the shown ones lie in one index range found by two
// binary searches: a frame's CPU cost does not grow with the events outside it, and
// one long event does not widen the range of all the others.
class SpanIndex {
 public:
  static constexpr std::size_t kClasses = 5;
  struct Range {
    std::size_t first = 0, last = 0;  // [first, last) in draw order
  };

  SpanIndex() = default;
  // Orders the events for which `keep(i)` holds (all when empty): `order` receives
  // their indices in draw order, longest-lasting class first (below), then by start
  // day, ties in the given order (so newer events lie on top of older ones).
  SpanIndex(const EventSet& events, const std::function<bool(std::size_t)>& keep, std::vector<std::size_t>& order);

  // Per class, the range of the draw order that holds every event event_visible()
  // accepts under `filter` (and as few others as the start days allow).
  [[nodiscard]] std::array<Range, kClasses> ranges(const TimeFilter& filter) const;
  [[nodiscard]] std::size_t size() const { return starts_.size(); }

 private:
  std::vector<float> starts_;                    // start day per position in draw order
  std::array<std::size_t, kClasses + 1> bounds_{};  // class c is [bounds_[c], bounds_[c + 1])
  std::array<double, kClasses> longest_{};       // the longest span (end - start) in each class
};

enum class LinkState { hidden, active, ended };
inline LinkState link_state(const TimeFilter& f, float start, float end) {
  if (start > f.cursor) return LinkState::hidden;
  if (end >= f.cursor) return LinkState::active;
  return end >= f.window_start ? LinkState::ended : LinkState::hidden;
}

}  // namespace chronomap::render

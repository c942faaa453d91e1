// Category and link-kind palettes, event columns, and the time filter's uniforms.
#include "render/time_data.hpp"

#include <algorithm>
#include <array>

namespace chronomap::render {
namespace {

constexpr std::array<std::string_view, 11> kCategories = {"coup",      "attack", "arrest",  "protest",
                                                          "withdrawal", "deployment", "agreement", "summit",
                                                          "meeting",   "diplomacy", "other"};
// Violence in warm tones, politics in cool ones; withdrawal and other neutral. Chosen
// by a search for the largest smallest CIE L*a*b* distance between any two, with
// normal vision, simulated protanopia and deuteranopia, and in greyscale, each colour
// held near its hue (tests/unit/render/palette_test.cpp gives the thresholds; with
// these: 24.7, 13.8, 13.2 and 5.9). Each category has a shape too (symbols.hpp).
constexpr std::array<unsigned, 11> kCategoryColors = {0x79001c, 0xd95720, 0x7e2c00, 0xf9abdb, 0x6b605f, 0x524e85,
                                                      0x5169d5, 0x5dc494, 0x45e8f5, 0xaa7cd3, 0x96a0ad};

constexpr std::array<std::string_view, 7> kLinkKinds = {"aes_defence", "confederation", "military_cooperation",
                                                        "memorandum", "french_presence", "ecowas_membership", "other"};
constexpr std::array<std::string_view, 7> kLinkLabels = {
    "AES mutual defence", "Confederation of Sahel States", "Military cooperation with Russia",
    "Memoranda signed in Moscow", "French military presence", "ECOWAS membership", "Other link"};
// The AES's links green, Russia's rose and red, France blue, ECOWAS violet; found
// like the categories' (smallest distances 30.7, 16.2, 15.4 and 7.8), with a dash
// pattern each besides (symbols.hpp).
constexpr std::array<unsigned, 7> kLinkColors = {0x41b97d, 0x124511, 0xca4172, 0xa00024, 0x0060bb, 0xa5b8ff, 0x768d97};

}  // namespace

std::span<const std::string_view> event_categories() { return kCategories; }

std::uint8_t category_index(std::string_view category) {
  for (std::size_t i = 0; i + 1 < kCategories.size(); ++i)
    if (kCategories[i] == category) return static_cast<std::uint8_t>(i);
  return static_cast<std::uint8_t>(kCategories.size() - 1);
}

Color category_color(std::uint8_t index) { return rgb(kCategoryColors[std::min<std::size_t>(index, kCategoryColors.size() - 1)]); }

std::span<const std::string_view> link_kinds() { return kLinkKinds; }

std::uint8_t link_kind_index(std::string_view kind) {
  for (std::size_t i = 0; i + 1 < kLinkKinds.size(); ++i)
    if (kLinkKinds[i] == kind) return static_cast<std::uint8_t>(i);
  return static_cast<std::uint8_t>(kLinkKinds.size() - 1);
}

Color link_kind_color(std::uint8_t index) { return rgb(kLinkColors[std::min<std::size_t>(index, kLinkColors.size() - 1)]); }
std::string_view link_kind_label(std::uint8_t index) { return kLinkLabels[std::min<std::size_t>(index, kLinkLabels.size() - 1)]; }

void EventSet::reserve(std::size_t n) {
  positions.reserve(n);
  start_days.reserve(n);
  end_days.reserve(n);
  categories.reserve(n);
  fatalities.reserve(n);
  precision.reserve(n);
}

void EventSet::add(geo::LonLat position, DayNumber start, DayNumber end, std::uint8_t category, float deaths,
                   std::uint8_t flags) {
  positions.push_back(position);
  start_days.push_back(start);
  end_days.push_back(std::max(start, end));
  categories.push_back(category);
  fatalities.push_back(deaths);
  precision.push_back(flags);
}

std::pair<DayNumber, DayNumber> EventSet::day_range() const {
  if (start_days.empty()) return {0, 0};
  return {*std::min_element(start_days.begin(), start_days.end()), *std::max_element(end_days.begin(), end_days.end())};
}

TimeFilter::TimeFilter(const TimeState& state, DayNumber data_start) {
  switch (state.mode) {
    case TimeMode::window: {
      const int days = std::max(state.window_days, 1);
      cursor = static_cast<float>(state.cursor);
      window_start = static_cast<float>(state.cursor - days + 1);
      fade_span = static_cast<float>(days);
      break;
    }
    case TimeMode::cumulative:
      cursor = static_cast<float>(state.cursor);
      window_start = static_cast<float>(std::min(data_start, state.cursor));
      fade_span = 0;
      break;
    case TimeMode::everything:
      cursor = static_cast<float>(kOpenEnd - 1);
      window_start = static_cast<float>(kOpenStart);
      fade_span = 0;
      break;
  }
}

namespace {

// The longest span (end - start, days) of each class but the last: one day, a week,
// a month, a year.
constexpr std::array<DayNumber, SpanIndex::kClasses - 1> kClassSpans = {0, 6, 30, 365};

std::size_t span_class(DayNumber start, DayNumber end) {
  const auto span = static_cast<std::int64_t>(end) - start;
  std::size_t c = 0;
  while (c < kClassSpans.size() && span > kClassSpans[c]) ++c;
  return c;
}

}  // namespace

SpanIndex::SpanIndex(const EventSet& events, const std::function<bool(std::size_t)>& keep,
                     std::vector<std::size_t>& order) {
  // Counting by class, then a stable sort by start day within each class.
  std::array<std::size_t, kClasses> counts{};
  for (std::size_t i = 0; i < events.size(); ++i)
    if (!keep || keep(i)) ++counts[span_class(events.start_days[i], events.end_days[i])];
  // Draw order: longest class first, so the many short events lie on top.
  std::array<std::size_t, kClasses> next{};
  std::size_t at = 0;
  for (std::size_t k = 0; k < kClasses; ++k) {
    const std::size_t c = kClasses - 1 - k;
    next[c] = at;
    bounds_[k] = at;
    at += counts[c];
  }
  bounds_[kClasses] = at;
  order.assign(at, 0);
  for (std::size_t i = 0; i < events.size(); ++i)
    if (!keep || keep(i)) order[next[span_class(events.start_days[i], events.end_days[i])]++] = i;
  starts_.resize(at);
  for (std::size_t k = 0; k < kClasses; ++k) {
    const auto begin = order.begin() + static_cast<std::ptrdiff_t>(bounds_[k]);
    const auto end = order.begin() + static_cast<std::ptrdiff_t>(bounds_[k + 1]);
    std::stable_sort(begin, end,
                     [&](std::size_t a, std::size_t b) { return events.start_days[a] < events.start_days[b]; });
    double longest = 0;
    for (auto it = begin; it != end; ++it) {
      starts_[static_cast<std::size_t>(it - order.begin())] = static_cast<float>(events.start_days[*it]);
      longest = std::max(longest, static_cast<double>(events.end_days[*it]) - events.start_days[*it]);
    }
    longest_[k] = longest;
  }
}

std::array<SpanIndex::Range, SpanIndex::kClasses> SpanIndex::ranges(const TimeFilter& filter) const {
  std::array<Range, kClasses> out;
  for (std::size_t k = 0; k < kClasses; ++k) {
    const auto begin = starts_.begin() + static_cast<std::ptrdiff_t>(bounds_[k]);
    const auto end = starts_.begin() + static_cast<std::ptrdiff_t>(bounds_[k + 1]);
    // Shown: start <= cursor and start + span >= window_start, with span <= longest.
    // The comparison is made in double so that no float rounding narrows the range.
    const double earliest = static_cast<double>(filter.window_start) - longest_[k];
    const auto first = std::lower_bound(begin, end, earliest,
                                        [](float start, double bound) { return static_cast<double>(start) < bound; });
    const auto last = std::upper_bound(first, end, static_cast<double>(filter.cursor),
                                       [](double bound, float start) { return bound < static_cast<double>(start); });
    out[k] = {static_cast<std::size_t>(first - starts_.begin()), static_cast<std::size_t>(last - starts_.begin())};
  }
  return out;
}

}  // namespace chronomap::render

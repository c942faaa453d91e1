// The timeline at the bottom of the window. The cursor lives in View::time; moving
// it only changes uniforms (the GPU filters), so scrubbing stays smooth at any size.
// The histogram has a date axis and can be zoomed (wheel) and panned (right-drag) in
// time; under it each link is a bar from its start to its end; a click anywhere on
// them puts the cursor on that day.
#include <imgui.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <tuple>

#include "core/date.hpp"
#include "ui/panels.hpp"

namespace chronomap::ui {
namespace {

struct Speed {
  const char* label;
  double days_per_second;
};
constexpr std::array<Speed, 4> kSpeeds = {{{"a day / s", 1}, {"a week / s", 7}, {"a month / s", 30.44}, {"a year / s", 365.25}}};

struct WindowChoice {
  const char* label;
  int days;  // 0: everything
};
constexpr std::array<WindowChoice, 5> kWindows = {
    {{"a day", 1}, {"a week", 7}, {"a month", 30}, {"a year", 365}, {"everything", 0}}};

constexpr float kHistogramHeight = 40.0f;
constexpr float kAxisHeight = 14.0f;
constexpr float kLaneHeight = 4.0f, kLaneGap = 2.0f;
constexpr int kMinViewDays = 14;

constexpr std::array<const char*, 12> kMonthAbbreviations = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

ImU32 to_imgui(const render::Color& c, float alpha = 1.0f) {
  return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, c.a * alpha));
}

DayNumber today() {
  const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return static_cast<DayNumber>(now.time_since_epoch().count());
}

// Year, month or day ticks, whichever leaves room for their labels.
void draw_axis(ImDrawList* draw, ImVec2 origin, float width, DayNumber first, DayNumber last) {
  const double days = std::max(1, last - first);
  const double px_per_day = static_cast<double>(width) / days;
  const auto x_of = [&](DayNumber d) { return origin.x + static_cast<float>((d - first) * px_per_day); };
  const ImU32 tick = IM_COL32(200, 200, 200, 160), text = IM_COL32(210, 210, 210, 255);
  const float y = origin.y;
  const auto label = [&](DayNumber d, const std::string& s) {
    draw->AddLine(ImVec2(x_of(d), y - 5), ImVec2(x_of(d), y), tick);
    draw->AddText(ImVec2(x_of(d) + 3, y), text, s.c_str());
  };
  const CivilDate a = from_day_number(first), b = from_day_number(last);
  if (px_per_day * 30.44 < 36) {
    // Years; every 2nd, 5th or 10th when they are narrow.
    const double year_px = px_per_day * 365.25;
    const int every = year_px >= 36 ? 1 : year_px >= 18 ? 2 : year_px >= 8 ? 5 : 10;
    for (int year = a.year + 1; year <= b.year; ++year) {
      const DayNumber d = to_day_number({year, 1, 1});
      if (year % every == 0) label(d, std::to_string(year));
      else draw->AddLine(ImVec2(x_of(d), y - 3), ImVec2(x_of(d), y), tick);
    }
    return;
  }
  if (px_per_day < 18) {
    for (int index = a.year * 12 + a.month; index <= b.year * 12 + b.month - 1; ++index) {
      const int year = index / 12, month = index % 12 + 1;
      const DayNumber d = to_day_number({year, month, 1});
      if (d < first) continue;
      label(d, month == 1 ? std::to_string(year) : kMonthAbbreviations[static_cast<std::size_t>(month - 1)]);
    }
    return;
  }
  for (DayNumber d = first; d <= last; ++d) {
    const CivilDate c = from_day_number(d);
    if (c.day == 1) label(d, std::string(kMonthAbbreviations[static_cast<std::size_t>(c.month - 1)]) + " " +
                                 std::to_string(c.year));
    else if (px_per_day >= 24 || c.day % 5 == 0) label(d, std::to_string(c.day));
  }
}

}  // namespace

void TimelinePanel::rebuild(const render::EventSet& events, const std::vector<render::Link>& links) {
  event_days_.assign(events.start_days.begin(), events.start_days.end());
  for (const auto& link : links) {
    if (link.start != render::kOpenStart) event_days_.push_back(link.start);
    if (link.end != render::kOpenEnd) event_days_.push_back(link.end);
  }
  std::sort(event_days_.begin(), event_days_.end());
  event_days_.erase(std::unique(event_days_.begin(), event_days_.end()), event_days_.end());
  // The range is the events'; a link that began long before them (ECOWAS membership
  // since 1975) would squeeze the histogram into a sliver.
  if (events.size() > 0) {
    std::tie(first_, last_) = events.day_range();
    for (const DayNumber d : event_days_) last_ = std::max(last_, d);
  } else if (!event_days_.empty()) {
    first_ = event_days_.front();
    last_ = event_days_.back();
  } else {
    first_ = last_ = to_day_number({2025, 1, 1});
  }
  first_ -= 30;  // a little lead-in before the first event
  // And on to today, so "now" can be looked at; the window opens on the data's end.
  data_last_ = last_;
  last_ = std::max(last_, today());
  std::erase_if(event_days_, [&](DayNumber d) { return d < first_; });
  // The events by start day, once: the histogram's days are those of the events that
  // pass the filters, taken in this order whenever the filters change.
  by_start_.resize(events.size());
  for (std::size_t i = 0; i < by_start_.size(); ++i) by_start_[i] = i;
  std::stable_sort(by_start_.begin(), by_start_.end(),
                   [&](std::size_t a, std::size_t b) { return events.start_days[a] < events.start_days[b]; });
  filters_built_for_ = static_cast<std::uint64_t>(-1);
  // One lane per link kind present, in the legend's order.
  link_bars_.clear();
  lanes_ = 0;
  for (std::size_t kind = 0; kind < render::link_kinds().size(); ++kind) {
    bool any = false;
    for (std::size_t i = 0; i < links.size(); ++i) {
      if (links[i].kind != kind) continue;
      link_bars_.push_back({i, lanes_});
      any = true;
    }
    lanes_ += any ? 1 : 0;
  }
  view_first_ = first_;
  view_last_ = last_;
  built_for_ = events.size() + links.size();
}

void TimelinePanel::move_cursor(AppState& state, DayNumber day) {
  state.map.view().time.cursor = std::clamp(day, first_, last_);
}

void TimelinePanel::go_to_typed_date(AppState& state) {
  const std::string typed = date_text_;
  const auto date = parse_date(typed);
  if (!date) {
    state.report("'" + typed + "' is not a date: type 2024-07-06 or 6 July 2024", true);
    return;
  }
  const DayNumber day = to_day_number(*date);
  move_cursor(state, day);
  if (day < first_ || day > last_) {
    state.report(format_long(day) + " is outside the timeline (" + format_long(first_) + " to " + format_long(last_) +
                     "): moved to " + format_long(state.map.view().time.cursor),
                 true);
  } else {
    state.report("Moved to " + format_long(day), false);
  }
  date_text_[0] = '\0';  // ready for the next date; a refused one stays to be corrected
  // Keep the moved-to date in view.
  const DayNumber cursor = state.map.view().time.cursor;
  if (cursor < view_first_ || cursor > view_last_) {
    const DayNumber half = (view_last_ - view_first_) / 2;
    view_first_ = std::max(first_, cursor - half);
    view_last_ = std::min(last_, view_first_ + 2 * half);
  }
}

void TimelinePanel::draw(AppState& state, double dt) {
  auto& time = state.map.view().time;
  if (built_for_ != state.map.events().size() + state.map.links().size()) {
    rebuild(state.map.events(), state.map.links());
    if (time.cursor < first_ || time.cursor > last_) time.cursor = data_last_;
  }
  if (filters_built_for_ != state.map.filter_generation()) {
    // Sorted start days of what passes: a histogram bin of any zoom is two binary searches.
    start_days_.clear();
    for (const std::size_t i : by_start_)
      if (state.map.passes(i)) start_days_.push_back(state.map.events().start_days[i]);
    filters_built_for_ = state.map.filter_generation();
  }
  const int window = time.mode == render::TimeMode::window ? std::max(time.window_days, 1) : 30;

  if (std::exchange(state.toggle_play, false)) playing_ = !playing_;
  if (state.step != 0) move_cursor(state, step_by_window(time.cursor, window, std::exchange(state.step, 0)));
  if (playing_) {
    carry_ += dt * kSpeeds[static_cast<std::size_t>(speed_)].days_per_second;
    const auto whole = static_cast<DayNumber>(std::floor(carry_));
    carry_ -= whole;
    move_cursor(state, time.cursor + whole);
    if (time.cursor >= last_) playing_ = false;
  }

  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float status = ImGui::GetFrameHeight();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x, viewport->WorkPos.y + viewport->WorkSize.y - status - kHeight));
  ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x, kHeight));
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (!ImGui::Begin("Timeline", nullptr, flags)) {
    ImGui::End();
    return;
  }
  // Controls.
  if (ImGui::Button("|<")) {
    auto it = std::lower_bound(event_days_.begin(), event_days_.end(), time.cursor);
    if (it != event_days_.begin()) move_cursor(state, *std::prev(it));
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous event");
  ImGui::SameLine();
  if (ImGui::Button("<")) move_cursor(state, step_by_window(time.cursor, window, -1));
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Back one window (←): a month window steps by calendar months");
  ImGui::SameLine();
  if (ImGui::Button(playing_ ? "Pause" : "Play", ImVec2(56, 0))) playing_ = !playing_;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Play or pause (Space)");
  ImGui::SameLine();
  if (ImGui::Button(">")) move_cursor(state, step_by_window(time.cursor, window, 1));
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Forward one window (→): a month window steps by calendar months");
  ImGui::SameLine();
  if (ImGui::Button(">|")) {
    auto it = std::upper_bound(event_days_.begin(), event_days_.end(), time.cursor);
    if (it != event_days_.end()) move_cursor(state, *it);
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next event");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(110);
  ImGui::Combo("##speed", &speed_, [](void*, int i, const char** out) {
    *out = kSpeeds[static_cast<std::size_t>(i)].label;
    return true;
  }, nullptr, static_cast<int>(kSpeeds.size()));
  ImGui::SameLine();
  int window_choice = 4;
  if (time.mode == render::TimeMode::window) {
    for (std::size_t i = 0; i < kWindows.size(); ++i)
      if (kWindows[i].days == time.window_days) window_choice = static_cast<int>(i);
  }
  ImGui::SetNextItemWidth(110);
  const bool cumulative = time.mode == render::TimeMode::cumulative;
  ImGui::BeginDisabled(cumulative);
  if (ImGui::Combo("window##len", &window_choice, [](void*, int i, const char** out) {
        *out = kWindows[static_cast<std::size_t>(i)].label;
        return true;
      }, nullptr, static_cast<int>(kWindows.size()))) {
    const int days = kWindows[static_cast<std::size_t>(window_choice)].days;
    time.mode = days == 0 ? render::TimeMode::everything : render::TimeMode::window;
    if (days > 0) time.window_days = days;
  }
  ImGui::EndDisabled();
  // The three options inline when the row has room for them, the "go to date" field
  // and the date; in a narrow window, behind an "Options" button.
  const ImGuiStyle& style = ImGui::GetStyle();
  const auto checkbox_width = [&](const char* label) {
    return ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(label).x + style.ItemSpacing.x;
  };
  constexpr float kGoToWidth = 130.0f;
  const float boxes = checkbox_width("cumulative") + checkbox_width("size by fatalities") + checkbox_width("animate links");
  ImGui::SameLine();
  const float row_end = ImGui::GetWindowContentRegionMax().x;
  bool cumulative_box = cumulative;
  const auto options = [&] {
    if (ImGui::Checkbox("cumulative", &cumulative_box))
      time.mode = cumulative_box ? render::TimeMode::cumulative : render::TimeMode::window;
    ImGui::SameLine();
    ImGui::Checkbox("size by fatalities", &time.size_by_fatalities);
    ImGui::SameLine();
    ImGui::Checkbox("animate links", &time.animate_links);
  };
  if (ImGui::GetCursorPosX() + boxes + kGoToWidth <= row_end) {
    options();
  } else {
    if (ImGui::Button("Options")) ImGui::OpenPopup("##timeline_options");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("cumulative, size by fatalities, animate links");
    if (ImGui::BeginPopup("##timeline_options")) {
      options();
      ImGui::EndPopup();
    }
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(kGoToWidth);
  if (ImGui::InputTextWithHint("##go", "go to date", date_text_, sizeof date_text_,
                               ImGuiInputTextFlags_EnterReturnsTrue)) {
    go_to_typed_date(state);
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Type 2024-07-06, 6 July 2024 or 6-Jul-2024, then Enter");

  // The date, right-aligned: large where it fits, else in the normal size, else left
  // out (the slider under the histogram shows it too); ISO form on hover.
  const std::string long_date = format_long(time.cursor);
  ImGui::SameLine();
  const float date_from = ImGui::GetCursorPosX() + 8.0f;
  const bool large = state.large_font != nullptr &&
                     [&] {
                       ImGui::PushFont(state.large_font);
                       const float w = ImGui::CalcTextSize(long_date.c_str()).x;
                       ImGui::PopFont();
                       return date_from + w + 8.0f <= row_end;
                     }();
  if (large) ImGui::PushFont(state.large_font);
  const float text_width = ImGui::CalcTextSize(long_date.c_str()).x;
  if (date_from + text_width + 8.0f <= row_end) {
    ImGui::SameLine(row_end - text_width - 8.0f);
    ImGui::TextUnformatted(long_date.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", format_iso(time.cursor).c_str());
  } else {
    ImGui::NewLine();
  }
  if (large) ImGui::PopFont();

  // The histogram of the days in view, its date axis and the link bars: one
  // interactive area. Wheel: zoom around the mouse; right-drag: pan; double-click:
  // the whole range; click or drag: the cursor to that day.
  const float width = std::max(ImGui::GetContentRegionAvail().x, 1.0f);
  const float lanes_height = static_cast<float>(lanes_) * (kLaneHeight + kLaneGap);
  const float area_height = kHistogramHeight + kAxisHeight + lanes_height;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##time_area", ImVec2(width, area_height),
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  const bool hovered = ImGui::IsItemHovered();
  view_first_ = std::clamp(view_first_, first_, last_);
  view_last_ = std::clamp(view_last_, view_first_ + 1, std::max(last_, view_first_ + 1));
  const double span = std::max(1, view_last_ - view_first_);
  const auto x_of = [&](double day) { return origin.x + static_cast<float>((day - view_first_) / span) * width; };
  const auto day_at = [&](float x) {
    return view_first_ + static_cast<DayNumber>(std::lround(static_cast<double>((x - origin.x) / width) * span));
  };
  const ImGuiIO& io = ImGui::GetIO();
  if (hovered && io.MouseWheel != 0) {
    const DayNumber anchor = day_at(io.MousePos.x);
    const double factor = io.MouseWheel > 0 ? 0.8 : 1.25;
    const double new_span = std::clamp(span * factor, static_cast<double>(kMinViewDays),
                                       static_cast<double>(std::max(last_ - first_, kMinViewDays)));
    const double share = (anchor - view_first_) / span;
    view_first_ = std::max(first_, anchor - static_cast<DayNumber>(std::lround(share * new_span)));
    view_last_ = std::min(last_, view_first_ + static_cast<DayNumber>(std::lround(new_span)));
  }
  if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Right)) {
    const auto shift = static_cast<DayNumber>(std::lround(static_cast<double>(-io.MouseDelta.x / width) * span));
    const DayNumber length = view_last_ - view_first_;
    view_first_ = std::clamp(view_first_ + shift, first_, std::max(first_, last_ - length));
    view_last_ = view_first_ + length;
  }
  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
    view_first_ = first_;
    view_last_ = last_;
  } else if (ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    move_cursor(state, day_at(io.MousePos.x));
  }

  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + kHistogramHeight), IM_COL32(30, 34, 40, 255));
  // Bins of at least 3 px; each a count of start days by two binary searches.
  const int bins = std::max(1, static_cast<int>(width / 3.0f));
  std::vector<float> counts(static_cast<std::size_t>(bins));
  float highest = 0;
  for (int i = 0; i < bins; ++i) {
    const auto from = static_cast<DayNumber>(view_first_ + std::floor(span * i / bins));
    const auto to = static_cast<DayNumber>(view_first_ + std::floor(span * (i + 1) / bins));
    const auto count = std::lower_bound(start_days_.begin(), start_days_.end(), std::max(to, from + 1)) -
                       std::lower_bound(start_days_.begin(), start_days_.end(), from);
    counts[static_cast<std::size_t>(i)] = static_cast<float>(count);
    highest = std::max(highest, counts[static_cast<std::size_t>(i)]);
  }
  const float bin_width = width / static_cast<float>(bins);
  for (int i = 0; i < bins; ++i) {
    const float c = counts[static_cast<std::size_t>(i)];
    if (c <= 0) continue;
    // A square-root scale keeps single events visible beside busy days.
    const float h = std::max(2.0f, (kHistogramHeight - 2) * std::sqrt(c / highest));
    const float x = origin.x + static_cast<float>(i) * bin_width;
    draw->AddRectFilled(ImVec2(x, origin.y + kHistogramHeight - h), ImVec2(x + std::max(bin_width - 1, 1.0f),
                        origin.y + kHistogramHeight), IM_COL32(230, 160, 60, 230));
  }
  if (time.mode == render::TimeMode::window) {
    draw->AddRectFilled(ImVec2(x_of(time.cursor - window + 1), origin.y),
                        ImVec2(x_of(time.cursor) + 1, origin.y + area_height), IM_COL32(255, 220, 120, 50));
  }
  draw_axis(draw, ImVec2(origin.x, origin.y + kHistogramHeight), width, view_first_, view_last_);

  // Link lifespans: a bar per link from its start to its end, a lane per kind.
  const float lanes_top = origin.y + kHistogramHeight + kAxisHeight;
  const auto& links = state.map.links();
  std::string hovered_links;
  for (const auto& bar : link_bars_) {
    if (bar.link >= links.size() || !state.map.link_passes(bar.link)) continue;
    const auto& link = links[bar.link];
    const float y = lanes_top + static_cast<float>(bar.lane) * (kLaneHeight + kLaneGap);
    const float x0 = std::max(origin.x, x_of(std::max(link.start, view_first_ - 1)));
    const float x1 = std::min(origin.x + width, x_of(std::min(link.end, view_last_ + 1)));
    if (x1 < x0) continue;
    const bool ended = link.end < time.cursor;
    draw->AddRectFilled(ImVec2(x0, y), ImVec2(std::max(x1, x0 + 2), y + kLaneHeight),
                        to_imgui(render::link_kind_color(link.kind), ended ? 0.45f : 1.0f));
    if (hovered && io.MousePos.y >= y - 1 && io.MousePos.y <= y + kLaneHeight + 1 && io.MousePos.x >= x0 - 1 &&
        io.MousePos.x <= x1 + 1) {
      if (!hovered_links.empty()) hovered_links += '\n';
      hovered_links += link.label.empty() ? std::string(render::link_kind_label(link.kind)) : link.label;
      hovered_links += "\n  ";
      hovered_links += link.start == render::kOpenStart ? std::string("before the data") : format_iso(link.start);
      hovered_links += " to ";
      hovered_links += link.end == render::kOpenEnd ? std::string("now") : format_iso(link.end);
    }
  }
  draw->AddLine(ImVec2(x_of(time.cursor), origin.y), ImVec2(x_of(time.cursor), origin.y + area_height),
                IM_COL32(255, 90, 60, 255), 2);
  if (!hovered_links.empty()) {
    ImGui::SetTooltip("%s", hovered_links.c_str());
  } else if (hovered) {
    const DayNumber day = day_at(io.MousePos.x);
    ImGui::SetTooltip("%s\nclick: go there; wheel: zoom; right-drag: pan; double-click: whole range",
                      format_long(day).c_str());
  }

  // The slider scrubs the cursor over the days in view by dragging. No typing here:
  // the "go to date" field takes dates.
  ImGui::SetNextItemWidth(width);
  int cursor = std::clamp(time.cursor, view_first_, view_last_);
  const std::string iso = format_iso(time.cursor);
  if (ImGui::SliderInt("##cursor", &cursor, view_first_, view_last_, iso.c_str(), ImGuiSliderFlags_NoInput))
    move_cursor(state, cursor);
  ImGui::End();
}

}  // namespace chronomap::ui

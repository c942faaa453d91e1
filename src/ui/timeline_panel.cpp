// The timeline at the bottom of the window. The cursor lives in View::time; moving
// it only changes uniforms (the GPU filters), so scrubbing stays smooth at any size.
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
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
  std::erase_if(event_days_, [&](DayNumber d) { return d < first_; });
  constexpr int kBins = 240;
  histogram_.assign(kBins, 0.0f);
  const double span = std::max(1, last_ - first_ + 1);
  for (const DayNumber d : events.start_days) {
    const auto bin = static_cast<std::size_t>(std::clamp((d - first_) / span * kBins, 0.0, kBins - 1.0));
    histogram_[bin] += 1.0f;
  }
  built_for_ = events.size() + links.size();
}

void TimelinePanel::move_cursor(AppState& state, DayNumber day) {
  state.map.view().time.cursor = std::clamp(day, first_, last_);
}

void TimelinePanel::draw(AppState& state, double dt) {
  auto& time = state.map.view().time;
  if (built_for_ != state.map.events().size() + state.map.links().size()) {
    rebuild(state.map.events(), state.map.links());
    if (time.cursor < first_ || time.cursor > last_) time.cursor = last_;
  }
  const int window = time.mode == render::TimeMode::window ? std::max(time.window_days, 1) : 30;

  if (std::exchange(state.toggle_play, false)) playing_ = !playing_;
  if (state.step != 0) move_cursor(state, time.cursor + std::exchange(state.step, 0) * window);
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
  if (ImGui::Button("<")) move_cursor(state, time.cursor - window);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Back one window (←)");
  ImGui::SameLine();
  if (ImGui::Button(playing_ ? "Pause" : "Play", ImVec2(56, 0))) playing_ = !playing_;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Play or pause (Space)");
  ImGui::SameLine();
  if (ImGui::Button(">")) move_cursor(state, time.cursor + window);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Forward one window (→)");
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
  ImGui::SameLine();
  bool cumulative_box = cumulative;
  if (ImGui::Checkbox("cumulative", &cumulative_box)) {
    time.mode = cumulative_box ? render::TimeMode::cumulative : render::TimeMode::window;
  }
  ImGui::SameLine();
  ImGui::Checkbox("size by fatalities", &time.size_by_fatalities);
  ImGui::SameLine();
  ImGui::Checkbox("animate links", &time.animate_links);

  // The date, large, right-aligned; ISO form on hover.
  const std::string long_date = format_long(time.cursor);
  if (state.large_font != nullptr) ImGui::PushFont(state.large_font);
  const float text_width = ImGui::CalcTextSize(long_date.c_str()).x;
  ImGui::SameLine(std::max(ImGui::GetWindowWidth() - text_width - 16.0f, ImGui::GetCursorPosX() + 16.0f));
  ImGui::TextUnformatted(long_date.c_str());
  if (state.large_font != nullptr) ImGui::PopFont();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", format_iso(time.cursor).c_str());

  // Histogram of events over the whole range, with the cursor and window marked.
  const float width = ImGui::GetContentRegionAvail().x;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::PlotHistogram("##histogram", histogram_.data(), static_cast<int>(histogram_.size()), 0, nullptr, 0.0f,
                       FLT_MAX, ImVec2(width, 46));
  const double span = std::max(1, last_ - first_);
  auto x_of = [&](double day) { return origin.x + static_cast<float>((day - first_) / span) * width; };
  ImDrawList* draw = ImGui::GetWindowDrawList();
  if (time.mode == render::TimeMode::window) {
    draw->AddRectFilled(ImVec2(x_of(time.cursor - window + 1), origin.y), ImVec2(x_of(time.cursor) + 1, origin.y + 46),
                        IM_COL32(255, 220, 120, 70));
  }
  draw->AddLine(ImVec2(x_of(time.cursor), origin.y), ImVec2(x_of(time.cursor), origin.y + 46), IM_COL32(255, 90, 60, 255), 2);

  // The slider scrubs the cursor by dragging.
  ImGui::SetNextItemWidth(width);
  int cursor = time.cursor;
  const std::string iso = format_iso(time.cursor);
  if (ImGui::SliderInt("##cursor", &cursor, first_, last_, iso.c_str())) move_cursor(state, cursor);
  ImGui::End();
}

}  // namespace chronomap::ui

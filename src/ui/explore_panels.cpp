// The hover card, the inspector and the map overlay of stacks and selection.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/date.hpp"
#include "ui/event_details.hpp"
#include "ui/explore.hpp"
#include "ui/panels.hpp"

namespace chronomap::ui {
namespace {

constexpr std::size_t kMostPinned = 5000;  // a click on a dense cluster keeps this many
constexpr std::size_t kCardList = 6;       // other events of a stack named in the card
constexpr std::size_t kCardLinks = 4;      // links in the card; the rest counted

std::string link_dates(const render::Link& link) {
  std::string out = link.start <= render::kOpenStart ? std::string("always") : format_iso(link.start);
  out += " to ";
  out += link.end >= render::kOpenEnd ? std::string("ongoing") : format_iso(link.end);
  return out;
}

std::string endpoint(const std::string& name, const std::string& country) {
  if (name.empty()) return country.empty() ? std::string("a point") : country;
  if (country.empty() || country == name) return name;
  std::string out = name;
  out += " (";
  out += country;
  out += ')';
  return out;
}

void draw_link(const AppState& state, std::size_t i) {
  const auto& link = state.map.links()[i];
  const render::Color c = render::link_kind_color(link.kind);
  ImGui::TextColored({c.r, c.g, c.b, 1.0f}, "%s", std::string(render::link_kind_label(link.kind)).c_str());
  if (!link.label.empty()) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 460);
    ImGui::TextUnformatted(link.label.c_str());
    ImGui::PopTextWrapPos();
  }
  if (i < state.map.link_records().size()) {
    const auto& r = state.map.link_records()[i];
    ImGui::Text("%s → %s", endpoint(r.from, r.from_country).c_str(), endpoint(r.to, r.to_country).c_str());
  }
  ImGui::TextDisabled("%s", link_dates(link).c_str());
}

const store::EventRecord* record_of(AppState& state, std::uint32_t event) {
  const auto& ids = state.map.event_ids();
  if (state.details == nullptr || event >= ids.size()) return nullptr;
  return state.details->get(ids[event]);
}

// "date  title" on one line, for lists of a stack's events.
std::string one_line(const store::EventRecord& e) {
  std::string out = event_date_text(e);
  out += "  ";
  out += e.title.empty() ? e.category : e.title;
  return out;
}

// CHRONOMAP_LOG_PICK=1: a line on stderr when the card shows another event or a click
// pins events, for tests that drive the window ("card: N event(s): DATE TITLE",
// "pinned: N event(s): DATE TITLE | DATE TITLE ...").
bool log_picks() {
  static const bool on = std::getenv("CHRONOMAP_LOG_PICK") != nullptr;
  return on;
}

}  // namespace

void pin_events_at(AppState& state, double px, double py) {
  const auto hits = state.map.events_at(px, py);
  state.pinned.clear();
  for (std::size_t k = 0; k < hits.size() && k < kMostPinned; ++k) state.pinned.push_back(hits[k].event);
  if (state.pinned.empty()) {
    state.selected.reset();
    return;
  }
  state.selected = state.pinned.front();
  state.selection_moved = true;
  if (log_picks()) {
    std::string line = "pinned: ";
    line += std::to_string(state.pinned.size());
    line += " event(s):";
    for (const auto event : state.pinned) {
      line += line.back() == ':' ? " " : " | ";
      if (const auto* e = record_of(state, event)) line += one_line(*e);
    }
    std::fprintf(stderr, "%s\n", line.c_str());
  }
}

void EventCard::draw(AppState& state) {
  const auto& hover = state.map.hover();
  if (!hover || (hover->events.empty() && hover->links.empty()) || ImGui::IsMouseDragging(ImGuiMouseButton_Left))
    return;
  ImGui::BeginTooltip();
  if (!hover->events.empty()) {
    const std::size_t n = hover->events.size();
    if (n > 1) {
      ImGui::TextColored({1.0f, 0.85f, 0.4f, 1.0f}, "%zu events here: click to list them", n);
      ImGui::Separator();
    }
    // The stack's first few, fetched together.
    std::vector<std::int64_t> ids;
    for (std::size_t k = 0; k < n && k <= kCardList; ++k)
      if (hover->events[k].event < state.map.event_ids().size())
        ids.push_back(state.map.event_ids()[hover->events[k].event]);
    if (state.details != nullptr) state.details->fetch(ids);
    if (const auto* e = record_of(state, hover->events.front().event)) {
      if (log_picks() && (e->id != logged_ || n != logged_count_)) {
        logged_ = e->id;
        logged_count_ = n;
        std::fprintf(stderr, "card: %zu event(s): %s\n", n, one_line(*e).c_str());
      }
      draw_event_card(*e);
    } else {
      ImGui::TextDisabled("(no details: %s)",
                          state.details != nullptr ? state.details->problem().c_str() : "no event store");
    }
    if (n > 1) {
      ImGui::Separator();
      for (std::size_t k = 1; k < n && k <= kCardList; ++k)
        if (const auto* e = record_of(state, hover->events[k].event)) ImGui::BulletText("%s", one_line(*e).c_str());
      if (n > kCardList + 1) ImGui::TextDisabled("… and %zu more", n - kCardList - 1);
    }
  }
  for (std::size_t k = 0; k < hover->links.size() && k < kCardLinks; ++k) {
    if (!hover->events.empty() || k > 0) ImGui::Separator();
    draw_link(state, hover->links[k]);
  }
  if (hover->links.size() > kCardLinks) ImGui::TextDisabled("… and %zu more links", hover->links.size() - kCardLinks);
  ImGui::EndTooltip();
}

void InspectorPanel::draw(AppState& state) {
  if (state.pinned.empty()) return;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + 10, viewport->WorkPos.y + 30), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(440, std::min(420.0f, viewport->WorkSize.y * 0.5f - 40.0f)), ImGuiCond_FirstUseEver);
  bool open = true;
  const bool shown = ImGui::Begin("Inspector", &open);
  keep_inside(TimelinePanel::bottom_panels(), true);
  if (shown) {
    if (state.pinned.size() > 1) {
      ImGui::Text("%zu events here", state.pinned.size());
      const float list_height = std::min(8.0f, static_cast<float>(state.pinned.size())) * ImGui::GetTextLineHeightWithSpacing() + 8.0f;
      if (ImGui::BeginChild("##stack", ImVec2(0, list_height), true)) {
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(state.pinned.size()));
        while (clipper.Step()) {
          std::vector<std::int64_t> ids;
          for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row)
            if (state.pinned[static_cast<std::size_t>(row)] < state.map.event_ids().size())
              ids.push_back(state.map.event_ids()[state.pinned[static_cast<std::size_t>(row)]]);
          if (state.details != nullptr) state.details->fetch(ids);
          for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const std::uint32_t event = state.pinned[static_cast<std::size_t>(row)];
            const auto* e = record_of(state, event);
            ImGui::PushID(row);
            if (ImGui::Selectable(e != nullptr ? one_line(*e).c_str() : "(no details)", state.selected == event)) {
              state.selected = event;
              state.selection_moved = true;
            }
            ImGui::PopID();
          }
        }
      }
      ImGui::EndChild();
    }
    if (state.selected) {
      if (const auto* e = record_of(state, *state.selected)) draw_event_fields(*e);
    }
  }
  ImGui::End();
  if (!open) {
    state.pinned.clear();
    state.selected.reset();
  }
}

void MapOverlay::draw(AppState& state, float framebuffer_scale) {
  auto& map = state.map;
  ImDrawList* list = ImGui::GetBackgroundDrawList();
  const float to_window = framebuffer_scale > 0 ? 1.0f / framebuffer_scale : 1.0f;
  auto at = [&](geo::XY map_xy) {
    const geo::XY px = map.to_pixels(map_xy);
    return ImVec2(static_cast<float>(px.x) * to_window, static_cast<float>(px.y) * to_window);
  };
  if (map.view().layers.events) {
    const auto filter = map.time_filter();
    const auto& camera = map.view().camera;
    const std::vector<double> key = {camera.center.x,         camera.center.y, camera.units_per_pixel_x,
                                     filter.cursor,           filter.window_start,
                                     static_cast<double>(state.framebuffer_width),
                                     static_cast<double>(state.framebuffer_height),
                                     static_cast<double>(map.pick_index().size()),
                                     static_cast<double>(map.filter_generation())};
    if (key != key_) {
      key_ = key;
      counts_ = map.pick_index().stack_counts(map.visible_extent(), map.events(), filter, 400, map.passes());
    }
    for (const auto& stack : counts_) {
      const ImVec2 p = at(stack.at);
      const std::string text = std::to_string(stack.visible);
      const ImVec2 size = ImGui::CalcTextSize(text.c_str());
      const ImVec2 corner(p.x + 5.0f, p.y - 5.0f - size.y);
      list->AddRectFilled(ImVec2(corner.x - 2, corner.y), ImVec2(corner.x + size.x + 2, corner.y + size.y),
                          IM_COL32(20, 20, 20, 200), 3.0f);
      list->AddText(corner, IM_COL32(255, 255, 255, 255), text.c_str());
    }
  }
  if (state.selected && *state.selected < map.pick_index().size()) {
    const geo::XY xy = map.pick_index().position(*state.selected);
    if (std::isfinite(xy.x) && std::isfinite(xy.y)) {
      const ImVec2 p = at(xy);
      list->AddCircle(p, 9.0f, IM_COL32(255, 255, 255, 255), 24, 3.0f);
      list->AddCircle(p, 9.0f, IM_COL32(255, 200, 0, 255), 24, 1.5f);
    }
  }
}

}  // namespace chronomap::ui

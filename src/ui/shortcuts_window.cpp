// Help > Keyboard shortcuts (F1): the keys of gui.cpp's on_key and the mouse gestures
// of the map and the timeline, in one table. Keep it in step with on_key.
#include <imgui.h>

#include <algorithm>

#include "ui/panels.hpp"

namespace chronomap::ui {
namespace {

struct Shortcut {
  const char* keys;
  const char* does;
};

struct Section {
  const char* title;
  const Shortcut* first;
  std::size_t count;
};

constexpr Shortcut kKeys[] = {
    {"F1", "Show or hide this list"},
    {"Ctrl+S", "Save a snapshot of the map"},
    {"Ctrl+T", "Show or hide the event table"},
    {"Ctrl+F", "Show or hide the filters"},
    {"Ctrl+Q", "Quit"},
    {"Home", "Reset the view to the focus countries and Moscow"},
    {"Space", "Play or pause the timeline"},
    {"← / →", "Step the date back or forward by one window (a month window by calendar months)"},
    {"Enter", "In \"go to date\": move to the typed date"},
    {"Tab", "In the actor filter: take the first completion"},
};

constexpr Shortcut kMap[] = {
    {"Drag", "Pan the map"},
    {"Wheel", "Zoom about the cursor"},
    {"Hover", "A card for the events and links under the cursor"},
    {"Click", "Pin the events there in the inspector"},
};

constexpr Shortcut kTimeline[] = {
    {"Click or drag", "Move the date there"},
    {"Wheel", "Zoom the timeline in time"},
    {"Right-drag", "Pan the timeline"},
    {"Double-click", "Show the whole time range"},
    {"Legend entry click", "Hide or show that category"},
};

constexpr Section kSections[] = {{"Keys", kKeys, std::size(kKeys)},
                                 {"Map", kMap, std::size(kMap)},
                                 {"Timeline and legend", kTimeline, std::size(kTimeline)}};

}  // namespace

void ShortcutsWindow::draw(AppState& state) {
  if (!state.show_shortcuts) return;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + viewport->WorkSize.y * 0.4f),
                          ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(200, 100), ImVec2(viewport->WorkSize.x, viewport->WorkSize.y));
  const bool shown = ImGui::Begin("Keyboard shortcuts", &state.show_shortcuts,
                                  ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
  keep_inside(0.0f, false);
  if (!shown) {
    ImGui::End();
    return;
  }
  for (const auto& section : kSections) {
    ImGui::TextDisabled("%s", section.title);
    if (ImGui::BeginTable(section.title, 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
      for (std::size_t i = 0; i < section.count; ++i) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextColored(ImVec4(1.0f, 0.85f, 0.5f, 1.0f), "%s", section.first[i].keys);
        ImGui::TableSetColumnIndex(1);
        ImGui::TextUnformatted(section.first[i].does);
      }
      ImGui::EndTable();
    }
    ImGui::Spacing();
  }
  if (ImGui::Button("Close", ImVec2(120, 0))) state.show_shortcuts = false;
  ImGui::End();
}

}  // namespace chronomap::ui

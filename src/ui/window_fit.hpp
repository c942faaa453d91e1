// Keeps a floating panel inside the part of the window above the timeline, whatever
// size the window has now (positions are remembered from earlier, larger windows).
#pragma once

#include <imgui.h>

#include <algorithm>

namespace chronomap::ui {

// The area floating panels may use: below the menu bar, above the timeline and
// status bar (`bottom_reserved` pixels).
inline ImVec4 panel_area(float bottom_reserved) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float x0 = viewport->WorkPos.x, y0 = viewport->WorkPos.y;
  const float x1 = x0 + viewport->WorkSize.x;
  const float y1 = std::max(y0 + 80.0f, y0 + viewport->WorkSize.y - bottom_reserved);
  return {x0, y0, x1, y1};
}

// Call between Begin and End: moves the current window back inside panel_area() and,
// unless it sizes itself, shrinks it to fit.
inline void keep_inside(float bottom_reserved, bool resizable) {
  const ImVec4 area = panel_area(bottom_reserved);
  ImVec2 size = ImGui::GetWindowSize();
  if (resizable && (size.x > area.z - area.x || size.y > area.w - area.y)) {
    size = ImVec2(std::min(size.x, area.z - area.x), std::min(size.y, area.w - area.y));
    ImGui::SetWindowSize(size);
  }
  const ImVec2 pos = ImGui::GetWindowPos();
  const ImVec2 inside(std::clamp(pos.x, area.x, std::max(area.x, area.z - size.x)),
                      std::clamp(pos.y, area.y, std::max(area.y, area.w - size.y)));
  if (inside.x != pos.x || inside.y != pos.y) ImGui::SetWindowPos(inside);
}

// Before Begin of a self-sizing panel: no taller or wider than panel_area() (it
// scrolls instead).
inline void limit_next_size(float bottom_reserved) {
  const ImVec4 area = panel_area(bottom_reserved);
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(area.z - area.x, area.w - area.y));
}

}  // namespace chronomap::ui

// The bottom line: where the cursor is, over which country, and the last message.
#include <imgui.h>

#include "ui/panels.hpp"

namespace chronomap::ui {

void StatusBar::draw(AppState& state) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float height = ImGui::GetFrameHeight();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x, viewport->WorkPos.y + viewport->WorkSize.y - height));
  ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x, height));
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                     ImGuiWindowFlags_NoNav;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 2));
  if (ImGui::Begin("##status", nullptr, flags)) {
    if (const auto& hover = state.map.hover()) {
      ImGui::Text("%.4f° %s  %.4f° %s", std::abs(hover->position.lat), hover->position.lat >= 0 ? "N" : "S",
                  std::abs(hover->position.lon), hover->position.lon >= 0 ? "E" : "W");
      if (!hover->link.empty()) {
        ImGui::SameLine();
        ImGui::TextUnformatted(("  " + hover->link).c_str());  // the card lists them in full
      } else if (!hover->country.empty()) {
        ImGui::SameLine();
        ImGui::TextUnformatted(("  " + hover->country).c_str());
      }
    } else {
      ImGui::TextUnformatted(state.map.projection().label().c_str());
    }
    if (!state.message.empty()) {
      ImGui::SameLine(ImGui::GetWindowWidth() * 0.5f);
      const ImVec4 color = state.message_is_error ? ImVec4(0.9f, 0.3f, 0.2f, 1.0f) : ImVec4(0.6f, 0.8f, 0.6f, 1.0f);
      ImGui::TextColored(color, "%s", state.message.c_str());
    }
  }
  ImGui::End();
  ImGui::PopStyleVar();
}

}  // namespace chronomap::ui

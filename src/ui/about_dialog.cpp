// Help > About: version, renderer, and the data's sources and licenses.
#include <imgui.h>

#include "ui/panels.hpp"

namespace chronomap::ui {

void AboutDialog::draw(AppState& state) {
  if (state.open_about) {
    ImGui::OpenPopup("About chronomap");
    state.open_about = false;
  }
  ImGui::SetNextWindowSize(ImVec2(640, 420), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal("About chronomap")) return;
  ImGui::Text("chronomap %s: a map of dated, geocoded regional events", CHRONOMAP_VERSION);
  ImGui::Text("Renderer: %s", state.map.renderer_name().c_str());
  ImGui::Separator();
  ImGui::BeginChild("attribution", ImVec2(0, -ImGui::GetFrameHeightWithSpacing()), false);
  ImGui::TextWrapped("%s", state.attribution.c_str());
  ImGui::EndChild();
  if (ImGui::Button("Close", ImVec2(120, 0))) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace chronomap::ui

// "Save snapshot…": the current view as a PNG at any size, through the same
// renderer and export path as `chronomap render`.
#include <imgui.h>

#include <cstring>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/image.hpp"
#include "export/image_format.hpp"
#include "export/snapshot.hpp"
#include "ui/panels.hpp"

namespace chronomap::ui {

void SnapshotDialog::draw(AppState& state) {
  auto& s = state.settings;
  if (state.open_snapshot) {
    ImGui::OpenPopup("Save snapshot");
    state.open_snapshot = false;
    if (!initialised) {
      std::strncpy(path, s.snapshot_path.c_str(), sizeof path - 1);
      initialised = true;
    }
  }
  ImGui::SetNextWindowSize(ImVec2(520, 0), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal("Save snapshot", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::TextUnformatted("The current view, as a PNG, drawn by the export renderer.");
  ImGui::InputText("File", path, sizeof path);
  ImGui::InputInt("Width (px)", &s.snapshot_width, 100, 1000);
  ImGui::InputInt("Height (px)", &s.snapshot_height, 100, 1000);
  ImGui::SliderFloat("Scale", &s.snapshot_scale, 0.5f, 6.0f, "%.1f×");
  if (ImGui::Button("Window size")) {
    s.snapshot_width = state.framebuffer_width;
    s.snapshot_height = state.framebuffer_height;
  }
  ImGui::SameLine();
  if (ImGui::Button("4K")) {
    s.snapshot_width = 3840;
    s.snapshot_height = 2160;
    s.snapshot_scale = 2.0f;
  }
  ImGui::Separator();
  if (ImGui::Button("Save", ImVec2(120, 0))) {
    s.snapshot_path = path;
    try {
      if (s.snapshot_width <= 0 || s.snapshot_height <= 0 || s.snapshot_width > exporting::kMaxImageSide ||
          s.snapshot_height > exporting::kMaxImageSide) {
        throw UsageError("width and height must be between 1 and " + std::to_string(exporting::kMaxImageSide));
      }
      // Refused before drawing what could not be saved: a device, a read-only file, a
      // format not written yet.
      check_output_target(s.snapshot_path);
      (void)exporting::image_format_for(s.snapshot_path, "File");
      const Image image = state.map.snapshot(s.snapshot_width, s.snapshot_height, s.snapshot_scale);
      exporting::write_image(s.snapshot_path, image);
      state.report("Saved " + s.snapshot_path + " (" + std::to_string(image.width()) + "x" +
                       std::to_string(image.height()) + ")",
                   false);
      ImGui::CloseCurrentPopup();
    } catch (const Error& e) {
      state.report(e.what(), true);
    }
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel", ImVec2(120, 0))) ImGui::CloseCurrentPopup();
  if (state.message_is_error && !state.message.empty()) {
    ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.15f, 1.0f), "%s", state.message.c_str());
  }
  ImGui::EndPopup();
}

}  // namespace chronomap::ui

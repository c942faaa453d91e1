// "Save snapshot…": the current view as a PNG, JPEG or GeoTIFF at any size and
// resolution, through the same renderer and export path as `chronomap render`.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <optional>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/image.hpp"
#include "export/composer.hpp"
#include "export/image_format.hpp"
#include "export/print_size.hpp"
#include "export/snapshot.hpp"
#include "export/time_source.hpp"
#include "ui/dialog_parts.hpp"
#include "ui/panels.hpp"

namespace chronomap::ui {
std::vector<std::string> hidden_categories(const AppState& state) {
  std::vector<std::string> hidden;
  for (std::size_t c = 0; c < render::event_categories().size(); ++c) {
    if (!state.map.category_shown(static_cast<std::uint8_t>(c))) hidden.emplace_back(render::event_categories()[c]);
  }
  return hidden;
}

exporting::MapContent snapshot_words(const AppState& state) {
  exporting::MapContent words;
  words.filters = exporting::filter_text(state.applied_filter, hidden_categories(state));
  words.sources = state.map.sources();
  words.attribution = exporting::short_attribution(state.data.empty());
  return words;
}

void SnapshotDialog::draw(AppState& state) {
  auto& s = state.settings;
  if (state.open_snapshot) {
    ImGui::OpenPopup("Save snapshot");
    state.open_snapshot = false;
    if (!initialised) {
      std::strncpy(path, s.snapshot_path.c_str(), sizeof path - 1);
      dpi = static_cast<int>(std::lround(static_cast<double>(s.snapshot_scale) * exporting::kDesignDpi));
      initialised = true;
    }
  }
  ImGui::SetNextWindowSize(ImVec2(520, 0), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal("Save snapshot", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  ImGui::TextUnformatted("The current view, drawn by the export renderer.");
  ImGui::InputText("File", path, sizeof path);
  format_choice(path, sizeof path, false);
  if (format_of(path) == exporting::ImageFormat::jpeg) ImGui::SliderInt("Quality", &quality, 1, 100);
  ImGui::InputInt("Width (px)", &s.snapshot_width, 100, 1000);
  ImGui::InputInt("Height (px)", &s.snapshot_height, 100, 1000);
  // Lines, markers and text are sized in design pixels of 1/96 inch: the resolution
  // sets the scale, which can still be changed by hand.
  if (ImGui::InputInt("Resolution (dpi)", &dpi, 24, 96)) {
    dpi = std::clamp(dpi, 10, 2400);
    s.snapshot_scale = exporting::scale_for_dpi(dpi);
  }
  ImGui::SliderFloat("Scale", &s.snapshot_scale, 0.5f, 25.0f, "%.2f×");
  if (ImGui::Button("Window size")) {
    s.snapshot_width = state.framebuffer_width;
    s.snapshot_height = state.framebuffer_height;
  }
  ImGui::SameLine();
  if (ImGui::Button("4K")) {
    s.snapshot_width = 3840;
    s.snapshot_height = 2160;
    s.snapshot_scale = 2.0f;
    dpi = 192;
  }
  for (const char* paper : {"A4", "A3"}) {
    ImGui::SameLine();
    const std::string label = std::string(paper) + " 300 dpi";
    if (ImGui::Button(label.c_str())) {
      const bool landscape = s.snapshot_width > s.snapshot_height;
      const auto pixels = exporting::paper_pixels(*exporting::find_paper(paper), landscape, 300);
      s.snapshot_width = pixels.width;
      s.snapshot_height = pixels.height;
      dpi = 300;
      s.snapshot_scale = exporting::scale_for_dpi(dpi);
    }
  }
  // The composition: the same furniture as `chronomap render`, each item optional.
  auto& layout = s.snapshot_layout;
  if (ImGui::CollapsingHeader("Title and furniture", ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::InputText("Title", &layout.title);
    ImGui::InputText("Subtitle", &layout.subtitle);
    ImGui::Checkbox("Date", &layout.date_stamp);
    ImGui::SameLine();
    ImGui::Checkbox("Caption", &layout.caption);
    ImGui::SameLine();
    ImGui::Checkbox("Legend", &layout.legend);
    ImGui::SameLine();
    ImGui::Checkbox("Inset", &layout.inset);
    ImGui::Checkbox("Scale bar", &layout.scale_bar);
    ImGui::SameLine();
    ImGui::Checkbox("Miles too", &layout.miles);
    ImGui::SameLine();
    ImGui::Checkbox("North arrow", &layout.north_arrow);
  }
  ImGui::Checkbox("Save the project beside it (.chronomap.json), for `chronomap render --project`",
                  &s.snapshot_project);
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
      exporting::ImageMetadata metadata;
      metadata.format = exporting::image_format_for(s.snapshot_path, "File");
      if (exporting::is_animation(*metadata.format)) {
        throw UsageError(std::string("File: ") + exporting::format_info(*metadata.format).name +
                         " is an animation: File → Export animation… writes one");
      }
      metadata.dpi = dpi;
      metadata.jpeg_quality = quality;
      if (metadata.format == exporting::ImageFormat::geotiff) {
        metadata.georeference = exporting::georeference(
            state.map.snapshot_camera(s.snapshot_width, s.snapshot_height, s.snapshot_scale, layout), s.snapshot_width,
            s.snapshot_height, state.map.projection());
      }
      std::string software = "chronomap ";
      software += CHRONOMAP_VERSION;
      const exporting::MapContent words = snapshot_words(state);
      exporting::MapContent described = words;
      described.events = &state.map.events();
      described.links = &state.map.shown_links();
      described.mask = state.map.passes();
      metadata.text.clear();
      if (!layout.title.empty()) metadata.text.push_back({"Title", layout.title});
      metadata.text.push_back({"Description", exporting::caption_text(state.map.view().time, described)});
      if (!words.sources.empty()) {
        std::string sources;
        for (const auto& name : words.sources) sources += (sources.empty() ? "" : ", ") + name;
        metadata.text.push_back({"Source", sources});
      }
      if (!words.attribution.empty()) metadata.text.push_back({"Copyright", words.attribution});
      metadata.text.push_back({"Software", software});
      metadata.text.push_back({"Creation Time", exporting::creation_time()});
      const Image image = state.map.snapshot(s.snapshot_width, s.snapshot_height, s.snapshot_scale, layout, words);
      exporting::write_image(s.snapshot_path, image, metadata);
      if (s.snapshot_project) {
        // The same view, size and furniture: `chronomap render --project` redraws this image.
        std::filesystem::path beside(s.snapshot_path);
        beside.replace_extension(".chronomap.json");
        exporting::save_project(current_project(state), beside);
      }
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
  error_line(state);
  ImGui::EndPopup();
}

}  // namespace chronomap::ui

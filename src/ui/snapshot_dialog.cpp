// "Save snapshot…": the current view as a PNG, JPEG, GeoTIFF, PDF or SVG at any size
// and resolution, through the same composer and writers as `chronomap render`, with a
// preview of the composed page.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/image.hpp"
#include "export/composer.hpp"
#include "export/image_format.hpp"
#include "export/print_size.hpp"
#include "export/snapshot.hpp"
#include "export/time_source.hpp"
#include "export/vector_writer.hpp"
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

namespace {

// The image's size from the paper, the orientation and the resolution.
void size_from_paper(SnapshotDialog& d, Settings& s) {
  if (d.paper <= 0) return;
  const auto pixels = exporting::paper_pixels(exporting::papers()[static_cast<std::size_t>(d.paper - 1)], d.landscape,
                                              d.dpi);
  s.snapshot_width = pixels.width;
  s.snapshot_height = pixels.height;
}

// Paper (or a size in pixels), orientation, resolution and scale, as the command
// line's --paper, --orientation, --size, --dpi and --scale.
void size_controls(SnapshotDialog& d, AppState& state) {
  auto& s = state.settings;
  const auto papers = exporting::papers();
  const char* shown = d.paper > 0 ? papers[static_cast<std::size_t>(d.paper - 1)].name : "Size in pixels";
  bool changed = false;
  ImGui::SetNextItemWidth(160);
  if (ImGui::BeginCombo("Paper", shown)) {
    if (ImGui::Selectable("Size in pixels", d.paper == 0)) d.paper = 0;
    for (std::size_t i = 0; i < papers.size(); ++i) {
      if (ImGui::Selectable(papers[i].name, d.paper == static_cast<int>(i + 1))) {
        d.paper = static_cast<int>(i + 1);
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  ImGui::BeginDisabled(d.paper == 0);
  ImGui::SameLine();
  if (ImGui::RadioButton("Portrait", !d.landscape)) {
    d.landscape = false;
    changed = true;
  }
  ImGui::SameLine();
  if (ImGui::RadioButton("Landscape", d.landscape)) {
    d.landscape = true;
    changed = true;
  }
  ImGui::EndDisabled();
  ImGui::BeginDisabled(d.paper != 0);
  ImGui::InputInt("Width (px)", &s.snapshot_width, 100, 1000);
  ImGui::InputInt("Height (px)", &s.snapshot_height, 100, 1000);
  ImGui::EndDisabled();
  // Lines, markers and text are sized in design pixels of 1/96 inch: the resolution
  // sets the scale, which can still be changed by hand.
  if (ImGui::InputInt("Resolution (dpi)", &d.dpi, 24, 96)) {
    d.dpi = std::clamp(d.dpi, 10, 2400);
    s.snapshot_scale = exporting::scale_for_dpi(d.dpi);
    changed = true;
  }
  if (changed) size_from_paper(d, s);
  ImGui::SliderFloat("Scale", &s.snapshot_scale, 0.5f, 25.0f, "%.2f×");
  if (ImGui::Button("Window size")) {
    d.paper = 0;
    s.snapshot_width = state.framebuffer_width;
    s.snapshot_height = state.framebuffer_height;
  }
  ImGui::SameLine();
  if (ImGui::Button("4K")) {
    d.paper = 0;
    s.snapshot_width = 3840;
    s.snapshot_height = 2160;
    s.snapshot_scale = 2.0f;
    d.dpi = 192;
  }
}

// The file's metadata: title, the caption as its description, sources, attribution,
// software and time, as `chronomap render` writes them.
std::vector<ImageText> snapshot_text(AppState& state, const exporting::MapContent& words) {
  const auto& layout = state.settings.snapshot_layout;
  exporting::MapContent described = words;
  described.events = &state.map.events();
  described.links = &state.map.shown_links();
  described.mask = state.map.passes();
  std::vector<ImageText> text;
  if (!layout.title.empty()) text.push_back({"Title", layout.title});
  text.push_back({"Description", exporting::caption_text(state.map.view().time, described)});
  if (!words.sources.empty()) {
    std::string sources;
    for (const auto& name : words.sources) {
      if (!sources.empty()) sources += ", ";
      sources += name;
    }
    text.push_back({"Source", sources});
  }
  if (!words.attribution.empty()) text.push_back({"Copyright", words.attribution});
  std::string software = "chronomap ";
  software += CHRONOMAP_VERSION;
  text.push_back({"Software", software});
  text.push_back({"Creation Time", exporting::creation_time()});
  return text;
}

// Writes the snapshot as its file name says; returns what the status bar reports.
std::string save_snapshot(AppState& state, int dpi, int quality) {
  auto& s = state.settings;
  const auto& layout = s.snapshot_layout;
  if (s.snapshot_width <= 0 || s.snapshot_height <= 0 || s.snapshot_width > exporting::kMaxImageSide ||
      s.snapshot_height > exporting::kMaxImageSide) {
    throw UsageError("width and height must be between 1 and " + std::to_string(exporting::kMaxImageSide));
  }
  // Refused before drawing what could not be saved: a device, a read-only file, an
  // animation's format.
  check_output_target(s.snapshot_path);
  exporting::ImageMetadata metadata;
  metadata.format = exporting::image_format_for(s.snapshot_path, "File");
  if (exporting::is_animation(*metadata.format)) {
    throw UsageError(std::string("File: ") + exporting::format_info(*metadata.format).name +
                     " is an animation: File → Export animation… writes one");
  }
  const exporting::MapContent words = snapshot_words(state);
  metadata.text = snapshot_text(state, words);
  std::string saved = "Saved " + s.snapshot_path + " (" + std::to_string(s.snapshot_width) + "x" +
                      std::to_string(s.snapshot_height);
  if (exporting::is_vector_format(*metadata.format)) {
    const exporting::VectorPage page{metadata.format == exporting::ImageFormat::svg ? exporting::VectorFormat::svg
                                                                                    : exporting::VectorFormat::pdf,
                                     s.snapshot_width, s.snapshot_height, static_cast<double>(dpi)};
    state.map.snapshot_vector(s.snapshot_path, page, s.snapshot_scale, layout, words, metadata.text);
    return saved + " px at " + std::to_string(dpi) + " dpi)";
  }
  metadata.dpi = dpi;
  metadata.jpeg_quality = quality;
  if (metadata.format == exporting::ImageFormat::geotiff) {
    metadata.georeference = exporting::georeference(
        state.map.snapshot_camera(s.snapshot_width, s.snapshot_height, s.snapshot_scale, layout), s.snapshot_width,
        s.snapshot_height, state.map.projection());
  }
  const Image image = state.map.snapshot(s.snapshot_width, s.snapshot_height, s.snapshot_scale, layout, words);
  exporting::write_image(s.snapshot_path, image, metadata);
  return saved + ")";
}

}  // namespace

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
  ImGui::BeginGroup();
  ImGui::TextUnformatted("The current view, drawn by the export renderer.");
  path_field(path, sizeof path, folder);
  format_choice(path, sizeof path, false);
  if (format_of(path) == exporting::ImageFormat::jpeg) ImGui::SliderInt("Quality", &quality, 1, 100);
  size_controls(*this, state);
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
  const DialogButton pressed = dialog_buttons("Save", "Cancel");
  ImGui::EndGroup();
  ImGui::SameLine();
  preview.draw(state, s.snapshot_width, s.snapshot_height, s.snapshot_scale, layout);
  if (pressed == DialogButton::action) {
    s.snapshot_path = path;
    try {
      const std::string saved = save_snapshot(state, dpi, quality);
      if (s.snapshot_project) {
        // The same view, size and furniture: `chronomap render --project` redraws this image.
        std::filesystem::path beside(s.snapshot_path);
        beside.replace_extension(".chronomap.json");
        exporting::save_project(current_project(state), beside);
      }
      state.report(saved, false);
      ImGui::CloseCurrentPopup();
    } catch (const Error& e) {
      state.report(e.what(), true);
    }
  }
  if (pressed == DialogButton::dismiss) ImGui::CloseCurrentPopup();
  end_dialog(state);
}

}  // namespace chronomap::ui

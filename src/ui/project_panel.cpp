// Projects in the window: File > Open project… and Save project… (a path field, as the
// snapshot dialog has), the recent projects, and the Bookmarks window (a name for the
// current area and date; a click goes back to it). Opening a project sets the
// projection, the area, the time, the layers, the filters and the snapshot's settings.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "core/error.hpp"
#include "export/print_size.hpp"
#include "ui/event_details.hpp"
#include "ui/panels.hpp"

namespace chronomap::ui {
namespace {

void remember(Settings& settings, const std::string& path) {
  auto& recent = settings.recent_projects;
  std::error_code ec;
  std::string key = std::filesystem::absolute(path, ec).string();
  if (ec) key = path;
  std::vector<std::string> updated;
  updated.push_back(key);
  for (const auto& r : recent)
    if (r != key && updated.size() < 6) updated.push_back(r);
  recent = std::move(updated);
}

}  // namespace

exporting::Project current_project(const AppState& state) {
  exporting::Project p;
  p.data = state.data;
  p.boundaries = state.boundaries;
  p.layer = state.boundaries_layer;
  p.projection = state.map.projection().spec();
  p.extent = state.map.shown_extent();
  p.time = state.map.view().time;
  p.layers = state.map.view().layers;
  p.density = state.map.view().density;
  p.filter = state.applied_filter;
  p.hidden_categories = hidden_categories(state);
  const auto& s = state.settings;
  p.width = s.snapshot_width;
  p.height = s.snapshot_height;
  p.scale = s.snapshot_scale;
  p.dpi = static_cast<double>(std::lround(static_cast<double>(s.snapshot_scale) * exporting::kDesignDpi));
  p.layout = s.snapshot_layout;
  p.bookmarks = state.bookmarks;
  return p;
}

bool ProjectPanel::open(AppState& state, FilterPanel& filters, const std::string& path) {
  try {
    const exporting::Project p = exporting::load_project(path);
    if (p.boundaries != state.boundaries || p.layer != state.boundaries_layer) {
      throw UsageError(path + ": the project draws other boundaries (" +
                       (p.boundaries.empty() ? std::string("the shipped ones") : p.boundaries) +
                       "); start chronomap with --boundaries to open it");
    }
    if (p.projection != state.map.projection().spec()) {
      state.map.set_projection(p.projection);
      state.settings.projection = p.projection;
    }
    if (p.data != state.data) {
      state.map.set_time_data(exporting::load_time_data(p.data));
      *state.details = EventDetails(p.data);
      state.data = p.data;
      state.pinned.clear();
      state.selected.reset();
    }
    if (!p.extent.empty()) state.map.fit_extent(p.extent);
    auto& view = state.map.view();
    const bool animate = view.time.animate_links;
    view.time = p.time;
    view.time.animate_links = animate;
    view.layers = p.layers;
    view.density = p.density;
    state.settings.layers = p.layers;
    state.settings.density = p.density;
    for (std::size_t c = 0; c < render::event_categories().size(); ++c) {
      const auto name = render::event_categories()[c];
      const bool hidden = std::find(p.hidden_categories.begin(), p.hidden_categories.end(), name) !=
                          p.hidden_categories.end();
      state.map.set_category_shown(static_cast<std::uint8_t>(c), !hidden);
    }
    filters.set(state, p.filter);
    auto& s = state.settings;
    s.snapshot_width = p.width;
    s.snapshot_height = p.height;
    s.snapshot_scale = p.scale;
    s.snapshot_layout = p.layout;
    state.bookmarks = p.bookmarks;
    state.project_path = path;
    remember(s, path);
    state.report("Opened project " + path, false);
    return true;
  } catch (const Error& e) {
    state.report(e.what(), true);
    return false;
  }
}

void ProjectPanel::draw(AppState& state, FilterPanel& filters) {
  if (state.open_project || state.save_project) {
    std::snprintf(path_, sizeof path_, "%s",
                  state.project_path.empty() ? "chronomap-project.json" : state.project_path.c_str());
    ImGui::OpenPopup(state.save_project ? "Save project" : "Open project");
    state.open_project = state.save_project = false;
  }
  for (const bool saving : {false, true}) {
    const char* title = saving ? "Save project" : "Open project";
    ImGui::SetNextWindowSize(ImVec2(520, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) continue;
    ImGui::TextUnformatted(saving ? "The data, projection, area, time, layers, filters, snapshot settings and bookmarks."
                                  : "A project saved by chronomap (JSON).");
    ImGui::InputText("File", path_, sizeof path_);
    if (!saving && !state.settings.recent_projects.empty()) {
      ImGui::TextDisabled("Recent");
      for (const auto& recent : state.settings.recent_projects) {
        if (ImGui::Selectable(recent.c_str())) std::snprintf(path_, sizeof path_, "%s", recent.c_str());
      }
    }
    ImGui::Separator();
    if (ImGui::Button(saving ? "Save" : "Open", ImVec2(120, 0))) {
      if (saving) {
        try {
          exporting::save_project(current_project(state), path_);
          state.project_path = path_;
          remember(state.settings, path_);
          state.report(std::string("Saved project ") + path_, false);
          ImGui::CloseCurrentPopup();
        } catch (const Error& e) {
          state.report(e.what(), true);
        }
      } else if (open(state, filters, path_)) {
        ImGui::CloseCurrentPopup();
      }
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(120, 0))) ImGui::CloseCurrentPopup();
    if (state.message_is_error && !state.message.empty())
      ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.15f, 1.0f), "%s", state.message.c_str());
    ImGui::EndPopup();
  }

  if (!state.show_bookmarks) return;
  ImGui::SetNextWindowSize(ImVec2(320, 260), ImGuiCond_FirstUseEver);
  if (ImGui::Begin("Bookmarks", &state.show_bookmarks)) {
    ImGui::InputText("##name", bookmark_name_, sizeof bookmark_name_);
    ImGui::SameLine();
    if (ImGui::Button("Add") && bookmark_name_[0] != '\0') {
      exporting::Bookmark b;
      b.name = bookmark_name_;
      b.projection = state.map.projection().spec();
      b.extent = state.map.shown_extent();
      b.date = state.map.view().time.cursor;
      state.bookmarks.push_back(std::move(b));
      bookmark_name_[0] = '\0';
      state.report("Bookmark added; File > Save project keeps it", false);
    }
    ImGui::Separator();
    std::optional<std::size_t> remove;
    for (std::size_t i = 0; i < state.bookmarks.size(); ++i) {
      const auto& b = state.bookmarks[i];
      ImGui::PushID(static_cast<int>(i));
      std::string label = b.name;
      if (b.date) label += "  (" + format_iso(*b.date) + ")";
      if (ImGui::Selectable(label.c_str(), false, 0, ImVec2(ImGui::GetContentRegionAvail().x - 30, 0))) {
        try {
          if (b.projection != state.map.projection().spec()) {
            state.map.set_projection(b.projection);
            state.settings.projection = b.projection;
          }
          state.map.fit_extent(b.extent);
        } catch (const Error& e) {
          state.report(e.what(), true);
        }
        if (b.date) state.map.view().time.cursor = *b.date;
        state.report("Bookmark: " + b.name, false);
      }
      ImGui::SameLine();
      if (ImGui::SmallButton("x")) remove = i;
      ImGui::PopID();
    }
    if (remove) state.bookmarks.erase(state.bookmarks.begin() + static_cast<std::ptrdiff_t>(*remove));
    if (state.bookmarks.empty()) ImGui::TextDisabled("Name the current area and date, then Add.");
  }
  ImGui::End();
}

}  // namespace chronomap::ui

// The main menu: projections, layer toggles, snapshot and animation, shortcuts, about.
#include <imgui.h>
#include <imgui_internal.h>  // PushItemFlag: ImGui 1.86 has no public way to keep a menu open

#include <utility>

#include "core/error.hpp"
#include "geo/projection.hpp"
#include "ui/panels.hpp"

namespace chronomap::ui {

void MenuBar::draw(AppState& state) {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Save snapshot…", "Ctrl+S")) state.open_snapshot = true;
    if (ImGui::MenuItem("Export animation…")) state.open_animation = true;
    ImGui::Separator();
    if (ImGui::MenuItem("Open project…")) state.open_project = true;
    if (ImGui::MenuItem("Save project…")) state.save_project = true;
    if (ImGui::MenuItem("Bookmarks", nullptr, state.show_bookmarks)) state.show_bookmarks = !state.show_bookmarks;
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) state.quit = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    if (ImGui::BeginMenu("Projection")) {
      for (const auto& p : geo::named_projections()) {
        const bool current = state.map.projection().spec() == p.id;
        if (ImGui::MenuItem(p.label, nullptr, current) && !current) {
          try {
            state.map.set_projection(p.id);
            state.settings.projection = p.id;
            state.report(std::string("Projection: ") + p.label, false);
          } catch (const Error& e) {
            state.report(e.what(), true);
          }
        }
      }
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Theme")) {
      const std::pair<const char*, const char*> themes[] = {{"light", "Light (print)"}, {"dark", "Dark (screen)"}};
      for (const auto& [id, label] : themes) {
        const bool current = state.settings.theme == id;
        if (ImGui::MenuItem(label, nullptr, current) && !current) {
          state.map.set_theme(*render::named_theme(id));
          state.settings.theme = id;
          state.report(std::string("Theme: ") + label, false);
        }
      }
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Layers")) {
      // Toggling a layer leaves the menu open, so several can be toggled in a row.
      ImGui::PushItemFlag(ImGuiItemFlags_SelectableDontClosePopup, true);
      auto& layers = state.map.view().layers;
      ImGui::MenuItem("Countries", nullptr, &layers.land);
      ImGui::MenuItem("Borders", nullptr, &layers.borders);
      ImGui::MenuItem("Graticule", nullptr, &layers.graticule);
      ImGui::MenuItem("Moscow outline", nullptr, &layers.moscow);
      ImGui::MenuItem("Places", nullptr, &layers.places);
      ImGui::MenuItem("Labels", nullptr, &layers.labels);
      ImGui::Separator();
      ImGui::MenuItem("Events", nullptr, &layers.events);
      if (ImGui::BeginMenu("Events as")) {
        // Automatic: points, and a heatmap when the events in the window crowd the map.
        const std::pair<render::DensityMode, const char*> modes[] = {
            {render::DensityMode::automatic, "Automatic"},
            {render::DensityMode::points, "Points"},
            {render::DensityMode::heatmap, "Heatmap (events per 100 km²)"},
            {render::DensityMode::hexagons, "Hexagons (events per hexagon)"}};
        for (const auto& [mode, label] : modes) {
          if (ImGui::MenuItem(label, nullptr, state.map.view().density == mode)) state.map.view().density = mode;
        }
        state.settings.density = state.map.view().density;
        ImGui::EndMenu();
      }
      ImGui::MenuItem("Alliance links", nullptr, &layers.links);
      state.settings.layers = layers;
      ImGui::PopItemFlag();
      ImGui::EndMenu();
    }
    ImGui::Separator();
    ImGui::MenuItem("Event table", "Ctrl+T", &state.show_event_table);
    ImGui::MenuItem("Filters", "Ctrl+F", &state.show_filters);
    if (ImGui::MenuItem("Reset view", "Home")) state.map.fit_default(state.framebuffer_width, state.framebuffer_height, state.map.bottom_inset());
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    ImGui::MenuItem("Keyboard shortcuts", "F1", &state.show_shortcuts);
    if (ImGui::MenuItem("About chronomap")) state.open_about = true;
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
}

}  // namespace chronomap::ui

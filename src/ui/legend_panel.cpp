// The on-screen legend of the dated layers: event categories, or the density ramp
// with its units when events are drawn as a heatmap or hexagons; link kinds.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "render/time_data.hpp"
#include "ui/panels.hpp"

namespace chronomap::ui {
namespace {

ImU32 to_imgui(const render::Color& c) {
  return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, c.a));
}

// The density ramp as a bar of its colours with a value under each decade, its unit
// above and, for hexagons, their ground size below.
void draw_density_ramp(const render::DensityLegend& legend) {
  ImGui::TextUnformatted(legend.unit().c_str());
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = 200.0f, height = ImGui::GetTextLineHeight() * 0.8f;
  constexpr int kSteps = 32;
  for (int i = 0; i < kSteps; ++i) {
    const float x0 = at.x + width * static_cast<float>(i) / kSteps, x1 = at.x + width * static_cast<float>(i + 1) / kSteps;
    const ImU32 left = to_imgui(render::density_ramp_color(static_cast<float>(i) / kSteps));
    const ImU32 right = to_imgui(render::density_ramp_color(static_cast<float>(i + 1) / kSteps));
    draw->AddRectFilledMultiColor(ImVec2(x0, at.y), ImVec2(x1, at.y + height), left, right, right, left);
  }
  ImGui::Dummy(ImVec2(width, height));
  const auto labels = legend.tick_labels();
  const float y = ImGui::GetCursorPosY();
  const float x = ImGui::GetCursorPosX();
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const float f = static_cast<float>(i) / static_cast<float>(labels.size() - 1);
    const float w = ImGui::CalcTextSize(labels[i].c_str()).x;
    ImGui::SetCursorPos(ImVec2(x + std::clamp(width * f - w * f, 0.0f, width - w), y));
    ImGui::TextUnformatted(labels[i].c_str());
  }
  if (const std::string note = legend.note(); !note.empty()) ImGui::TextWrapped("%s", note.c_str());
}

}  // namespace

void LegendPanel::draw(AppState& state) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - 250, viewport->WorkPos.y + 10),
                          ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(240, 0), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowBgAlpha(0.85f);
  // In a small window the legend scrolls rather than running off the bottom.
  limit_next_size(TimelinePanel::bottom_panels());
  if (!ImGui::Begin("Legend", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    keep_inside(TimelinePanel::bottom_panels(), false);
    ImGui::End();
    return;
  }
  keep_inside(TimelinePanel::bottom_panels(), false);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float line = ImGui::GetTextLineHeight();
  auto swatch_row = [&](const render::Color& color, const std::string& label, bool arc) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    if (arc) {
      draw->AddLine(ImVec2(at.x, at.y + line * 0.5f), ImVec2(at.x + 18, at.y + line * 0.5f), to_imgui(color), 3.0f);
    } else {
      draw->AddCircleFilled(ImVec2(at.x + 9, at.y + line * 0.5f), line * 0.35f, to_imgui(color));
    }
    ImGui::Dummy(ImVec2(22, line));
    ImGui::SameLine();
    ImGui::TextUnformatted(label.c_str());
  };
  // Which categories occur is worked out once per data set, not per frame: with a
  // million events a scan each frame would cost more than drawing them.
  if (built_for_ != &state.map.events() || built_size_ != state.map.events().size()) {
    present_.assign(render::event_categories().size(), false);
    for (const auto c : state.map.events().categories) present_[c] = true;
    built_for_ = &state.map.events();
    built_size_ = state.map.events().size();
  }
  ImGui::TextDisabled("Events");
  const render::DensityLegend density = state.map.density_legend();
  if (density.mode != render::DensityMode::points) {
    draw_density_ramp(density);
  } else {
    // Each entry toggles its category on the map, in the histogram and in picking.
    const auto categories = render::event_categories();
    for (std::size_t i = 0; i < categories.size(); ++i) {
      if (!present_[i]) continue;
      const auto index = static_cast<std::uint8_t>(i);
      const bool shown = state.map.category_shown(index);
      ImGui::PushID(static_cast<int>(i));
      const ImVec2 row = ImGui::GetCursorScreenPos();
      // As wide as the swatch and its name: the available width of a window that sizes
      // itself to its contents would feed back and widen it frame after frame.
      const float row_width = 22.0f + ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize(categories[i].data(), categories[i].data() + categories[i].size()).x;
      if (ImGui::InvisibleButton("##toggle", ImVec2(row_width, line)))
        state.map.set_category_shown(index, !shown);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip(shown ? "Click to hide %s" : "Click to show %s", categories[i].data());
      ImGui::SetCursorScreenPos(row);
      if (!shown) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.35f);
      render::Color swatch = render::category_color(index);
      if (!shown) swatch.a = 0.35f;
      swatch_row(swatch, std::string(categories[i]) + (shown ? "" : " (hidden)"), false);
      if (!shown) ImGui::PopStyleVar();
      ImGui::PopID();
    }
  }
  ImGui::TextDisabled("Links");
  for (std::size_t i = 0; i < render::link_kinds().size(); ++i) {
    const auto index = static_cast<std::uint8_t>(i);
    const auto& links = state.map.links();
    if (std::none_of(links.begin(), links.end(), [&](const render::Link& l) { return l.kind == index; })) continue;
    swatch_row(render::link_kind_color(index), std::string(render::link_kind_label(index)), true);
  }
  swatch_row(render::Color{0.35f, 0.35f, 0.35f, 0.7f}, "Ended (within the window)", true);
  ImGui::End();
}

}  // namespace chronomap::ui

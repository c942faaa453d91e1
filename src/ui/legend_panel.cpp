// The on-screen legend of the dated layers: event categories with their marker
// shapes, or the density ramp with its units when events are drawn as a heatmap or
// hexagons; the date and place precision symbols; link kinds with their dashes.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <span>
#include <string>
#include <vector>

#include "render/symbols.hpp"
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

// A marker as the map draws it: the shape filled (a fan from its centre, which holds
// for the concave ones too) with an edge, or only the edge for an uncertain date.
void draw_marker(ImDrawList* draw, ImVec2 centre, float radius, render::MarkerShape shape, ImU32 color, bool hollow) {
  std::vector<ImVec2> points;
  for (const auto& p : render::marker_outline(shape))
    points.push_back(ImVec2(centre.x + p.x * radius, centre.y + p.y * radius));
  const int n = static_cast<int>(points.size());
  if (hollow) {
    draw->AddPolyline(points.data(), n, color, ImDrawFlags_Closed, std::max(2.0f, radius * 0.4f));
    return;
  }
  for (int i = 0; i < n; ++i) draw->AddTriangleFilled(centre, points[static_cast<std::size_t>(i)],
                                                      points[static_cast<std::size_t>((i + 1) % n)], color);
  // A light edge: the panel is dark, and the deep colours (the coup's crimson) need it.
  draw->AddPolyline(points.data(), n, IM_COL32(230, 230, 230, 170), ImDrawFlags_Closed, 1.0f);
}

// A line sample from x0 to x1 at y with a link kind's dash pattern (design px, here
// one to one).
void draw_dashed(ImDrawList* draw, float x0, float x1, float y, std::span<const float> dash, ImU32 color, float width) {
  if (dash.empty()) {
    draw->AddLine(ImVec2(x0, y), ImVec2(x1, y), color, width);
    return;
  }
  float x = x0;
  for (std::size_t i = 0; x < x1; i = (i + 1) % dash.size()) {
    const float end = std::min(x + dash[i], x1);
    if (i % 2 == 0) draw->AddLine(ImVec2(x, y), ImVec2(end, y), color, width);
    x += dash[i];
  }
}

// The dashed circle of an event placed at an area's centroid (shaders/event.frag).
void draw_dashed_circle(ImDrawList* draw, ImVec2 centre, float radius, ImU32 color) {
  constexpr int kDashes = 12;
  constexpr float kStep = 2.0f * 3.14159265f / kDashes;
  for (int i = 0; i < kDashes; ++i) {
    const float a = static_cast<float>(i) * kStep;
    draw->PathArcTo(centre, radius, a, a + 0.6f * kStep, 4);
    draw->PathStroke(color, 0, 1.2f);
  }
}

}  // namespace

void LegendPanel::draw(AppState& state) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - 250, viewport->WorkPos.y + 10),
                          ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(240, 0), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowBgAlpha(0.85f);
  if (!ImGui::Begin("Legend", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::End();
    return;
  }
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float line = ImGui::GetTextLineHeight();
  // A row: its symbol drawn by `symbol` in a box of the line's height at `at`, then the label.
  constexpr float kSymbolWidth = 30;
  auto symbol_row = [&](const std::string& label, auto symbol) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    symbol(at);
    ImGui::Dummy(ImVec2(kSymbolWidth + 4, line));
    ImGui::SameLine();
    ImGui::TextUnformatted(label.c_str());
  };
  const float marker_radius = line * 0.36f;
  auto marker_row = [&](const render::Color& color, render::MarkerShape shape, const std::string& label, bool hollow) {
    symbol_row(label, [&](ImVec2 at) {
      draw_marker(draw, ImVec2(at.x + kSymbolWidth * 0.5f, at.y + line * 0.5f), marker_radius, shape, to_imgui(color),
                  hollow);
    });
  };
  auto line_row = [&](const render::Color& color, std::span<const float> dash, const std::string& label, float width) {
    symbol_row(label, [&](ImVec2 at) {
      draw_dashed(draw, at.x, at.x + kSymbolWidth, at.y + line * 0.5f, dash, to_imgui(color), width);
    });
  };
  // Which categories occur is worked out once per data set, not per frame: with a
  // million events a scan each frame would cost more than drawing them.
  if (built_for_ != &state.map.events() || built_size_ != state.map.events().size()) {
    present_.assign(render::event_categories().size(), false);
    for (const auto c : state.map.events().categories) present_[c] = true;
    date_imprecise_ = place_imprecise_ = false;
    for (const auto flags : state.map.events().precision) {
      date_imprecise_ = date_imprecise_ || (flags & render::kDateImprecise) != 0;
      place_imprecise_ = place_imprecise_ || (flags & render::kPlaceImprecise) != 0;
    }
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
      if (ImGui::InvisibleButton("##toggle", ImVec2(ImGui::GetContentRegionAvail().x, line)))
        state.map.set_category_shown(index, !shown);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip(shown ? "Click to hide %s" : "Click to show %s", categories[i].data());
      ImGui::SetCursorScreenPos(row);
      if (!shown) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.35f);
      render::Color swatch = render::category_color(index);
      if (!shown) swatch.a = 0.35f;
      marker_row(swatch, render::category_shape(index), std::string(categories[i]) + (shown ? "" : " (hidden)"), false);
      if (!shown) ImGui::PopStyleVar();
      ImGui::PopID();
    }
  }
  if (density.mode == render::DensityMode::points) {
    const render::Color neutral{0.35f, 0.35f, 0.35f, 1.0f};
    if (date_imprecise_)
      marker_row(neutral, render::MarkerShape::circle, "date known to the month/year", true);
    if (place_imprecise_) {
      symbol_row("place known to region/country", [&](ImVec2 at) {
        const ImVec2 centre(at.x + kSymbolWidth * 0.5f, at.y + line * 0.5f);
        draw_marker(draw, centre, marker_radius * 0.8f, render::MarkerShape::circle, to_imgui(neutral), false);
        draw_dashed_circle(draw, centre, marker_radius * 1.7f, to_imgui(neutral));
      });
    }
  }
  ImGui::TextDisabled("Links");
  for (std::size_t i = 0; i < render::link_kinds().size(); ++i) {
    const auto index = static_cast<std::uint8_t>(i);
    const auto& links = state.map.links();
    if (std::none_of(links.begin(), links.end(), [&](const render::Link& l) { return l.kind == index; })) continue;
    line_row(render::link_kind_color(index), render::link_kind_dash(index), std::string(render::link_kind_label(index)),
             2.5f);
  }
  line_row(render::Color{0.35f, 0.35f, 0.35f, 0.75f}, {}, "Ended (within the window)", 1.5f);
  ImGui::End();
}

}  // namespace chronomap::ui

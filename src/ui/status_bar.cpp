// The bottom line: where the cursor is, over which country or links, and the last
// message. Each half keeps to its width: a text too long for it ends in "…" and shows
// in full in a tooltip.
#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "ui/panels.hpp"

namespace chronomap::ui {
namespace {

// The longest prefix of `text` (whole UTF-8 characters) that fits `width` with "…" after it.
std::string fit_with_ellipsis(const std::string& text, float width) {
  const char* ellipsis = "…";
  const float room = width - ImGui::CalcTextSize(ellipsis).x;
  std::size_t low = 0, high = text.size();  // low fits, high does not
  while (high - low > 1) {
    const std::size_t mid = (low + high) / 2;
    if (ImGui::CalcTextSize(text.data(), text.data() + mid).x <= room) low = mid;
    else high = mid;
  }
  while (low > 0 && (static_cast<unsigned char>(text[low]) & 0xC0) == 0x80) --low;  // not inside a character
  std::string out = text.substr(0, low);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  out += ellipsis;
  return out;
}

// `text` at the cursor within `width` pixels, cut with an ellipsis if it is longer.
void clipped_text(const std::string& text, float width, const ImVec4* color) {
  const bool fits = ImGui::CalcTextSize(text.c_str()).x <= width;
  const std::string shown = fits ? text : fit_with_ellipsis(text, width);
  if (color != nullptr) ImGui::PushStyleColor(ImGuiCol_Text, *color);
  ImGui::TextUnformatted(shown.c_str());
  if (color != nullptr) ImGui::PopStyleColor();
  if (!fits && ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

}  // namespace

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
    const float left = ImGui::GetCursorPosX();
    const float right = ImGui::GetWindowWidth() - 8.0f;
    const float middle = ImGui::GetWindowWidth() * 0.5f;
    const float gap = 12.0f;
    // The cursor's place, then the links or the country under it.
    std::string where;
    if (const auto& hover = state.map.hover()) {
      char position[64];
      std::snprintf(position, sizeof position, "%.4f° %s  %.4f° %s", std::abs(hover->position.lat),
                    hover->position.lat >= 0 ? "N" : "S", std::abs(hover->position.lon),
                    hover->position.lon >= 0 ? "E" : "W");
      where = position;
      const std::string& what = hover->link.empty() ? hover->country : hover->link;  // the card lists links in full
      if (!what.empty()) {
        where += "  ";
        where += what;
      }
    } else {
      where = state.map.projection().label();
    }
    clipped_text(where, (state.message.empty() ? right : middle - gap) - left, nullptr);
    if (!state.message.empty()) {
      ImGui::SameLine(middle);
      const ImVec4 color = state.message_is_error ? ImVec4(0.9f, 0.3f, 0.2f, 1.0f) : ImVec4(0.6f, 0.8f, 0.6f, 1.0f);
      clipped_text(state.message, right - middle, &color);
    }
  }
  ImGui::End();
  ImGui::PopStyleVar();
}

}  // namespace chronomap::ui

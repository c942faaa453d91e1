// Help > About: version, renderer, and the data's sources and licenses, the latter
// geodata/ATTRIBUTION.md drawn as formatted text (headings, bullets, quotes, tables,
// links that open in the system browser) rather than as its Markdown source.
#include <imgui.h>

#include <algorithm>
#include <string_view>

#include "ui/event_details.hpp"
#include "ui/markdown.hpp"
#include "ui/panels.hpp"

namespace chronomap::ui {
namespace {

const ImVec4 kLinkColor(0.45f, 0.70f, 1.0f, 1.0f);
const ImVec4 kCodeColor(0.85f, 0.80f, 0.55f, 1.0f);

// One word of a span, placed after the previous one and wrapped at the right edge of
// the region.
void draw_word(std::string_view word, const MarkdownSpan& span, bool space_before, bool& line_start, float right) {
  const float width = ImGui::CalcTextSize(word.data(), word.data() + word.size()).x;
  if (!line_start) {
    ImGui::SameLine(0, space_before ? ImGui::CalcTextSize(" ").x : 0.0f);
    if (space_before && ImGui::GetCursorPosX() + width > right) ImGui::NewLine();
  }
  line_start = false;
  if (!span.url.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kLinkColor);
  } else if (span.code) {
    ImGui::PushStyleColor(ImGuiCol_Text, kCodeColor);
  }
  ImGui::TextUnformatted(word.data(), word.data() + word.size());
  if (!span.url.empty() || span.code) ImGui::PopStyleColor();
  if (span.url.empty()) return;
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  ImGui::GetWindowDrawList()->AddLine(ImVec2(a.x, b.y), b, ImGui::ColorConvertFloat4ToU32(kLinkColor));
  if (ImGui::IsItemHovered()) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::SetTooltip("%s", span.url.c_str());
  }
  if (ImGui::IsItemClicked()) {
    if (const std::string problem = open_url(span.url); !problem.empty()) ImGui::SetTooltip("%s", problem.c_str());
  }
}

// Spans as flowing text, wrapped word by word at the region's right edge.
void draw_spans(const std::vector<MarkdownSpan>& spans) {
  const float right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
  bool line_start = true, space_before = false;
  for (const auto& span : spans) {
    const std::string_view text = span.text;
    std::size_t i = 0;
    while (i < text.size()) {
      if (text[i] == ' ') {
        space_before = true;
        ++i;
        continue;
      }
      const std::size_t end = std::min(text.find(' ', i), text.size());
      draw_word(text.substr(i, end - i), span, space_before, line_start, right);
      space_before = false;
      i = end;
    }
  }
  if (line_start) ImGui::NewLine();
}

void draw_table(const MarkdownBlock& table, ImFont* bold) {
  std::size_t columns = 0;
  for (const auto& row : table.rows) columns = std::max(columns, row.size());
  if (columns == 0) return;
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##table", static_cast<int>(columns), flags)) return;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    ImGui::TableNextRow(r == 0 ? ImGuiTableRowFlags_Headers : ImGuiTableRowFlags_None);
    for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
      ImGui::TableSetColumnIndex(static_cast<int>(c));
      if (r == 0 && bold != nullptr) ImGui::PushFont(bold);
      draw_spans(table.rows[r][c]);
      if (r == 0 && bold != nullptr) ImGui::PopFont();
    }
  }
  ImGui::EndTable();
}

void draw_markdown(const std::vector<MarkdownBlock>& blocks, ImFont* heading_font) {
  int tables = 0;
  for (const auto& block : blocks) {
    switch (block.kind) {
      case MarkdownBlock::Kind::heading:
        ImGui::Spacing();
        if (block.level <= 1 && heading_font != nullptr) ImGui::PushFont(heading_font);
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.85f, 0.5f, 1.0f));
        draw_spans(block.spans);
        ImGui::PopStyleColor();
        if (block.level <= 1 && heading_font != nullptr) ImGui::PopFont();
        break;
      case MarkdownBlock::Kind::paragraph:
        draw_spans(block.spans);
        ImGui::Spacing();
        break;
      case MarkdownBlock::Kind::bullet:
        ImGui::Indent(static_cast<float>(block.level) * 16.0f);
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::BeginGroup();
        draw_spans(block.spans);
        ImGui::EndGroup();
        ImGui::Unindent(static_cast<float>(block.level) * 16.0f);
        break;
      case MarkdownBlock::Kind::quote: {
        ImGui::Indent(28.0f);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        draw_spans(block.spans);
        ImGui::PopStyleColor();
        ImGui::Unindent(28.0f);
        ImGui::Spacing();
        break;
      }
      case MarkdownBlock::Kind::table:
        ImGui::PushID(tables++);
        draw_table(block, nullptr);
        ImGui::PopID();
        ImGui::Spacing();
        break;
    }
  }
}

}  // namespace

void AboutDialog::draw(AppState& state) {
  if (state.open_about) {
    ImGui::OpenPopup("About chronomap");
    state.open_about = false;
  }
  if (parsed_for_ != state.attribution.size()) {  // parsed once, not per frame
    blocks_ = parse_markdown(state.attribution);
    parsed_for_ = state.attribution.size();
  }
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowSize(ImVec2(std::min(760.0f, viewport->WorkSize.x - 20.0f), std::min(560.0f, viewport->WorkSize.y - 20.0f)),
                           ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + viewport->WorkSize.y * 0.5f),
                          ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal("About chronomap")) return;
  ImGui::Text("chronomap %s: a map of dated, geocoded regional events", CHRONOMAP_VERSION);
  ImGui::Text("Renderer: %s", state.map.renderer_name().c_str());
  ImGui::Separator();
  ImGui::BeginChild("attribution", ImVec2(0, -ImGui::GetFrameHeightWithSpacing()), false);
  draw_markdown(blocks_, state.large_font);
  ImGui::EndChild();
  if (ImGui::Button("Close", ImVec2(120, 0))) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace chronomap::ui
